import pytest
from django.urls import reverse

from msp.enquiries.models import DesiredOutcome, OutcomeRevision
from tests.web.conftest import text_of, whole_case

WORDS = "I want my son to visit but not to handle my money."


def test_add_an_outcome_in_the_persons_words(client_for, practitioner, case_in):
    case = case_in("enquiry", outcomes=0)
    client = client_for(practitioner)
    form = client.get(reverse("enquiries:add-outcome", args=[case.pk]))
    assert "Write it in their own words, as they said it" in text_of(form)
    response = client.post(
        reverse("enquiries:add-outcome", args=[case.pk]),
        {"version": case.version, "text": WORDS, "whose_words": "person"},
    )
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    text = text_of(whole_case(client, case.pk))
    assert WORDS in text
    assert "Desired outcome recorded by Pat Okafor" in text


def test_a_representatives_words_name_them(client_for, practitioner, case_in):
    case = case_in("enquiry", outcomes=0)
    client = client_for(practitioner)
    missing = client.post(
        reverse("enquiries:add-outcome", args=[case.pk]),
        {"version": case.version, "text": WORDS, "whose_words": "representative"},
    )
    html = missing.content.decode()
    assert '<a href="#representative_name">Enter the name of the representative</a>' in html
    assert f">{WORDS}</textarea>" in html
    client.post(
        reverse("enquiries:add-outcome", args=[case.pk]),
        {
            "version": case.version,
            "text": WORDS,
            "whose_words": "representative",
            "representative_name": "Ann Lee",
            "representative_relationship": "independent advocate",
        },
    )
    text = text_of(whole_case(client, case.pk))
    assert "In the words of Ann Lee (independent advocate)" in text


def test_empty_outcome(client_for, practitioner, case_in):
    case = case_in("enquiry", outcomes=0)
    response = client_for(practitioner).post(
        reverse("enquiries:add-outcome", args=[case.pk]), {"version": case.version}
    )
    html = response.content.decode()
    assert "Enter what the person wants to happen, in their own words" in html
    assert "<title>Error: Add a desired outcome" in html


def revise_post(outcome, text="I want to stay at home with more help.", **extra):
    return {
        "version": outcome.version,
        "text": text,
        "whose_words": "person",
        "reason": "She said this at our second visit.",
        **extra,
    }


def test_revisit_an_outcome(client_for, practitioner, case_in):
    case = case_in("enquiry")
    outcome = case.desired_outcomes.get()
    client = client_for(practitioner)
    form = client.get(reverse("enquiries:revise-outcome", args=[outcome.pk]))
    assert ">I want to feel safe in my own home (1)</textarea>" in form.content.decode()
    response = client.post(
        reverse("enquiries:revise-outcome", args=[outcome.pk]), revise_post(outcome)
    )
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    page = text_of(whole_case(client, case.pk))
    assert "I want to stay at home with more help." in page
    assert "Revisited 1 time" in page
    assert "Why it changed: She said this at our second visit." in page
    assert "Desired outcome revisited by Pat Okafor" in page


def test_revisit_needs_a_reason(client_for, practitioner, case_in):
    outcome = case_in("enquiry").desired_outcomes.get()
    response = client_for(practitioner).post(
        reverse("enquiries:revise-outcome", args=[outcome.pk]), revise_post(outcome, reason="")
    )
    assert '<a href="#reason">Enter why the outcome has changed' in response.content.decode()
    assert OutcomeRevision.objects.filter(outcome=outcome).count() == 1


def test_two_people_revisit_the_same_outcome(client_for, practitioner, colleague, case_in):
    outcome = case_in("enquiry").desired_outcomes.get()
    url = reverse("enquiries:revise-outcome", args=[outcome.pk])
    mine, theirs = client_for(practitioner), client_for(colleague)
    assert 'name="version" value="1"' in mine.get(url).content.decode()
    assert 'name="version" value="1"' in theirs.get(url).content.decode()

    theirs.post(url, revise_post(outcome, text="Cal's version of what she wants."))
    my_text = "I want to choose who comes into my home."
    conflict = mine.post(url, revise_post(outcome, text=my_text))

    assert conflict.status_code == 409
    html = conflict.content.decode()
    text = text_of(conflict)
    assert "Cal Reyes changed this record while you were working on it" in text
    assert "Cal's version of what she wants." in text
    assert f">{my_text}</textarea>" in html
    assert 'name="version" value="2"' in html
    again = {key: value for key, value in revise_post(outcome, text=my_text).items()}
    again["version"] = 2
    saved = mine.post(url, again)
    assert saved.status_code == 302
    assert DesiredOutcome.objects.get(pk=outcome.pk).current.text == my_text


def test_rate_an_outcome_when_closing(client_for, practitioner, case_in):
    case = case_in("closing")
    outcome = case.desired_outcomes.get()
    client = client_for(practitioner)
    url = reverse("enquiries:rate-outcome", args=[outcome.pk])
    assert "Fully achieved" in text_of(client.get(url))
    empty = client.post(url, {"version": outcome.version})
    assert "Select how far the outcome was achieved" in text_of(empty)
    response = client.post(
        url, {"version": outcome.version, "achievement": "partially", "person_view": "Better."}
    )
    assert response.status_code == 302
    page = text_of(whole_case(client, case.pk))
    assert "Partly achieved" in page
    assert "Outcome achievement recorded by Pat Okafor" in page


def test_rating_before_closing_is_409(client_for, practitioner, case_in):
    outcome = case_in("enquiry").desired_outcomes.get()
    response = client_for(practitioner).post(
        reverse("enquiries:rate-outcome", args=[outcome.pk]),
        {"version": outcome.version, "achievement": "fully"},
    )
    assert response.status_code == 409
    assert "You cannot record how far the outcome was achieved" in text_of(response)


@pytest.mark.parametrize("url_name", ["enquiries:revise-outcome", "enquiries:rate-outcome"])
def test_outcome_pages_access(
    client_for, practitioner, other_manager, outsider, auditor, case_in, url_name
):
    outcome = case_in("closing").desired_outcomes.get()
    url = reverse(url_name, args=[outcome.pk])
    data = {"version": 1, "achievement": "fully", **revise_post(outcome)}
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(auditor).get(url).status_code == 404
    assert client_for(other_manager).get(url).status_code == 403
    assert client_for(other_manager).post(url, data).status_code == 403
    assert client_for(practitioner).put(url).status_code == 405
    missing = reverse(url_name, args=[outcome.pk + 1000])
    assert client_for(practitioner).get(missing).status_code == 404


def test_add_outcome_access(client_for, practitioner, other_manager, outsider, case_in):
    case = case_in("enquiry")
    url = reverse("enquiries:add-outcome", args=[case.pk])
    data = {"version": case.version, "text": WORDS, "whose_words": "person"}
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(other_manager).post(url, data).status_code == 403
    assert client_for(practitioner).delete(url).status_code == 405
    assert case.desired_outcomes.count() == 1

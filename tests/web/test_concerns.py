import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.cases.models import Case
from msp.concerns.models import Concern, Section42Decision
from tests import factories
from tests.web.conftest import date_parts, text_of, whole_case

WHAT_HAPPENED = "Neighbour saw her carer shouting at her and taking her bank card."


def concern_post(on=None, **overrides):
    on = on or timezone.localdate()
    data = {
        "raised_on-day": str(on.day),
        "raised_on-month": str(on.month),
        "raised_on-year": str(on.year),
        "raised_via": "staff",
        "referrer_name": "Pat Okafor",
        "what_happened": WHAT_HAPPENED,
        "abuse_types": ["financial", "psychological"],
        "location_of_risk": "own_home",
        "sources_of_risk": ["service_provider"],
        "person_aware": "yes",
        "person_wishes": "She wants a different carer.",
    }
    data.update(overrides)
    return data


def test_start_finds_people_and_links_to_raise(client_for, practitioner):
    person = factories.person(practitioner, given_name="Ivy", family_name="Tranter")
    response = client_for(practitioner).get(reverse("concerns:start"), {"q": "Tranter"})
    html = response.content.decode()
    assert reverse("concerns:raise", args=[person.pk]) in html
    assert reverse("people:create") + "?next=concern" in html
    assert "Raise a concern" in text_of(response)


def test_start_is_get_only_and_for_casework(client_for, practitioner, auditor):
    assert client_for(practitioner).post(reverse("concerns:start")).status_code == 405
    assert client_for(auditor).get(reverse("concerns:start")).status_code == 403


def test_raise_form_is_prefilled_for_staff(client_for, practitioner):
    person = factories.person(practitioner)
    response = client_for(practitioner).get(reverse("concerns:raise", args=[person.pk]))
    html = response.content.decode()
    assert 'value="staff" checked' in html
    assert 'value="Pat Okafor"' in html
    assert f'value="{timezone.localdate().year}"' in html
    assert person.full_name in text_of(response)
    # Sources of risk come with their hints
    assert "Anyone paid, contracted or commissioned" in html


def test_raise_a_concern(client_for, practitioner):
    person = factories.person(practitioner)
    client = client_for(practitioner)
    response = client.post(reverse("concerns:raise", args=[person.pk]), concern_post())
    case = Case.objects.get(person=person)
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    concern = Concern.objects.get(case=case)
    assert concern.abuse_types == ["financial", "psychological"]
    assert concern.raised_by == practitioner
    page = whole_case(client, case.pk)
    text = text_of(page)
    assert f"Concern raised. Case {case.reference} is open for triage." in text
    assert "govuk-notification-banner--success" in page.content.decode()
    assert WHAT_HAPPENED in text


def test_anonymous_referrer(client_for, practitioner):
    person = factories.person(practitioner)
    client_for(practitioner).post(
        reverse("concerns:raise", args=[person.pk]),
        concern_post(raised_via="public", referrer_name="Jo Bloggs", referrer_wishes=["anonymous"]),
    )
    concern = Concern.objects.get(case__person=person)
    assert concern.referrer_anonymous and concern.referrer_name == ""


def test_future_date_shows_next_to_the_field_and_keeps_what_was_typed(client_for, practitioner):
    person = factories.person(practitioner)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(practitioner).post(
        reverse("concerns:raise", args=[person.pk]), concern_post(on=tomorrow)
    )
    assert response.status_code == 200
    html = response.content.decode()
    message = "Date the concern was raised cannot be in the future"
    assert f'<a href="#raised_on-day">{message}</a>' in html
    assert (
        '<p id="raised_on-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {message}</p>'
    ) in html
    assert "govuk-form-group--error" in html
    assert f">{WHAT_HAPPENED}</textarea>" in html
    assert 'value="financial" checked' in html
    assert f'value="{tomorrow.day}"' in html
    assert html.count("<title>Error: Raise a concern") == 1
    assert not Case.objects.exists()


def test_empty_concern_lists_every_problem(client_for, practitioner):
    person = factories.person(practitioner)
    response = client_for(practitioner).post(reverse("concerns:raise", args=[person.pk]), {})
    html = response.content.decode()
    for anchor, message in [
        ("raised_on-day", "Enter the date the concern was raised"),
        ("raised_via", "Select who raised the concern"),
        ("what_happened", "Enter what happened"),
        ("abuse_types", "Select at least one type of abuse or neglect"),
        ("location_of_risk", "Select where the abuse or neglect happened"),
        ("sources_of_risk", "Select at least one source of risk"),
    ]:
        assert f'<a href="#{anchor}">{message}</a>' in html


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor"])
def test_raise_is_404_for_outsiders(request, client_for, practitioner, who):
    person = factories.person(practitioner)
    user = request.getfixturevalue(who)
    url = reverse("concerns:raise", args=[person.pk])
    assert client_for(user).get(url).status_code == 404
    assert client_for(user).post(url, concern_post()).status_code == 404


def test_raise_is_403_for_read_only_manager(client_for, practitioner, other_manager):
    person = factories.person(practitioner)
    url = reverse("concerns:raise", args=[person.pk])
    assert client_for(other_manager).post(url, concern_post()).status_code == 403
    assert not Case.objects.exists()


def test_raise_method(client_for, practitioner):
    person = factories.person(practitioner)
    assert (
        client_for(practitioner).put(reverse("concerns:raise", args=[person.pk])).status_code == 405
    )


# The section 42 decision


def decision_post(case, **overrides):
    return {**factories.DECISION_S42, "version": case.version, **overrides}


def test_record_a_section_42_decision(client_for, manager, case_in):
    case = case_in("triage")
    client = client_for(manager)
    form = client.get(reverse("concerns:decision", args=[case.pk]))
    assert "Does the person have needs for care and support?" in text_of(form)
    response = client.post(reverse("concerns:decision", args=[case.pk]), decision_post(case))
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert Section42Decision.objects.get(case=case).result == "s42"
    text = text_of(whole_case(client, case.pk))
    assert "Section 42 decision recorded by Mo Hughes" in text
    assert "Relies on her son for shopping" in text


def test_no_enquiry_reveals_the_proportionate_response(client_for, manager, case_in):
    case = case_in("triage")
    html = client_for(manager).get(reverse("concerns:decision", args=[case.pk])).content.decode()
    assert 'data-aria-controls="conditional-result-3"' in html
    assert 'id="conditional-result-3"' in html
    response = client_for(manager).post(
        reverse("concerns:decision", args=[case.pk]),
        {**factories.DECISION_NONE, "version": case.version, "response_details": ""},
    )
    html = response.content.decode()
    assert '<a href="#response_details">Enter what was done, and when</a>' in html
    # The reveal stays open so the error can be seen
    assert 'class="govuk-radios__conditional" id="conditional-result-3"' in html


def test_s42_needs_all_three_criteria(client_for, manager, case_in):
    case = case_in("triage")
    response = client_for(manager).post(
        reverse("concerns:decision", args=[case.pk]),
        decision_post(case, unable_to_protect_self="no"),
    )
    assert "A section 42 enquiry needs reasonable cause to suspect all three" in text_of(response)
    assert 'value="no" checked' in response.content.decode()


def test_decision_at_the_wrong_state_is_409(client_for, manager, case_in):
    case = case_in("raised")
    response = client_for(manager).post(
        reverse("concerns:decision", args=[case.pk]), decision_post(case)
    )
    assert response.status_code == 409
    assert "You cannot record the section 42 decision while the case is at" in text_of(response)


def test_decision_access(client_for, practitioner, other_manager, outsider, board_member, case_in):
    case = case_in("triage")
    url = reverse("concerns:decision", args=[case.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(board_member).get(url).status_code == 404
    assert client_for(other_manager).get(url).status_code == 403
    assert client_for(other_manager).post(url, decision_post(case)).status_code == 403
    assert client_for(practitioner).put(url).status_code == 405
    assert not Section42Decision.objects.exists()


def test_opening_a_case_form_audits_the_view(client_for, practitioner, case_in):
    from msp.audit.models import AuditEvent

    case = case_in("triage")
    client_for(practitioner).get(reverse("concerns:decision", args=[case.pk]))
    assert AuditEvent.objects.filter(action="view", case_id=case.pk).count() == 1


def test_self_referral_takes_the_name_from_the_record(client_for, practitioner):
    person = factories.person(practitioner, given_name="Ada", family_name="Brook")
    client = client_for(practitioner)
    form = client.get(reverse("concerns:raise", args=[person.pk]))
    assert "it comes from their record" in text_of(form)
    response = client.post(
        reverse("concerns:raise", args=[person.pk]),
        concern_post(raised_via="self", referrer_name=""),
    )
    assert response.status_code == 302
    concern = Concern.objects.get(case__person=person)
    assert concern.referrer_name == "Ada Brook"
    assert concern.referrer_relationship == "The person themselves"


def test_a_decision_made_on_an_earlier_day_keeps_that_day(client_for, manager, case_in):
    """A manager who decided at yesterday's meeting records it today with
    yesterday's date; a date before the concern is refused next to the date,
    with the answers kept."""
    case = case_in("triage", raised_on=timezone.localdate() - datetime.timedelta(days=5))
    raised = case.concerns.get().raised_on
    client = client_for(manager)
    url = reverse("concerns:decision", args=[case.pk])
    too_early = raised - datetime.timedelta(days=2)
    refused = client.post(url, {**decision_post(case), **date_parts("decided_on", too_early)})
    assert refused.status_code == 200
    assert "The decision date cannot be before the first concern was raised" in text_of(refused)
    assert 'href="#decided_on' in refused.content.decode()  # the error links to the date
    assert "Relies on her son for shopping" in refused.content.decode()  # the answers kept
    assert not Section42Decision.objects.filter(case=case).exists()

    day = timezone.localdate() - datetime.timedelta(days=1)
    assert day > raised
    response = client.post(url, {**decision_post(case), **date_parts("decided_on", day)})
    assert response.status_code == 302
    decision = Section42Decision.objects.get(case=case)
    assert timezone.localtime(decision.decided_at).date() == day

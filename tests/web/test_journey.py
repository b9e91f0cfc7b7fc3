"""A practitioner takes one case from the first contact to closure, through the web pages."""

import re

from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.enquiries.models import DesiredOutcome
from tests import factories
from tests.web.conftest import text_of


def version_in(response) -> str:
    found = re.search(r'name="version" value="(\d+)"', response.content.decode())
    assert found, "the form has no version field"
    return found.group(1)


def test_from_new_person_to_closed_case(client_for, practitioner, manager):
    web = client_for(practitioner)
    today = timezone.localdate()

    # A new person, then straight on to the concern
    response = web.post(
        reverse("people:create") + "?next=concern",
        {
            "given_name": "Dorothy",
            "family_name": "Pemberton",
            "date_of_birth-day": "9",
            "date_of_birth-month": "11",
            "date_of_birth-year": "1941",
            "nhs_number": factories.nhs_number(4242),
            "gender": "2",
            "ethnicity": "A",
            "primary_support_reason": "physical_personal_care",
            "safe_to_phone": "not_safe",
            "safe_to_write": "safe",
            "safe_to_leave_message": "not_safe",
            "do_not_tell": "Her grandson Lee",
        },
    )
    raise_url = response["Location"]
    assert web.get(raise_url).status_code == 200
    response = web.post(
        raise_url,
        {
            "raised_on-day": today.day,
            "raised_on-month": today.month,
            "raised_on-year": today.year,
            "raised_via": "partner",
            "referrer_name": "Sam Patel",
            "referrer_organisation": "Northmoor GP surgery",
            "what_happened": "Bruises on both arms; she said her grandson grabbed her.",
            "abuse_types": ["physical"],
            "location_of_risk": "own_home",
            "sources_of_risk": ["known"],
            "person_aware": "yes",
        },
    )
    case = Case.objects.get(person__family_name="Pemberton")
    case_url = reverse("cases:detail", args=[case.pk])
    assert response["Location"] == case_url
    page = web.get(case_url)
    assert "Do not phone this person." in text_of(page)

    web.post(reverse("concerns:start-triage", args=[case.pk]), {"version": version_in(page)})

    # The team manager decides, and allocates the case to the practitioner
    boss = client_for(manager)
    assert case.reference in text_of(boss.get(reverse("cases:queues")))
    decision_url = reverse("concerns:decision", args=[case.pk])
    form = boss.get(decision_url)
    response = boss.post(decision_url, {**factories.DECISION_S42, "version": version_in(form)})
    assert response["Location"] == case_url
    allocate_url = reverse("cases:allocate", args=[case.pk])
    form = boss.get(allocate_url)
    boss.post(allocate_url, {"worker": practitioner.pk, "version": version_in(form)})

    page = web.get(case_url)
    web.post(reverse("enquiries:start", args=[case.pk]), {"version": version_in(page)})

    add_url = reverse("enquiries:add-outcome", args=[case.pk])
    form = web.get(add_url)
    web.post(
        add_url,
        {
            "version": version_in(form),
            "text": "I want Lee to stop coming round.",
            "whose_words": "person",
        },
    )
    outcome = DesiredOutcome.objects.get(case=case)

    revise_url = reverse("enquiries:revise-outcome", args=[outcome.pk])
    form = web.get(revise_url)
    web.post(
        revise_url,
        {
            "version": version_in(form),
            "text": "I want Lee to visit only when my daughter is here.",
            "whose_words": "person",
            "reason": "She changed her mind after talking to her daughter.",
        },
    )

    page = web.get(case_url)
    web.post(reverse("enquiries:start-closing", args=[case.pk]), {"version": version_in(page)})

    rate_url = reverse("enquiries:rate-outcome", args=[outcome.pk])
    form = web.get(rate_url)
    web.post(
        rate_url,
        {"version": version_in(form), "achievement": "fully", "person_view": "I feel safer."},
    )

    # The close page says what the record does not show yet; closing is
    # refused until the advocacy test (a legal duty) is recorded
    close_url = reverse("enquiries:close", args=[case.pk])
    form = web.get(close_url)
    assert "Would the person have substantial difficulty being involved" in text_of(form)
    response = web.post(close_url, {**factories.CLOSURE, "version": version_in(form)})
    assert response.status_code == 409
    html = response.content.decode()
    # The summary names the duty by its question and links to its card on the page,
    # whose "Record this" link goes to where it is recorded.
    assert '<a href="#check-M4-a">Would the person have substantial difficulty' in html
    card = html.split('id="check-M4-a"')[1]
    fix = re.search(r'<a class="govuk-link" href="([^"]+)">Record this', card)
    assert fix, "the blocking duty links to where it is recorded"
    advocacy_url = fix.group(1).split("#")[0]
    assert advocacy_url == reverse("enquiries:advocacy-new", args=[case.pk])
    assert web.get(advocacy_url).status_code == 200
    response = web.post(
        advocacy_url,
        {
            "assessed_on-day": today.day,
            "assessed_on-month": today.month,
            "assessed_on-year": today.year,
            "appropriate_individual": "yes",
            "appropriate_individual_name": "Her daughter, Jean",
            "result": "appropriate_individual",
            "reason_appropriate_individual": "Jean comes to every meeting and speaks up for her.",
        },
    )
    assert response["Location"] == case_url

    form = web.get(close_url)
    assert "Check M4.a" not in text_of(form)
    response = web.post(close_url, {**factories.CLOSURE, "version": version_in(form)})
    assert response["Location"] == case_url

    page = text_of(web.get(case_url)) + text_of(web.get(case_url + "chronology/"))
    assert "Closed" in page
    assert "I want Lee to visit only when my daughter is here." in page
    assert "Revisited 1 time" in page
    assert "Fully achieved" in page and "I feel safer." in page
    for title in [
        "Concern raised",
        "Triage started",
        "Enquiry started",
        "Desired outcome recorded",
        "Desired outcome revisited",
        "Closing started",
        "Outcome achievement recorded",
        "Advocacy assessment recorded",
        "Case closed",
    ]:
        assert f"{title} by Pat Okafor" in page, title
    assert "Section 42 decision recorded by Mo Hughes" in page
    assert "Case allocated by Mo Hughes" in page

    # A manager in the same team reads the closed case too; both reads are audited.
    assert client_for(manager).get(case_url).status_code == 200
    readers = set(
        AuditEvent.objects.filter(action="view", case_id=case.pk).values_list(
            "user__username", flat=True
        )
    )
    assert readers == {"pat", "mo"}

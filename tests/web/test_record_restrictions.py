"""Meaning held as structure: the restriction record through the web and the
API (saved, audited, on the case page and in the chronology, read by the
guard), the referrer's part as choices, and the person's experience at
closure as M11.a reads it."""

import importlib

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.enquiries.models import ReferrerPart, Restriction
from msp.enquiries.models.involvement import ACTIVE_REFERRER_PARTS
from msp.practice.checks import m7
from msp.practice.guard import findings_for
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import chronology_of, date_parts, section_of, text_of, whole_case


def today():
    return timezone.localdate()


def lacking_assessment(case, by):
    return rf.capacity(
        case,
        by,
        decision="Whether to see her son",
        understand="unable",
        impairment="yes",
        impairment_evidence="Vascular dementia, memory clinic letter.",
    )


def restriction_post(**overrides):
    values = {
        "kind": "contact",
        "what": "Her son may not visit the care home until the review.",
        "decided_by": "Jo Marsh, care home manager",
        **date_parts("decided_on", today()),
        "basis": "none_yet",
        "basis_details": "",
        "capacity_assessment": "",
        "best_interests_decision": "",
    }
    values.update(overrides)
    return values


def test_record_a_restriction_on_the_web(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:restriction-new", args=[case.pk])
    response = client.post(url, restriction_post())
    assert response.status_code == 302
    restriction = Restriction.objects.get(case=case)
    assert restriction.basis == "none_yet"
    page = whole_case(client, case.pk)
    section = section_of(page, "restrictions")
    assert "Stopping or limiting contact with someone" in section
    assert "Her son may not visit the care home until the review." in section
    assert "Restriction or decision made for the person recorded by" in chronology_of(page)
    event = AuditEvent.objects.get(action="restriction.recorded")
    assert event.changes["basis"] == [None, "none_yet"]
    # The guard asks for a basis, and links to the page
    found = {f.check_id: f for f in findings_for(case)}
    assert "has no basis" in found["M5.b"].missing
    assert found["M5.b"].fix.url_name == "enquiries:restriction-new"


def test_a_legal_power_must_be_named_and_nothing_typed_is_lost(client_for, practitioner, case_in):
    case = case_in("enquiry")
    response = client_for(practitioner).post(
        reverse("enquiries:restriction-new", args=[case.pk]),
        restriction_post(basis="court_order", decided_by=""),
    )
    html = response.content.decode()
    assert '<a href="#basis_details">Enter the court order, section of the Act or legal power' in (
        html
    )
    assert '<a href="#decided_by">Enter who decided</a>' in html
    assert "Her son may not visit the care home until the review." in html
    assert not Restriction.objects.exists()


def test_a_note_saying_visits_were_stopped_is_read_by_the_guard(practitioner):
    """Where capacity is in question: for a person who has it, someone else
    stopping visits is the abuse itself, not a best-interests matter."""
    case = factories.case(practitioner, state="enquiry")
    rf.note(case, practitioner, "Her GP says she lacks capacity to decide who visits her.")
    rf.note(case, practitioner, "Manager says she stopped her son visiting last week.")
    found = {f.check_id: f for f in findings_for(case)}
    assert "“Manager says she stopped her son visiting last week.”" in found["M5.b"].missing


def test_a_note_saying_she_lacks_capacity_is_read_by_the_guard(practitioner):
    case = factories.case(practitioner, state="enquiry")
    rf.note(case, practitioner, "Spoke to the GP. She lacks capacity.")
    found = {f.check_id: f for f in findings_for(case)}
    assert "A case note says “She lacks capacity.”" in found["M5.a"].missing


# --- The referrer's part ------------------------------------------------------------------


def test_the_guard_and_the_model_agree_on_what_counts_as_a_part():
    assert m7.ACTIVE_PARTS == ACTIVE_REFERRER_PARTS
    assert ReferrerPart.REFERRED_ONLY not in m7.ACTIVE_PARTS


def test_the_involvement_page_offers_the_choices(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:involvement", args=[case.pk])
    response = client.post(url, {"version": "", "referrer_part": ["referred_only", "meetings"]})
    assert "not both" in text_of(response)
    client.post(url, {"version": "", "referrer_part": ["gave_information"]})
    page = whole_case(client, case.pk)
    assert "They gave information to the enquiry" in text_of(page)


@pytest.mark.parametrize(
    "text,parts",
    [
        ("Referred only.", ["referred_only"]),
        ("n/a", ["referred_only"]),
        ("No further involvement", ["referred_only"]),
        ("The GP reviews her medicines monthly.", []),
    ],
)
def test_existing_text_is_migrated_to_choices_only_when_it_says_referred_only(text, parts):
    """The 0003 data migration's rule. (It ran on the field's old name,
    ``referrer_role``, which the current schema no longer has, so the rule is
    tested on its own: the migration itself runs whenever a database is built.)"""
    migration = importlib.import_module("msp.enquiries.migrations.0003_msp_structure")
    says_referred_only = migration.REFERRED_ONLY.match(text) is not None
    assert (["referred_only"] if says_referred_only else []) == parts

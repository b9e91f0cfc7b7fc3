"""The restriction record and the referrer's part through the API."""

import datetime

from django.utils import timezone

from msp.enquiries.models import Restriction
from msp.practice.guard import findings_for
from msp.practice.loader import load_snapshot
from tests import factories
from tests import record_factories as rf
from tests.web.test_record_restrictions import lacking_assessment


def today():
    return timezone.localdate()


def test_a_restriction_through_the_api(api, practitioner):
    case = factories.case(practitioner, state="enquiry")
    assessment = lacking_assessment(case, practitioner)
    decision = rf.best_interests(case, practitioner, capacity_assessment=assessment)
    pat = api(practitioner)
    body = {
        "kind": "contact",
        "what": "Her son may not visit for now.",
        "decided_by": "Jo Marsh, care home manager",
        "decided_on": today().isoformat(),
        "basis": "best_interests",
        "capacity_assessment_id": assessment.pk,
        "best_interests_decision_id": decision.pk,
        "review_on": (today() + datetime.timedelta(days=28)).isoformat(),
    }
    r = pat.post(f"/cases/{case.pk}/restrictions", body)
    assert r.status_code == 201, r.json()
    made = r.json()
    assert made["best_interests_decision_id"] == decision.pk
    assert pat.get(f"/cases/{case.pk}/restrictions").json() == [made]
    s = load_snapshot(case)
    assert s.restrictions[0].capacity_assessment_id == assessment.pk
    assert not {"M5.a", "M5.b"} & {f.check_id for f in findings_for(case)}


def test_the_api_refuses_records_from_another_case_and_a_review_before_the_decision(
    api, practitioner
):
    case = factories.case(practitioner, state="enquiry")
    other = factories.case(practitioner, state="enquiry")
    elsewhere = lacking_assessment(other, practitioner)
    r = api(practitioner).post(
        f"/cases/{case.pk}/restrictions",
        {
            "kind": "money",
            "what": "Her nephew manages her account.",
            "decided_by": "Nephew",
            "decided_on": today().isoformat(),
            "basis": "best_interests",
            "capacity_assessment_id": elsewhere.pk,
            "review_on": (today() - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "capacity_assessment_id": ["Choose a capacity assessment from this case"],
        "review_on": ["Date of the review must be after the date of the decision"],
    }
    assert not Restriction.objects.exists()


def test_referred_only_cannot_be_chosen_with_a_part(api, practitioner):
    case = factories.case(practitioner, state="enquiry")
    pat = api(practitioner)
    r = pat.put(
        f"/cases/{case.pk}/involvement",
        {"referrer_part": ["referred_only", "meetings"], "referrer_part_details": "Referred only."},
    )
    assert r.status_code == 422
    assert "not both" in r.json()["errors"]["referrer_part"][0]
    r = pat.put(
        f"/cases/{case.pk}/involvement",
        {
            "referrer_part": ["meetings", "meetings"],
            "referrer_part_details": "Came to the strategy meeting",
        },
    )
    assert r.status_code == 201, r.json()
    assert r.json()["referrer_part"] == ["meetings"]

"""409 and 422 responses, and no input that makes a 500."""

import datetime
import json

import pytest
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.concerns.models import Section42Decision
from msp.enquiries.models import DesiredOutcome
from msp.people.models import Person
from tests import factories
from tests import record_factories as rf
from tests.api import bodies

TODAY = datetime.date.today

# These tests are about the shape of errors: practitioners may decide here.
pytestmark = pytest.mark.usefixtures("practitioners_decide")


def concern(**changes):
    return {**factories.CONCERN, "raised_on": timezone.localdate().isoformat(), **changes}


# --- 409: the case's state does not allow the action -------------------------


def test_impossible_transition(api, practitioner):
    case = factories.case(practitioner)  # raised
    r = api(practitioner).post(f"/cases/{case.pk}/enquiry", {"version": case.version})
    assert r.status_code == 409
    assert r.json() == {
        "detail": "You cannot start the enquiry while the case is at 'Concern raised'. "
        "A concern has been raised and is waiting for triage."
    }
    assert Case.objects.get(pk=case.pk).state == "raised"


def test_closing_with_unrated_outcomes(api, practitioner):
    """Rating every outcome is a duty the practice guard checks at closure."""
    case = factories.case(practitioner, state="closing", outcomes=2)
    client = api(practitioner)
    r = client.post(f"/cases/{case.pk}/closure", {"version": case.version, **factories.CLOSURE})
    assert r.status_code == 409
    assert "(M2.c)" in r.json()["detail"]
    [finding] = r.json()["findings"]
    assert finding["check_id"] == "M2.c"
    assert finding["missing"].startswith("2 of 2 desired outcomes not yet rated")
    assert Case.objects.get(pk=case.pk).state == "closing"


def test_rating_outside_closing(api, practitioner):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    r = api(practitioner).post(
        f"/outcomes/{outcome.pk}/rating", {"version": outcome.version, "achievement": "fully"}
    )
    assert r.status_code == 409
    assert "while the case is at 'Enquiry'" in r.json()["detail"]


# --- 409: someone saved the record since it was loaded -----------------------


def test_stale_case_version(api, practitioner, colleague):
    case = factories.case(practitioner, state="triage")
    old_version = case.version
    # A colleague records a decision first.
    r = api(colleague).post(
        f"/cases/{case.pk}/decision", {"version": old_version, **factories.DECISION_S42}
    )
    assert r.status_code == 200
    events = AuditEvent.objects.changes().count()
    decisions = Section42Decision.objects.count()

    r = api(practitioner).post(
        f"/cases/{case.pk}/decision", {"version": old_version, **factories.DECISION_S42}
    )
    assert r.status_code == 409
    body = r.json()
    assert body["current_version"] == old_version + 1
    assert body["changed_by"] == "Cal Reyes"
    assert body["changes"]["state"] == ["triage", "decided"]
    assert "changed this record while you were working on it" in body["detail"]
    # Nothing changed: no second decision, no audit event, same version.
    assert Section42Decision.objects.count() == decisions
    assert AuditEvent.objects.changes().count() == events
    assert Case.objects.get(pk=case.pk).version == old_version + 1


def test_stale_outcome_version(api, practitioner, colleague):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    revision = {
        "version": outcome.version,
        "text": "New words",
        "whose_words": "person",
        "reason": "Met her",
    }
    assert api(colleague).post(f"/outcomes/{outcome.pk}/revisions", revision).status_code == 201
    r = api(practitioner).post(f"/outcomes/{outcome.pk}/revisions", {**revision, "text": "Other"})
    assert r.status_code == 409
    assert r.json()["current_version"] == outcome.version + 1
    assert r.json()["changed_by"] == "Cal Reyes"
    assert DesiredOutcome.objects.get(pk=outcome.pk).revisions.count() == 2


def test_stale_person_version(api, practitioner, colleague):
    person = factories.person(practitioner)
    api(colleague).patch(f"/people/{person.pk}", {"version": 1, "phone": "01234 567890"})
    r = api(practitioner).patch(f"/people/{person.pk}", {"version": 1, "phone": "07000 000000"})
    assert r.status_code == 409
    assert r.json()["changes"] == {"phone": ["", "01234 567890"]}
    assert Person.objects.get(pk=person.pk).phone == "01234 567890"


# --- 422: input that is missing or not valid ---------------------------------


def test_future_concern_date(api, practitioner):
    person = factories.person(practitioner)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    r = api(practitioner).post(f"/people/{person.pk}/concerns", concern(raised_on=tomorrow))
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "raised_on": ["Date the concern was raised cannot be in the future"]
    }
    assert r.json()["detail"]
    assert not Case.objects.filter(person=person).exists()


def test_invalid_nhs_number(api, practitioner):
    r = api(practitioner).post(
        "/people",
        {
            "given_name": "A",
            "family_name": "B",
            "date_of_birth": "1950-01-01",
            "nhs_number": "943 476 5910",
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "nhs_number": ["Enter a valid NHS number: 10 digits, like 943 476 5919"]
    }


def test_duplicate_nhs_number(api, practitioner):
    person = factories.person(practitioner)
    r = api(practitioner).post(
        "/people",
        {
            "given_name": "A",
            "family_name": "B",
            "date_of_birth": "1950-01-01",
            "nhs_number": person.nhs_number,
        },
    )
    assert r.status_code == 422
    assert "already recorded" in r.json()["errors"]["nhs_number"][0]


def test_under_18(api, practitioner):
    born = timezone.localdate().replace(year=timezone.localdate().year - 17).isoformat()
    r = api(practitioner).post(
        "/people", {"given_name": "A", "family_name": "B", "date_of_birth": born}
    )
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "date_of_birth": ["Date of birth must be at least 18 years ago: this service is for adults"]
    }
    person = factories.person(practitioner)
    r = api(practitioner).patch(f"/people/{person.pk}", {"version": 1, "date_of_birth": born})
    assert r.status_code == 422
    assert "date_of_birth" in r.json()["errors"]
    assert Person.objects.get(pk=person.pk).version == 1


def test_s42_without_all_three_criteria(api, practitioner):
    case = factories.case(practitioner, state="triage")
    decision = {**factories.DECISION_S42, "unable_to_protect_self": "no"}
    r = api(practitioner).post(f"/cases/{case.pk}/decision", {"version": case.version, **decision})
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "result": [
            "A section 42 enquiry needs reasonable cause to suspect all three criteria. "
            "Answer 'Yes' to each, or choose another enquiry or no enquiry"
        ]
    }
    assert not Section42Decision.objects.filter(case=case).exists()
    assert Case.objects.get(pk=case.pk).state == "triage"


def test_missing_and_blank_evidence(api, practitioner):
    case = factories.case(practitioner, state="triage")
    decision = {**factories.DECISION_S42, "care_and_support_needs_evidence": "   "}
    del decision["unable_to_protect_self_evidence"]
    r = api(practitioner).post(f"/cases/{case.pk}/decision", {"version": case.version, **decision})
    assert r.status_code == 422
    assert r.json()["errors"] == {"unable_to_protect_self_evidence": ["This field is required"]}
    decision["unable_to_protect_self_evidence"] = ""
    r = api(practitioner).post(f"/cases/{case.pk}/decision", {"version": case.version, **decision})
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "care_and_support_needs_evidence": ["Enter the evidence about care and support needs"],
        "unable_to_protect_self_evidence": [
            "Enter the evidence about whether they can protect themselves"
        ],
    }


def test_no_enquiry_needs_a_proportionate_response(api, practitioner):
    case = factories.case(practitioner, state="triage")
    decision = {**factories.DECISION_NONE}
    del decision["proportionate_response"]
    r = api(practitioner).post(f"/cases/{case.pk}/decision", {"version": case.version, **decision})
    assert r.status_code == 422
    assert list(r.json()["errors"]) == ["proportionate_response"]


def test_unknown_codes(api, practitioner):
    person = factories.person(practitioner)
    r = api(practitioner).post(
        f"/people/{person.pk}/concerns",
        concern(abuse_types=["financial", "bad"], location_of_risk="moon", raised_via=None),
    )
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert set(errors) == {"abuse_types.1", "location_of_risk", "raised_via"}
    assert "financial" in errors["abuse_types.1"][0]


def test_empty_lists_and_missing_fields(api, practitioner):
    person = factories.person(practitioner)
    r = api(practitioner).post(
        f"/people/{person.pk}/concerns", {"raised_on": "2024-01-01", "abuse_types": []}
    )
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert {
        "raised_via",
        "what_happened",
        "abuse_types",
        "location_of_risk",
        "sources_of_risk",
    } <= set(errors)
    assert errors["what_happened"] == ["This field is required"]


def test_closure_rules(api, practitioner):
    case = factories.case(practitioner, state="closing")
    for outcome in case.desired_outcomes.all():
        api(practitioner).post(
            f"/outcomes/{outcome.pk}/rating", {"version": outcome.version, "achievement": "fully"}
        )
    r = api(practitioner).post(
        f"/cases/{case.pk}/closure",
        {
            "version": case.version,
            "reason": "enquiry_concluded",
            "action_result": "risk_action",
            "lacked_capacity": "yes",
        },
    )
    assert r.status_code == 422
    assert set(r.json()["errors"]) == {"risk_outcome", "msp_asked", "capacity_support"}


def test_malformed_json(api, practitioner):
    case = factories.case(practitioner)
    client = api(practitioner)
    for raw in ["{", "not json", '{"version": 1,}', "[" * 5000 + "]" * 5000, "\xff\xfe"]:
        r = client.post(f"/cases/{case.pk}/triage", raw=raw)
        assert r.status_code == 422, raw[:20]
        assert r.json()["errors"]["__all__"] == ["Send a valid JSON object"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "version"),
        ({"version": "one"}, "version"),
        ({"version": 1.5}, "version"),
        ({"version": 0}, "version"),
        ({"version": -3}, "version"),
        ({"version": 10**40}, "version"),
        ({"version": None}, "version"),
        ({"version": [1]}, "version"),
        ([1, 2], "__all__"),
        ("just a string", "__all__"),
        (None, "__all__"),
    ],
)
def test_wrong_types(api, practitioner, body, field):
    case = factories.case(practitioner)
    r = api(practitioner).post(f"/cases/{case.pk}/triage", raw=json.dumps(body))
    assert r.status_code == 422, r.content
    assert field in r.json()["errors"]
    assert Case.objects.get(pk=case.pk).state == "raised"


def test_empty_body(api, practitioner):
    case = factories.case(practitioner)
    r = api(practitioner).post(f"/cases/{case.pk}/triage", raw="")
    assert r.status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/cases/abc",
        "/cases/0",
        "/cases/-1",
        f"/cases/{10**30}",
        "/cases/1.5",
        "/people/x",
        f"/outcomes/{2**64}/revisions",
        "/cases/%00",
    ],
)
def test_bad_ids(api, practitioner, path):
    r = api(practitioner).get(path)
    assert r.status_code in (404, 422)
    assert r["Content-Type"].startswith("application/json")


def test_patch_with_null_or_unknown_fields(api, practitioner):
    person = factories.person(practitioner)
    client = api(practitioner)
    r = client.patch(f"/people/{person.pk}", {"version": 1, "given_name": None})
    assert r.status_code == 422
    assert "given_name" in r.json()["errors"]
    r = client.patch(f"/people/{person.pk}", {"version": 1, "given_name": ""})
    assert r.status_code == 422
    r = client.patch(f"/people/{person.pk}", {"version": 1, "gender": "Z"})
    assert r.status_code == 422
    assert "gender" in r.json()["errors"]
    # Unknown fields are ignored; a PATCH that changes nothing keeps the version.
    r = client.patch(f"/people/{person.pk}", {"version": 1, "team": 99})
    assert r.status_code == 200
    assert r.json()["version"] == 1


HOSTILE_STRINGS = ["a\x00b", "\ud800", "x" * 5000, "' OR 1=1 --", "<script>", "٣"]
HOSTILE_VALUES = [*HOSTILE_STRINGS, 10**30, -1, 1.5e308, True, None, [], {}, [None], {"a": 1}]


def test_nothing_makes_a_500(api, practitioner, lead):
    """Hostile values in every field of every write endpoint: always a 4xx."""
    case = factories.case(practitioner, state="enquiry")
    closing = factories.case(practitioner, state="closing")
    outcome = case.desired_outcomes.get()
    closing_outcome = closing.desired_outcomes.get()
    person = case.person
    good = {
        "/people": {
            "given_name": "A",
            "family_name": "B",
            "date_of_birth": "1950-01-01",
            "nhs_number": "",
            "email": "a@example.com",
            "gender": "1",
        },
        f"/people/{person.pk}/concerns": concern(),
        f"/cases/{case.pk}/decision": {"version": 99, **factories.DECISION_S42},
        f"/cases/{case.pk}/enquiry": {"version": 99, "lead_worker_id": practitioner.pk},
        f"/cases/{case.pk}/outcomes": {"version": 99, "text": "x", "whose_words": "person"},
        f"/outcomes/{outcome.pk}/revisions": {
            "version": 99,
            "text": "x",
            "whose_words": "person",
            "reason": "y",
        },
        f"/outcomes/{closing_outcome.pk}/rating": {"version": 99, "achievement": "fully"},
        f"/cases/{closing.pk}/closure": {
            "version": 99,
            **factories.CLOSURE,
            "capacity_support": True,
            "open_door": "Call us",
            "duty_overrides": {"M4.a": "Agreed at the risk meeting"},
        },
        f"/cases/{closing.pk}/return-to-enquiry": {"version": 99, "reason": "x"},
        f"/cases/{case.pk}/reopen": {"version": 99, "reason": "x"},
        # The concern fields are the raise-concern schema's, tried above.
        f"/cases/{case.pk}/concerns": {"version": 99, "what_happened": "x"},
        f"/cases/{case.pk}/triage": {"version": 99},
        f"/cases/{case.pk}/closing": {"version": 99},
    }
    client = api(lead)
    seen = set()
    for path, body in good.items():
        for field in body:
            for value in HOSTILE_VALUES:
                r = client.post(path, {**body, field: value})
                assert r.status_code < 500, (path, field, value, r.content[:300])
                seen.add(r.status_code)
    for field in ["given_name", "date_of_birth", "nhs_number", "email", "postcode", "gender"]:
        for value in HOSTILE_VALUES:
            r = client.patch(f"/people/{person.pk}", {"version": person.version, field: value})
            assert r.status_code < 500, (field, value, r.content[:300])
    queries: list[dict[str, object]] = [
        {"q": "\x00"},
        {"q": "x" * 500},
        {"limit": 10**30},
        {"offset": -1},
        {"offset": 10**30},
        {"state": "\x00"},
        {"team": "x"},
        {"team": 10**30},
    ]
    for params in queries:
        for path in ("/cases", "/people"):
            r = client.get(path, **params)
            assert r.status_code in (200, 422), (path, params)
    assert seen <= {409, 422, 201, 200}, seen


def test_dates_out_of_range(api, practitioner):
    person = factories.person(practitioner)
    for value in [
        "0000-01-01",
        "10000-01-01",
        "2024-02-30",
        "yesterday",
        "1950-01-01T10:00:00",
        19000,
        "1850-01-01",
    ]:
        r = api(practitioner).post(f"/people/{person.pk}/concerns", concern(raised_on=value))
        assert r.status_code in (201, 422), (value, r.content)
        r = api(practitioner).patch(
            f"/people/{person.pk}", {"version": person.version, "date_of_birth": value}
        )
        assert r.status_code == 422, (value, r.content)


def test_nothing_makes_a_500_on_the_record(api, practitioner, manager, lead):
    """Hostile values in every field of every record endpoint, and inside the
    lists and maps some of them take: always a 4xx or a success."""
    case = factories.case(practitioner, state="enquiry")
    pk = case.pk
    override = rf.override(case, practitioner, cosigner=lead)
    action = rf.plan_action(case, practitioner)
    escalation = rf.escalation(case, practitioner)
    for make in (rf.risk_assessment, rf.plan, rf.self_neglect, rf.involvement):
        make(case, practitioner)
    writes = [
        ("POST", f"/cases/{pk}/capacity-assessments", bodies.capacity()),
        ("POST", f"/cases/{pk}/best-interests-decisions", bodies.best_interests()),
        ("POST", f"/cases/{pk}/advocacy-assessments", bodies.advocacy()),
        ("POST", f"/cases/{pk}/contacts", bodies.contact()),
        ("PUT", f"/cases/{pk}/risk-assessment", {**bodies.risk_assessment(), "version": 1}),
        ("POST", f"/cases/{pk}/risk-actions", bodies.risk_action()),
        ("POST", f"/cases/{pk}/overrides", bodies.override(manager)),
        ("POST", f"/overrides/{override.pk}/cosign", {"version": 1}),
        ("PUT", f"/cases/{pk}/plan", {**bodies.plan(), "version": 1}),
        ("POST", f"/cases/{pk}/plan-actions", bodies.plan_action()),
        ("PATCH", f"/plan-actions/{action.pk}", {**bodies.plan_action(), "version": 1}),
        ("PUT", f"/cases/{pk}/self-neglect", {**bodies.self_neglect(), "version": 1}),
        ("POST", f"/cases/{pk}/clutter-ratings", bodies.clutter_rating()),
        ("POST", f"/cases/{pk}/referrer-feedback", bodies.feedback(case)),
        ("POST", f"/cases/{pk}/escalations", bodies.escalation()),
        ("POST", f"/escalations/{escalation.pk}/resolution", bodies.resolution()),
        ("PUT", f"/cases/{pk}/death", bodies.death()),
        ("PUT", f"/cases/{pk}/involvement", {**bodies.involvement(), "version": 1}),
        ("POST", f"/cases/{pk}/notes", bodies.note()),
    ]
    client = api(lead)
    seen = set()
    for method, path, body in writes:
        for field in body:
            for value in HOSTILE_VALUES:
                r = client.request(method, path, {**body, field: value})
                assert r.status_code < 500, (method, path, field, value, r.content[:300])
                seen.add(r.status_code)
    nested = [
        (
            "best-interests-decisions",
            "consulted",
            [{"name": "a\x00b", "role": "family", "views": "x"}],
        ),
        (
            "best-interests-decisions",
            "consulted",
            [{"name": "x" * 5000, "role": "family", "views": "x"}],
        ),
        ("best-interests-decisions", "consulted", [None, 1, "x", {"role": []}]),
        (
            "best-interests-decisions",
            "consulted",
            [{"name": "A", "role": "family", "views": "v"}] * 51,
        ),
        ("contacts", "coercion_indicators", ["fear"] * 21),
        ("contacts", "coercion_indicators", ["\ud800"]),
    ]
    for part, field, value in nested:
        path = f"/cases/{pk}/{part}"
        body = dict(next(b for m, p, b in writes if p == path))
        r = client.post(path, {**body, field: value})
        assert r.status_code == 422, (part, field, r.content[:300])
    closing = factories.case(practitioner, state="closing")
    for overrides in [
        {"M4.a": "a\x00b"},
        {"M4.a": "\ud800"},
        {"a\x00b": "x"},
        {f"M{n}.a": "x" for n in range(1, 30)},
        {"M4.a": None},
        {"M4.a": ["x"]},
    ]:
        r = client.post(
            f"/cases/{closing.pk}/closure",
            {"version": closing.version, **factories.CLOSURE, "duty_overrides": overrides},
        )
        assert r.status_code == 422, (overrides, r.content[:300])
    assert seen <= {200, 201, 403, 409, 422}, seen
    assert {200, 201, 422} <= seen, seen

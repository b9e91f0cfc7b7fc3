"""The practice guard through the API: the findings on a case, and closing a
case while a legal duty is not shown as met."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp.cases.models import Case
from msp.practice.models import ClosureFinding
from tests import factories
from tests import record_factories as rf
from tests.api import bodies
from tests.factories import CLOSURE, fresh

FINDING_KEYS = {
    "check_id",
    "severity",
    "stage",
    "question",
    "missing",
    "reality",
    "principles",
    "fix_url",
}


def by_id(findings):
    return {f["check_id"]: f for f in findings}


@pytest.fixture
def pat(api, practitioner):
    return api(practitioner)


def test_a_gap_shows_until_the_missing_part_is_recorded(pat, practitioner):
    case = factories.case(practitioner, state="enquiry", advocacy=False)
    r = pat.get(f"/cases/{case.pk}/findings")
    assert r.status_code == 200
    found = by_id(r.json())
    advocacy = found["M4.a"]
    assert set(advocacy) == FINDING_KEYS
    assert advocacy["severity"] == "DUTY"
    assert advocacy["stage"] == "enquiry"
    assert advocacy["missing"] == (
        "No advocacy assessment (the section 68 test and its result) is recorded."
    )
    assert "advocate" in advocacy["question"]
    assert advocacy["principles"] == ["Empowerment", "Protection"]
    # A link to where it is recorded, once the web page for it exists.
    fix = advocacy["fix_url"]
    assert fix is None or (str(case.pk) in fix and fix.endswith("#difficulty_understanding"))
    assert found["M8.c"]["severity"] == "PROMPT"
    # The case shows the same findings.
    assert pat.get(f"/cases/{case.pk}").json()["findings"] == r.json()

    assert pat.post(f"/cases/{case.pk}/advocacy-assessments", bodies.advocacy()).status_code == 201
    r = pat.put(f"/cases/{case.pk}/involvement", {"person_involvement": "Chaired the meeting."})
    assert r.status_code == 201
    left = by_id(pat.get(f"/cases/{case.pk}/findings").json())
    assert "M4.a" not in left
    assert "M8.c" not in left
    assert set(left) == set(found) - {"M4.a", "M8.c"}
    assert by_id(pat.get(f"/cases/{case.pk}").json()["findings"]) == left


def test_findings_follow_the_facts_recorded(pat, practitioner):
    """A crime may have been committed: the guard asks about the police until the
    decision is recorded, through a change to the risk assessment."""
    case = factories.case(practitioner, state="enquiry")
    path = f"/cases/{case.pk}/risk-assessment"
    r = pat.put(path, bodies.risk_assessment(source_trust_role="staff"))
    assert r.status_code == 201
    found = by_id(pat.get(f"/cases/{case.pk}/findings").json())
    assert found["M3.a"]["severity"] == "DUTY"
    assert "M3.b" not in found
    r = pat.post(f"/cases/{case.pk}/risk-actions", bodies.risk_action(kind="employer"))
    assert r.status_code == 201
    assert "M3.a" not in by_id(pat.get(f"/cases/{case.pk}/findings").json())


def test_the_case_detail_takes_the_same_queries_however_much_is_recorded(
    api, practitioner, manager
):
    small = factories.case(practitioner, state="enquiry")
    big = factories.case(practitioner, state="enquiry", outcomes=3)
    for _ in range(3):
        rf.capacity(big, practitioner)
        rf.best_interests(big, practitioner)
        rf.advocacy(big, practitioner)
        rf.contact(big, practitioner)
        rf.risk_action(big, practitioner)
        rf.override(big, practitioner, cosigner=manager)
        rf.plan_action(big, practitioner)
        rf.clutter_rating(big, practitioner)
        rf.feedback(big, practitioner)
        rf.escalation(big, practitioner)
        rf.note(big, practitioner)
    rf.risk_assessment(big, practitioner)
    rf.plan(big, practitioner)
    rf.involvement(big, practitioner)
    client = api(practitioner)
    counts = []
    for case in (small, big, small):
        with CaptureQueriesContext(connection) as queries:
            r = client.get(f"/cases/{case.pk}")
        assert r.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2], counts


# --- Closing with the guard -------------------------------------------------------------------


@pytest.fixture
def closing(pat, practitioner):
    """A case ready to close, its outcome rated, except that no advocacy
    assessment (a legal duty once an enquiry has started) is recorded."""
    case = factories.case(practitioner, state="closing", advocacy=False)
    for outcome in case.desired_outcomes.all():
        r = pat.post(
            f"/outcomes/{outcome.pk}/rating", {"version": outcome.version, "achievement": "fully"}
        )
        assert r.status_code == 200
    return fresh(case)


def test_a_failing_duty_blocks_closure(pat, closing):
    r = pat.post(f"/cases/{closing.pk}/closure", {"version": closing.version, **CLOSURE})
    assert r.status_code == 409
    body = r.json()
    assert "M4.a" in body["detail"]
    assert "team manager or safeguarding lead" in body["detail"]
    assert [f["check_id"] for f in body["findings"]] == ["M4.a"]
    assert set(body["findings"][0]) == FINDING_KEYS
    all_ids = [f["check_id"] for f in body["all_findings"]]
    assert "M4.a" in all_ids
    assert {f["severity"] for f in body["all_findings"] if f["check_id"] != "M4.a"} == {"PROMPT"}
    assert Case.objects.get(pk=closing.pk).state == "closing"


def test_recording_the_missing_part_lets_the_practitioner_close(pat, closing):
    r = pat.post(f"/cases/{closing.pk}/advocacy-assessments", bodies.advocacy())
    assert r.status_code == 201
    r = pat.post(
        f"/cases/{closing.pk}/closure",
        {"version": closing.version, **CLOSURE, "open_door": "Call the duty line any time."},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "closed"
    assert not ClosureFinding.objects.filter(severity="DUTY").exists()


def test_a_practitioner_cannot_override_a_duty(pat, closing):
    r = pat.post(
        f"/cases/{closing.pk}/closure",
        {"version": closing.version, **CLOSURE, "duty_overrides": {"M4.a": "She is fine."}},
    )
    assert r.status_code == 422
    [message] = r.json()["errors"]["duty_overrides"]
    assert "team manager or safeguarding lead" in message
    assert Case.objects.get(pk=closing.pk).state == "closing"


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_manager_must_give_a_reason(api, manager, closing, reason):
    r = api(manager).post(
        f"/cases/{closing.pk}/closure",
        {"version": closing.version, **CLOSURE, "duty_overrides": {"M4.a": reason}},
    )
    assert r.status_code == 422
    assert r.json()["errors"] == {
        "duty_overrides": ["Enter why the case can close although M4.a is not met"]
    }
    assert Case.objects.get(pk=closing.pk).state == "closing"


def test_a_manager_overrides_with_a_reason(api, manager, closing):
    reason = "Her daughter supported her at every meeting; advocacy was discussed each time."
    r = api(manager).post(
        f"/cases/{closing.pk}/closure",
        {"version": closing.version, **CLOSURE, "duty_overrides": {"M4.a": reason}},
    )
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == "closed"
    duty = ClosureFinding.objects.get(closure__case=closing, check_id="M4.a")
    assert (duty.overridden, duty.override_reason, duty.overridden_by) == (True, reason, manager)


def test_duty_overrides_are_checked_for_shape(api, manager, closing):
    client = api(manager)
    for overrides in ({"M4": "x"}, {"M4.a": 3}, ["M4.a"], {"M4.a": "x" * 20_001}):
        r = client.post(
            f"/cases/{closing.pk}/closure",
            {"version": closing.version, **CLOSURE, "duty_overrides": overrides},
        )
        assert r.status_code == 422, overrides
        assert all(key.startswith("duty_overrides") for key in r.json()["errors"]), r.json()
    assert Case.objects.get(pk=closing.pk).state == "closing"

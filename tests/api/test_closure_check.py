"""Asking before closing: GET /cases/{id}/closure-check says what closing with a
reason would meet, and it is exactly what the close request then meets."""

import pytest

from msp.audit.models import AuditEvent
from msp.cases.models import Case
from tests import factories
from tests import record_factories as rf
from tests.factories import CLOSURE, fresh


def ids(findings):
    return [f["check_id"] for f in findings]


@pytest.fixture
def pat(api, practitioner):
    return api(practitioner)


@pytest.fixture
def closing(pat, practitioner):
    """A case ready to close, its outcome rated, without an advocacy assessment."""
    case = factories.case(practitioner, state="closing", advocacy=False)
    for outcome in case.desired_outcomes.all():
        r = pat.post(
            f"/outcomes/{outcome.pk}/rating", {"version": outcome.version, "achievement": "fully"}
        )
        assert r.status_code == 200
    return fresh(case)


@pytest.mark.parametrize("reason", ["enquiry_concluded", "person_declined"])
def test_the_preview_is_what_closing_meets(pat, closing, reason):
    values = {**CLOSURE, "reason": reason}
    preview = pat.get(f"/cases/{closing.pk}/closure-check", **values)
    assert preview.status_code == 200, preview.json()
    body = preview.json()
    assert body["would_close"] is False
    assert body["problems"] == {}
    assert ids(body["blocking"]) == [
        f["check_id"] for f in body["findings"] if f["severity"] == "DUTY"
    ]
    assert "M4.a" in ids(body["blocking"])
    assert [r["code"] for r in body["overridable_by"]] == ["team_manager", "safeguarding_lead"]
    assert body["you_can_override"] is False
    # Nothing was saved by asking.
    assert fresh(closing).state == "closing"

    refused = pat.post(f"/cases/{closing.pk}/closure", {"version": closing.version, **values})
    assert refused.status_code == 409
    assert refused.json()["all_findings"] == body["findings"]
    assert refused.json()["findings"] == body["blocking"]


def test_the_reason_changes_what_is_found(pat, closing):
    concluded = pat.get(f"/cases/{closing.pk}/closure-check", **CLOSURE).json()
    declined = pat.get(
        f"/cases/{closing.pk}/closure-check", **{**CLOSURE, "reason": "person_declined"}
    ).json()
    # Checks about a person who stopped the enquiry run only for that ending.
    assert "M1.a" in ids(declined["findings"])
    assert "M1.a" not in ids(concluded["findings"])


def test_only_the_reason_is_needed_and_the_rest_is_listed(pat, closing):
    r = pat.get(f"/cases/{closing.pk}/closure-check", reason="other")
    assert r.status_code == 200
    body = r.json()
    assert body["would_close"] is False
    assert body["problems"]["reason_details"] == "Enter why the case is closing"
    assert "action_result" in body["problems"]


def test_a_case_that_cannot_close_yet_says_why(pat, practitioner):
    case = factories.case(practitioner, state="enquiry")
    body = pat.get(f"/cases/{case.pk}/closure-check", **CLOSURE).json()
    assert body["would_close"] is False
    assert "enquiry" in body["problems"]["__all__"].lower()
    assert "M4.a" not in ids(body["blocking"])  # the advocacy test is recorded


def test_with_everything_met_it_would_close(pat, practitioner, closing):
    rf.advocacy(closing, practitioner)
    values = {**CLOSURE, "open_door": "Call the duty line any time."}
    body = pat.get(f"/cases/{closing.pk}/closure-check", **values).json()
    assert body["blocking"] == []
    assert body["would_close"] is True
    r = pat.post(f"/cases/{closing.pk}/closure", {"version": closing.version, **values})
    assert r.status_code == 200


@pytest.mark.parametrize(
    "query", [{}, {"reason": "whatever"}, {"reason": "other", "msp_asked": "x"}]
)
def test_a_bad_reason_is_refused_with_why(pat, closing, query):
    r = pat.get(f"/cases/{closing.pk}/closure-check", **query)
    assert r.status_code == 422
    assert r.json()["errors"]


def test_a_manager_is_told_they_can_override(api, manager, closing):
    body = api(manager).get(f"/cases/{closing.pk}/closure-check", **CLOSURE).json()
    assert body["you_can_override"] is True


def test_asking_is_audited_as_a_read(pat, practitioner, closing):
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    assert pat.get(f"/cases/{closing.pk}/closure-check", **CLOSURE).status_code == 200
    [event] = AuditEvent.objects.filter(id__gt=last)
    assert (event.action, event.user, event.case_id) == ("view", practitioner, closing.pk)


def test_someone_elses_case_is_not_found(api, closing):
    other = factories.user("practitioner", team_name="Elsewhere", username="elsewhere")
    assert api(other).get(f"/cases/{closing.pk}/closure-check", **CLOSURE).status_code == 404


def test_findings_after_a_refused_closure_keep_the_closure_checks(pat, closing):
    """Refused for a person who stopped the enquiry, the case's findings go on
    showing what that closure met, until the case moves on."""
    values = {**CLOSURE, "reason": "person_declined"}
    refused = pat.post(f"/cases/{closing.pk}/closure", {"version": closing.version, **values})
    assert refused.status_code == 409
    found = pat.get(f"/cases/{closing.pk}/findings").json()
    assert found == refused.json()["all_findings"]
    assert "M1.a" in ids(found)
    assert AuditEvent.objects.filter(action="closure.refused", case_id=closing.pk).exists()

    # Back to the enquiry, the refused closure no longer applies.
    r = pat.post(f"/cases/{closing.pk}/return-to-enquiry", {"version": closing.version})
    assert r.status_code == 200, r.json()
    assert "M1.a" not in ids(pat.get(f"/cases/{closing.pk}/findings").json())
    assert Case.objects.get(pk=closing.pk).state == "enquiry"

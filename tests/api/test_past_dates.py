"""Recording past events through the API: a decision, an enquiry start and a
closure may carry the day they really happened; the rule's refusals are 422s
naming the field."""

import datetime

import pytest
from django.utils import timezone

from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from tests import factories
from tests.factories import CLOSURE, DECISION_S42, fresh


@pytest.fixture
def case_from_last_month(practitioner):
    raised = timezone.localdate() - datetime.timedelta(days=30)
    case = concern_actions.raise_concern(
        person=factories.person(practitioner),
        by=practitioner,
        at=raised,
        **{**factories.CONCERN, "raised_on": raised},
    )
    return concern_actions.start_triage(case, by=practitioner, expected_version=case.version)


def test_a_decision_keeps_the_day_it_was_made(api, manager, case_from_last_month):
    case = case_from_last_month
    day = case.concerns.get().raised_on + datetime.timedelta(days=2)
    r = api(manager).post(
        f"/cases/{case.pk}/decision",
        {"version": case.version, **DECISION_S42, "decided_on": day.isoformat()},
    )
    assert r.status_code == 200, r.json()
    decided_at = case.decisions.get().decided_at
    assert timezone.localtime(decided_at).date() == day


def test_a_decision_before_the_concern_is_a_422_on_the_date(api, manager, case_from_last_month):
    case = case_from_last_month
    day = case.concerns.get().raised_on - datetime.timedelta(days=1)
    r = api(manager).post(
        f"/cases/{case.pk}/decision",
        {"version": case.version, **DECISION_S42, "decided_on": day.isoformat()},
    )
    assert r.status_code == 422
    assert "decided_on" in str(r.json())
    assert "cannot be before the first concern was raised" in str(r.json())
    assert not fresh(case).decisions.exists()


def test_a_closure_in_the_future_is_a_422_and_a_past_one_keeps_its_day(api, manager, practitioner):
    case = factories.case(practitioner, state="closing")
    client = api(manager)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    values = {"version": case.version, **CLOSURE}
    r = client.post(f"/cases/{case.pk}/closure", {**values, "closed_on": tomorrow.isoformat()})
    assert r.status_code == 422
    assert "The closure date cannot be in the future" in str(r.json())
    today = timezone.localdate()
    values["closed_on"] = today.isoformat()
    r = client.post(f"/cases/{case.pk}/closure", values)
    if r.status_code == 409:  # the manager closes all the same, with a reason
        reason = "Agreed in supervision; recorded on paper at the time."
        values["duty_overrides"] = {f["check_id"]: reason for f in r.json()["findings"]}
        r = client.post(f"/cases/{case.pk}/closure", values)
    assert r.status_code == 200, r.json()
    assert timezone.localtime(Case.objects.get(pk=case.pk).closed_at).date() == today

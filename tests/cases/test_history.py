"""Recording past events with their real dates: the rule, and the actions
that keep when something happened apart from when it was recorded."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.history import as_moment, when_problem
from msp.concerns import actions as concern_actions
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import CaseNote, Closure, Enquiry
from tests import factories

D = datetime.date
NOW = timezone.make_aware(datetime.datetime(2026, 3, 10, 15, 0))


def test_an_event_on_or_after_the_first_concern_and_not_in_the_future_is_accepted():
    assert when_problem(as_moment(D(2026, 3, 1)), now=NOW, first_concern_on=D(2026, 3, 1)) is None
    assert when_problem(NOW, now=NOW, first_concern_on=D(2026, 3, 1)) is None


def test_an_event_before_the_first_concern_is_refused_naming_the_day():
    problem = when_problem(
        as_moment(D(2026, 2, 28)), now=NOW, first_concern_on=D(2026, 3, 1), what="The visit"
    )
    assert problem == "The visit cannot be before the first concern was raised (1 March 2026)"


def test_an_event_in_the_future_is_refused():
    later = NOW + datetime.timedelta(minutes=1)
    assert when_problem(later, now=NOW, first_concern_on=None) == (
        "The date it happened cannot be in the future"
    )


def _raised(practitioner, on):
    return concern_actions.raise_concern(
        person=factories.person(practitioner),
        by=practitioner,
        at=on,
        **{**factories.CONCERN, "raised_on": on},
    )


@pytest.mark.django_db
def test_a_past_case_keeps_its_dates_and_the_audit_log_keeps_when_it_was_recorded(
    practitioner, manager
):
    raised = D(2025, 5, 6)
    case = _raised(practitioner, raised)
    assert case.reference.startswith(f"{case.reference.split('-')[0]}-2025-")
    assert timezone.localtime(case.opened_at).date() == raised
    case = concern_actions.start_triage(
        case, by=practitioner, expected_version=case.version, at=raised
    )
    decision = concern_actions.record_decision(
        case, by=manager, expected_version=case.version, at=D(2025, 5, 8), **factories.DECISION_S42
    )
    assert timezone.localtime(decision.decided_at).date() == D(2025, 5, 8)
    case = factories.allocated(factories.fresh(case), practitioner)
    case = enquiry_actions.start_enquiry(
        case, by=practitioner, expected_version=case.version, at=D(2025, 5, 9)
    )
    assert timezone.localtime(case.enquiry_started_at).date() == D(2025, 5, 9)
    enquiry_actions.add_advocacy_assessment(
        case,
        by=practitioner,
        at=D(2025, 5, 9),
        **{**factories.ADVOCACY_NOT_REQUIRED, "assessed_on": D(2025, 5, 9)},
    )
    note = enquiry_actions.add_note(
        case, by=practitioner, text="Visited with her GP.", at=D(2025, 5, 12)
    )
    assert CaseNote.objects.get(pk=note.pk).happened_on == D(2025, 5, 12)
    outcome = enquiry_actions.add_outcome(
        case,
        by=practitioner,
        expected_version=case.version,
        at=D(2025, 5, 9),
        text="I want my money to be safe",
        whose_words="person",
    )
    case = enquiry_actions.start_closing(
        factories.fresh(case), by=practitioner, expected_version=case.version + 1, at=D(2025, 7, 1)
    )
    outcome.refresh_from_db()
    enquiry_actions.rate_outcome(
        outcome,
        by=practitioner,
        expected_version=outcome.version,
        achievement="fully",
        at=D(2025, 7, 1),
    )
    closure = enquiry_actions.close_case(
        case, by=manager, expected_version=case.version, at=D(2025, 7, 2), **factories.CLOSURE
    )
    closed_on = timezone.localtime(Closure.objects.get(pk=closure.pk).closed_at).date()
    assert closed_on == D(2025, 7, 2)
    episode = Enquiry.objects.get(case=case)
    assert timezone.localtime(episode.concluded_at).date() == D(2025, 7, 2)
    event = AuditEvent.objects.filter(action="case.close_case", case_id=case.pk).get()
    assert event.at.date() == timezone.now().date()
    assert event.changes["happened_at"][1].startswith("2025-07-02")


@pytest.mark.django_db
def test_a_decision_dated_before_the_concern_is_refused_and_nothing_is_saved(practitioner, manager):
    case = _raised(practitioner, D(2025, 5, 6))
    case = concern_actions.start_triage(case, by=practitioner, expected_version=case.version)
    with pytest.raises(ValidationError) as refused:
        concern_actions.record_decision(
            case,
            by=manager,
            expected_version=case.version,
            at=D(2025, 5, 5),
            **factories.DECISION_S42,
        )
    assert refused.value.message_dict["decided_on"] == [
        "The decision date cannot be before the first concern was raised (6 May 2025)"
    ]
    assert not case.decisions.exists()


@pytest.mark.django_db
def test_a_closure_in_the_future_is_refused(practitioner, manager):
    case = factories.case(practitioner, state="closing")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        enquiry_actions.close_case(
            case, by=manager, expected_version=case.version, at=tomorrow, **factories.CLOSURE
        )
    assert refused.value.message_dict["closed_on"] == ["The closure date cannot be in the future"]


@pytest.mark.django_db
def test_a_concern_received_before_the_day_it_was_raised_is_refused(practitioner):
    with pytest.raises(ValidationError) as refused:
        concern_actions.raise_concern(
            person=factories.person(practitioner),
            by=practitioner,
            at=D(2025, 5, 5),
            **{**factories.CONCERN, "raised_on": D(2025, 5, 6)},
        )
    assert "received_on" in refused.value.message_dict


@pytest.mark.django_db
def test_a_plan_action_due_before_today_is_fine_when_recorded_as_of_an_earlier_day(practitioner):
    case = _raised(practitioner, D(2025, 5, 6))
    values = {
        "description": "Bank to put a second signature on withdrawals",
        "owner_kind": "worker",
        "owner_name": "A. Worker",
        "due_on": D(2025, 6, 1),
        "status": "in_progress",
    }
    with pytest.raises(ValidationError) as refused:
        enquiry_actions.add_plan_action(case, by=practitioner, **values)
    assert "due_on" in refused.value.message_dict
    action = enquiry_actions.add_plan_action(case, by=practitioner, at=D(2025, 5, 10), **values)
    assert action.happened_on == D(2025, 5, 10)
    assert action.recorded_at.date() == timezone.now().date()

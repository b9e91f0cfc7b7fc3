"""The case state machine, through the action functions."""

import pytest
from django.core.exceptions import ValidationError

from msp.audit.models import AuditEvent
from msp.cases.errors import InvalidTransition, StaleVersion
from msp.cases.models import Case, CaseState
from msp.cases.workflow import TRANSITIONS, allowed
from msp.concerns import actions as concerns
from msp.enquiries import actions as enquiries
from msp.enquiries.models import DesiredOutcome
from msp.practice.gate import GuardBlocked
from tests import factories
from tests.factories import fresh

pytestmark = pytest.mark.django_db


def test_every_state_is_reachable_and_every_transition_is_named():
    targets = {t.target for t in TRANSITIONS.values() if t.target}
    assert targets | {CaseState.RAISED} == set(CaseState.values)


def test_a_new_concern_opens_a_case_with_a_reference(practitioner):
    case = factories.case(practitioner)
    assert case.state == CaseState.RAISED
    assert case.reference == f"SG-{case.opened_at.year}-{case.pk:06d}"
    assert case.team == practitioner.team
    assert case.concerns.get().what_happened == factories.CONCERN["what_happened"]


def test_the_whole_journey_records_each_step(practitioner):
    case = factories.case(practitioner, state="closed", outcomes=2)
    assert case.state == CaseState.CLOSED
    assert case.enquiry_type == "s42"
    assert case.closed_at is not None
    actions = list(
        AuditEvent.objects.changes().filter(case_id=case.pk).values_list("action", flat=True)
    )
    assert actions == [
        "case.raised",
        "case.start_triage",
        "case.record_decision",
        "case.allocate",
        "case.start_enquiry",
        "advocacy.assessed",
        "case.add_outcome",
        "case.add_outcome",
        "case.start_closing",
        "outcome.rated",
        "outcome.rated",
        "case.close_case",
        "closure.guard_findings",
    ]


def test_impossible_transitions_are_refused_with_a_reason(practitioner):
    case = factories.case(practitioner)
    with pytest.raises(InvalidTransition, match="while the case is at 'Concern raised'"):
        enquiries.start_enquiry(case, by=practitioner, expected_version=case.version)
    assert fresh(case).state == CaseState.RAISED
    assert not allowed(case, "close_case")


def test_no_enquiry_decision_cannot_start_an_enquiry_but_can_close(practitioner):
    case = factories.case(practitioner, state="triage")
    concerns.record_decision(
        case,
        by=factories.decider_for(practitioner, case),
        expected_version=case.version,
        **factories.DECISION_NONE,
    )
    case = fresh(case)
    with pytest.raises(InvalidTransition, match="no enquiry is needed"):
        enquiries.start_enquiry(case, by=practitioner, expected_version=case.version)
    case = enquiries.start_closing(case, by=practitioner, expected_version=case.version)
    enquiries.close_case(case, by=practitioner, expected_version=case.version, reason="no_enquiry")
    case = fresh(case)
    assert case.state == CaseState.CLOSED
    assert case.enquiry_type == ""


def test_an_s42_decision_cannot_skip_the_enquiry(practitioner):
    case = factories.case(practitioner, state="decided")
    with pytest.raises(InvalidTransition, match="Start the enquiry before closing"):
        enquiries.start_closing(case, by=practitioner, expected_version=case.version)


def test_closing_needs_every_outcome_rated(practitioner):
    case = factories.case(practitioner, state="closing", outcomes=2)
    first = case.desired_outcomes.first()
    enquiries.rate_outcome(
        first, by=practitioner, expected_version=first.version, achievement="partially"
    )
    # M2.c is a legal duty in this product: the closing gate blocks it.
    with pytest.raises(GuardBlocked) as blocked:
        enquiries.close_case(
            case, by=practitioner, expected_version=case.version, **factories.CLOSURE
        )
    assert [f.check_id for f in blocked.value.findings] == ["M2.c"]
    assert fresh(case).state == CaseState.CLOSING


def test_bad_closure_input_changes_nothing(practitioner):
    case = factories.case(practitioner, state="closing", outcomes=0)
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as err:
        enquiries.close_case(
            case, by=practitioner, expected_version=case.version, reason="enquiry_concluded"
        )
    assert "action_result" in err.value.message_dict
    assert fresh(case).state == CaseState.CLOSING
    assert AuditEvent.objects.count() == before


def test_outcome_revisions_keep_every_version(practitioner):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    enquiries.revise_outcome(
        outcome,
        by=practitioner,
        expected_version=outcome.version,
        text="I want my son to visit only when my daughter is there",
        whose_words="person",
        reason="We talked again after the family meeting",
    )
    outcome = DesiredOutcome.objects.get(pk=outcome.pk)
    texts = [r.text for r in outcome.revisions.order_by("number")]
    assert texts == [
        "I want to feel safe in my own home (1)",
        "I want my son to visit only when my daughter is there",
    ]
    assert outcome.current.reason == "We talked again after the family meeting"
    event = AuditEvent.objects.get(action="outcome.revised")
    assert event.reason == "We talked again after the family meeting"
    assert event.changes["revision"] == [1, 2]


def test_a_stale_version_is_refused_and_overwrites_nothing(practitioner, colleague):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    loaded_version = outcome.version
    enquiries.revise_outcome(
        outcome,
        by=colleague,
        expected_version=loaded_version,
        text="Cal's version",
        whose_words="person",
        reason="visit",
    )
    with pytest.raises(StaleVersion) as err:
        enquiries.revise_outcome(
            outcome,
            by=practitioner,
            expected_version=loaded_version,
            text="Pat's version",
            whose_words="person",
            reason="call",
        )
    assert err.value.changed_by == colleague.display_name
    assert err.value.current_version == loaded_version + 1
    assert err.value.changes["text"][1] == "Cal's version"
    assert DesiredOutcome.objects.get(pk=outcome.pk).current.text == "Cal's version"


def test_stale_case_version_blocks_a_transition(practitioner, colleague):
    case = factories.case(practitioner)
    concerns.start_triage(case, by=colleague, expected_version=case.version)
    with pytest.raises(StaleVersion):
        concerns.start_triage(case, by=practitioner, expected_version=case.version)
    assert Case.objects.get(pk=case.pk).version == case.version + 1


def test_reopen_needs_a_reason_and_returns_to_triage(practitioner):
    case = factories.case(practitioner, state="closed")
    with pytest.raises(ValidationError):
        enquiries.reopen_case(
            case,
            by=practitioner,
            expected_version=case.version,
            reason=" ",
            **factories.new_concern(),
        )
    case = enquiries.reopen_case(
        case,
        by=practitioner,
        expected_version=case.version,
        reason="A second concern from the bank",
        **factories.new_concern(),
    )
    assert case.state == CaseState.TRIAGE
    assert case.closed_at is None
    assert case.closures.count() == 1


def test_return_to_enquiry_from_closing(practitioner):
    case = factories.case(practitioner, state="closing")
    case = enquiries.return_to_enquiry(case, by=practitioner, expected_version=case.version)
    assert case.state == CaseState.ENQUIRY

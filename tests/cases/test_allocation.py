"""Allocating a case to a named worker, and what starting an enquiry does with it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from msp.accounts.models import Role
from msp.audit.models import AuditEvent
from msp.cases.actions import allocate_case
from msp.cases.chronology import chronology
from msp.cases.errors import InvalidTransition
from msp.cases.models import CouncilPolicy
from msp.concerns import actions as concern_actions
from msp.enquiries import actions as enquiry_actions
from tests import factories
from tests.factories import DECISION_S42, fresh


def decided(by, manager):
    case = factories.case(by, state="triage")
    concern_actions.record_decision(case, by=manager, expected_version=case.version, **DECISION_S42)
    return fresh(case)


def test_a_manager_allocates_and_reallocates_and_the_chronology_says_so(
    practitioner, colleague, manager
):
    case = factories.case(practitioner, state="triage")
    case = allocate_case(case, by=manager, worker=practitioner, expected_version=case.version)
    assert case.lead_worker == practitioner
    case = allocate_case(
        case,
        by=manager,
        worker=colleague,
        expected_version=case.version,
        reason="Pat is on leave for three weeks",
    )
    assert fresh(case).lead_worker == colleague
    entries = [e for e in chronology(case) if e.title == "Case allocated"]
    assert [dict(e.details)["Allocated to"] for e in entries] == ["Pat Okafor", "Cal Reyes"]
    assert entries[-1].reason == "Pat is on leave for three weeks"
    event = AuditEvent.objects.filter(case_id=case.pk, action="case.allocate").last()
    assert event.changes["allocated_to"] == ["Pat Okafor", "Cal Reyes"]
    assert event.user == manager


def test_a_practitioner_cannot_allocate(practitioner, colleague):
    case = factories.case(practitioner, state="triage")
    with pytest.raises(PermissionDenied, match="team manager"):
        allocate_case(case, by=practitioner, worker=colleague, expected_version=case.version)
    assert fresh(case).lead_worker is None


def test_another_teams_manager_cannot_allocate(practitioner, colleague, other_manager):
    case = factories.case(practitioner)
    with pytest.raises(PermissionDenied):
        allocate_case(case, by=other_manager, worker=colleague, expected_version=case.version)


def test_only_someone_who_can_work_on_the_case_can_be_allocated(practitioner, manager, outsider):
    case = factories.case(practitioner)
    with pytest.raises(ValidationError) as refused:
        allocate_case(case, by=manager, worker=outsider, expected_version=case.version)
    assert "cannot work on this team's cases" in str(refused.value)


def test_a_lead_can_allocate_any_teams_case_to_a_lead(practitioner, lead):
    case = factories.case(practitioner)
    case = allocate_case(case, by=lead, worker=lead, expected_version=case.version)
    assert case.lead_worker == lead


def test_allocating_to_the_same_worker_again_is_refused(practitioner, manager):
    case = factories.case(practitioner)
    case = allocate_case(case, by=manager, worker=practitioner, expected_version=case.version)
    with pytest.raises(InvalidTransition, match="already allocated to Pat Okafor"):
        allocate_case(case, by=manager, worker=practitioner, expected_version=case.version)


def test_starting_the_enquiry_keeps_the_allocation(practitioner, manager):
    case = decided(practitioner, manager)
    case = allocate_case(case, by=manager, worker=practitioner, expected_version=case.version)
    case = enquiry_actions.start_enquiry(case, by=manager, expected_version=case.version)
    assert case.lead_worker == practitioner  # not the manager who pressed the button


def test_an_unallocated_case_must_be_allocated_before_its_enquiry(practitioner, manager):
    case = decided(practitioner, manager)
    with pytest.raises(InvalidTransition, match="Allocate the case"):
        enquiry_actions.start_enquiry(case, by=practitioner, expected_version=case.version)
    assert fresh(case).state == "decided"


def test_the_council_can_let_the_starter_take_an_unallocated_case(practitioner, manager):
    CouncilPolicy(starter_takes_unallocated=True).save()
    case = decided(practitioner, manager)
    case = enquiry_actions.start_enquiry(case, by=practitioner, expected_version=case.version)
    assert case.lead_worker == practitioner


def test_naming_a_worker_when_starting_is_an_allocation_for_managers_only(
    practitioner, colleague, manager
):
    case = decided(practitioner, manager)
    with pytest.raises(PermissionDenied):
        enquiry_actions.start_enquiry(
            case, by=practitioner, expected_version=case.version, lead_worker=colleague
        )
    case = enquiry_actions.start_enquiry(
        case, by=manager, expected_version=case.version, lead_worker=colleague
    )
    assert case.lead_worker == colleague


def test_the_factory_manager_is_a_real_team_manager(practitioner):
    case = factories.case(practitioner, state="enquiry")
    decision = case.decisions.get()
    assert decision.decided_by.role == Role.TEAM_MANAGER
    assert case.lead_worker == practitioner

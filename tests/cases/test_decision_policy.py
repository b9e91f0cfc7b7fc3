"""Who may record the section 42 decision is the council's policy."""

import pytest
from django.core.exceptions import PermissionDenied

from msp.audit.models import AuditEvent
from msp.cases.models import CouncilPolicy, DecisionMakers
from msp.concerns import actions as concern_actions
from tests import factories
from tests.factories import DECISION_S42, fresh


def record(case, by):
    return concern_actions.record_decision(
        case, by=by, expected_version=case.version, **DECISION_S42
    )


def test_by_default_a_practitioner_cannot_record_the_decision(practitioner):
    case = factories.case(practitioner, state="triage")
    with pytest.raises(PermissionDenied) as refused:
        record(case, practitioner)
    assert str(refused.value) == (
        "In this council only team managers and safeguarding leads can record the "
        "section 42 decision"
    )
    assert fresh(case).state == "triage"
    assert not case.decisions.exists()


def test_by_default_managers_and_leads_can(practitioner, manager, lead):
    for decider in (manager, lead):
        case = factories.case(practitioner, state="triage")
        record(case, decider)
        assert fresh(case).state == "decided"


def test_the_council_can_keep_the_decision_for_leads(practitioner, manager, lead):
    CouncilPolicy(decision_makers=DecisionMakers.LEADS).save()
    case = factories.case(practitioner, state="triage")
    with pytest.raises(PermissionDenied, match="only safeguarding leads"):
        record(case, manager)
    record(case, lead)
    assert fresh(case).state == "decided"


def test_the_council_can_let_practitioners_decide(practitioner):
    CouncilPolicy(decision_makers=DecisionMakers.ANY_CASEWORKER).save()
    case = factories.case(practitioner, state="triage")
    record(case, practitioner)
    assert case.decisions.get().decided_by == practitioner


def test_another_teams_manager_still_cannot_decide(practitioner, other_manager):
    case = factories.case(practitioner, state="triage")
    with pytest.raises(PermissionDenied, match="not change"):
        record(case, other_manager)


def test_changing_the_policy_is_audited(administrator):
    policy = CouncilPolicy()
    policy.save()
    policy.decision_makers = DecisionMakers.LEADS
    policy.save()
    events = AuditEvent.objects.filter(action__startswith="council_policy.").order_by("id")
    assert [e.action for e in events] == ["council_policy.created", "council_policy.changed"]
    assert events.last().changes["decision_makers"] == ["managers", "leads"]
    assert CouncilPolicy.objects.count() == 1
    assert CouncilPolicy.current().decision_makers == "leads"

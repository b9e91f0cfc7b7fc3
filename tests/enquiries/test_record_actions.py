"""Each action function for the record: saved, one audit event, a chronology
entry, and closed cases refused."""

from typing import Any

import pytest

from msp.audit.models import AuditEvent
from msp.cases.chronology import chronology
from msp.cases.errors import InvalidTransition
from msp.enquiries import actions
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    ClutterRating,
    Contact,
    DeathRecord,
    Involvement,
    Override,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    RiskAssessment,
    RiskToOthersAction,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from tests import factories, record_factories
from tests.factories import fresh

pytestmark = pytest.mark.django_db

# (builder, model, audit action, chronology title, a detail the chronology shows)
ADDERS: list[tuple[Any, ...]] = [
    (
        record_factories.capacity,
        CapacityAssessment,
        "capacity.assessed",
        "Capacity assessment recorded",
        ("Decision", "Whether to let her son manage her bank account"),
    ),
    (
        record_factories.best_interests,
        BestInterestsDecision,
        "best_interests.decided",
        "Best-interests decision recorded",
        ("Decision", "Where she should live while the house is made safe"),
    ),
    (
        record_factories.advocacy,
        AdvocacyAssessment,
        "advocacy.assessed",
        "Advocacy assessment recorded",
        ("Result", "No substantial difficulty: no advocate needed"),
    ),
    (
        record_factories.contact,
        Contact,
        "contact.recorded",
        "Contact with the person recorded",
        ("What happened", "Spoke with the person"),
    ),
    (
        record_factories.risk_assessment,
        RiskAssessment,
        "risk.assessed",
        "Risk assessment saved",
        ("Risk to the person", "Her son may keep taking money from her."),
    ),
    (
        record_factories.risk_action,
        RiskToOthersAction,
        "risk_action.recorded",
        "Action to protect others recorded",
        ("Action", "Told the employer or service provider"),
    ),
    (
        record_factories.override,
        Override,
        "override.recorded",
        "Decision against someone's wishes recorded",
        ("Ground", "Other people are at risk"),
    ),
    (
        record_factories.plan,
        SafeguardingPlan,
        "plan.saved",
        "Safeguarding plan saved",
        ("How the person was involved", "Wrote the plan with her at her kitchen table."),
    ),
    (
        record_factories.plan_action,
        PlanAction,
        "plan_action.added",
        "Plan action added",
        ("Action", "Set up a prepaid card for her shopping"),
    ),
    (
        record_factories.self_neglect,
        SelfNeglectRecord,
        "self_neglect.saved",
        "Self-neglect record saved",
        ("Background and history", "Has kept newspapers since her husband died in 2015."),
    ),
    (
        record_factories.clutter_rating,
        ClutterRating,
        "clutter.rated",
        "Clutter rating recorded",
        ("Rating", "6"),
    ),
    (
        record_factories.feedback,
        ReferrerFeedback,
        "feedback.given",
        "Feedback given to the person who raised the concern",
        ("What they were told", "We are looking into it with her agreement."),
    ),
    (
        record_factories.escalation,
        ReferrerEscalation,
        "escalation.raised",
        "The person who raised the concern escalated it",
        ("What they said", "The home care manager says nothing has happened for two weeks."),
    ),
    (
        record_factories.death,
        DeathRecord,
        "death.recorded",
        "The person's death recorded",
        ("Review criteria may be met", "No"),
    ),
    (
        record_factories.involvement,
        Involvement,
        "involvement.saved",
        "The person's involvement recorded",
        ("Person told", "Yes, the person knows a concern was raised and why"),
    ),
    (
        record_factories.note,
        CaseNote,
        "note.added",
        "Case note added",
        ("Note", "Phoned her GP to arrange a review."),
    ),
]


def _id(entry):
    return entry[2]


@pytest.mark.parametrize("entry", ADDERS, ids=_id)
def test_saved_with_one_audit_event_and_a_chronology_entry(entry, case, practitioner):
    build, model, action, title, detail = entry
    case_version = case.version
    before = AuditEvent.objects.changes().filter(case_id=case.pk).count()

    record = build(case, practitioner)

    saved = model.objects.get(pk=record.pk)
    assert saved.case_id == case.pk
    assert saved.recorded_by == practitioner
    assert saved.version == 1
    events = AuditEvent.objects.changes().filter(case_id=case.pk)
    assert events.count() == before + 1
    event = events.order_by("-id").first()
    assert event.action == action
    assert event.user == practitioner
    assert event.person_id == case.person_id
    assert event.object_type == model._meta.label_lower
    assert event.object_id == str(record.pk)
    last = chronology(case)[-1]
    assert last.title == title
    assert last.action == action
    assert detail in last.details
    # Adding to the record does not move the case on, or change its version
    assert fresh(case).version == case_version
    assert fresh(case).state == case.state


@pytest.mark.parametrize("entry", ADDERS, ids=_id)
def test_a_closed_case_is_refused(entry, practitioner):
    build, model, action, _title, _detail = entry
    case = factories.case(practitioner, state="closed")
    records = model.objects.filter(case=case).count()
    events = AuditEvent.objects.filter(case_id=case.pk, action=action).count()
    with pytest.raises(InvalidTransition) as error:
        build(case, practitioner)
    assert error.value.message == "This case is closed. Reopen it to add to the record."
    assert model.objects.filter(case=case).count() == records
    assert AuditEvent.objects.filter(case_id=case.pk, action=action).count() == events


@pytest.mark.parametrize("state", ["raised", "triage", "decided", "enquiry", "closing"])
def test_every_open_state_may_add_to_the_record(state, practitioner):
    case = factories.case(practitioner, state=state)
    record_factories.contact(case, practitioner)
    record_factories.note(case, practitioner)
    assert case.contacts.count() == 1
    assert case.notes.count() == 1


def _closed_after(case, by, duty_overrides=None):
    """Close a case that is at 'closing'."""
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(outcome, by=by, expected_version=outcome.version, achievement="fully")
    actions.close_case(
        case,
        by=by,
        expected_version=fresh(case).version,
        duty_overrides=duty_overrides,
        **factories.CLOSURE,
    )
    return fresh(case)


def test_changes_to_existing_records_are_refused_once_closed(practitioner, manager):
    case = factories.case(practitioner, state="closing")
    override = record_factories.override(case, practitioner, cosigner=manager)
    action = record_factories.plan_action(case, practitioner)
    escalation = record_factories.escalation(case, practitioner)
    risk = record_factories.risk_assessment(case, practitioner)
    # The override is not co-signed yet (a legal duty, M3.c): the manager closes
    # the case anyway, with a reason.
    case = _closed_after(case, manager, {"M3.c": "Co-signature to follow after review."})
    message = "This case is closed. Reopen it to add to the record."
    with pytest.raises(InvalidTransition, match=message):
        actions.cosign_override(override, by=manager)
    with pytest.raises(InvalidTransition, match=message):
        actions.update_plan_action(action, by=practitioner, expected_version=1, status="done")
    with pytest.raises(InvalidTransition, match=message):
        actions.resolve_referrer_escalation(
            escalation,
            by=practitioner,
            expected_version=1,
            resolution="Met them",
            resolved_on=escalation.raised_on,
        )
    with pytest.raises(InvalidTransition, match=message):
        actions.save_risk_assessment(
            case, by=practitioner, expected_version=risk.version, risk_to_person="Less"
        )
    # Reopened: the record can be added to again
    actions.reopen_case(
        case,
        by=practitioner,
        expected_version=case.version,
        reason="New concern",
        **factories.new_concern(),
    )
    actions.cosign_override(override, by=manager)


def test_both_import_styles_work():
    from msp.enquiries.actions import add_contact, start_enquiry

    assert actions.start_enquiry is start_enquiry
    assert actions.add_contact is add_contact


def test_closing_saves_and_audits_how_the_person_can_come_back(practitioner):
    case = factories.case(practitioner, state="closing")
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(
            outcome, by=practitioner, expected_version=outcome.version, achievement="fully"
        )
    closure = actions.close_case(
        case,
        by=practitioner,
        expected_version=fresh(case).version,
        open_door="She has our number and knows she can call any time.",
        **factories.CLOSURE,
    )
    assert closure.open_door == "She has our number and knows she can call any time."
    event = AuditEvent.objects.changes().get(case_id=case.pk, action="case.close_case")
    assert event.changes["open_door"] == [None, closure.open_door]

"""Records kept up to date (one per case) and records that change later: versions,
co-signing, plan actions, escalations and death."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.chronology import chronology
from msp.cases.errors import InvalidTransition, StaleVersion
from msp.enquiries import actions
from msp.enquiries.models import (
    DeathRecord,
    Involvement,
    RiskAssessment,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from msp.enquiries.record_rules import Dates, capacity_errors, long_date
from msp.people.models import Person
from tests import factories
from tests import record_factories as rf

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)

# (create, save function, model, a field to change, its new value, audit action)
SINGLETONS = [
    (
        rf.risk_assessment,
        actions.save_risk_assessment,
        RiskAssessment,
        "risk_to_person",
        "Less now",
        "risk.assessed",
    ),
    (rf.plan, actions.save_plan, SafeguardingPlan, "pace", "Slower", "plan.saved"),
    (
        rf.self_neglect,
        actions.save_self_neglect,
        SelfNeglectRecord,
        "trusted_person",
        "Her GP",
        "self_neglect.saved",
    ),
    (
        rf.death,
        actions.record_death,
        DeathRecord,
        "sar_considerations",
        "Reconsidered",
        "death.recorded",
    ),
    (
        rf.involvement,
        actions.save_involvement,
        Involvement,
        "referrer_part_details",
        "Joined the meeting",
        "involvement.saved",
    ),
]


def _ids(entry):
    return entry[5]


@pytest.mark.parametrize("entry", SINGLETONS, ids=_ids)
def test_a_singleton_is_updated_with_its_version(entry, case, practitioner, colleague):
    create, save, model, field, value, action = entry
    record = create(case, practitioner)
    updated = save(case, by=colleague, expected_version=record.version, **{field: value})
    assert updated.pk == record.pk
    assert updated.version == 2
    assert getattr(model.objects.get(pk=record.pk), field) == value
    # Fields not given keep their values; who first recorded it stays
    assert model.objects.get(pk=record.pk).recorded_by == practitioner
    event = AuditEvent.objects.changes().filter(case_id=case.pk, action=action).order_by("-id")[0]
    assert event.user == colleague
    assert event.changes == {field: [getattr(record, field), value]}
    assert model.objects.filter(case=case).count() == 1


@pytest.mark.parametrize("entry", SINGLETONS, ids=_ids)
def test_a_singleton_saved_over_someone_elses_change_is_refused(
    entry, case, practitioner, colleague
):
    create, save, model, field, value, _action = entry
    record = create(case, practitioner)
    save(case, by=colleague, expected_version=record.version, **{field: value})
    with pytest.raises(StaleVersion) as error:
        save(case, by=practitioner, expected_version=record.version, **{field: "Mine"})
    assert error.value.changed_by == colleague.display_name
    assert error.value.current_version == 2
    assert error.value.changes == {field: [getattr(record, field), value]}
    assert getattr(model.objects.get(pk=record.pk), field) == value


@pytest.mark.parametrize("entry", SINGLETONS, ids=_ids)
def test_creating_a_singleton_that_someone_else_just_created_is_refused(
    entry, case, practitioner, colleague
):
    create, _save, model, _field, _value, _action = entry
    record = create(case, colleague)
    with pytest.raises(StaleVersion) as error:
        create(case, practitioner)
    assert error.value.changed_by == colleague.display_name
    assert error.value.record == record
    assert model.objects.filter(case=case).count() == 1


@pytest.mark.parametrize("entry", SINGLETONS, ids=_ids)
def test_saving_a_singleton_unchanged_writes_nothing(entry, case, practitioner):
    create, save, _model, field, _value, _action = entry
    record = create(case, practitioner)
    before = AuditEvent.objects.changes().count()
    again = save(
        case, by=practitioner, expected_version=record.version, **{field: getattr(record, field)}
    )
    assert again.version == 1
    assert AuditEvent.objects.changes().count() == before


@pytest.mark.parametrize("entry", SINGLETONS, ids=_ids)
def test_a_singleton_update_is_checked_by_the_same_rules(entry, case, practitioner):
    create, save, _model, _field, _value, action = entry
    record = create(case, practitioner)
    required = {
        "risk.assessed": "risk_to_person",
        "plan.saved": "person_involvement",
        "self_neglect.saved": "background_and_history",
        "death.recorded": "date_of_death",
        "involvement.saved": None,
    }[action]
    if required is None:
        with pytest.raises(ValidationError):
            save(case, by=practitioner, expected_version=record.version, person_told="no_risk")
        return
    with pytest.raises(ValidationError) as error:
        save(case, by=practitioner, expected_version=record.version, **{required: ""})
    assert required in error.value.message_dict


def test_risk_needs_the_police_decision_only_when_a_crime_may_have_been_committed(
    case, practitioner
):
    risk = rf.risk_assessment(case, practitioner, crime_may_have_been_committed="unknown")
    risk = actions.save_risk_assessment(
        case,
        by=practitioner,
        expected_version=risk.version,
        crime_may_have_been_committed="yes",
        police_decision="reported",
        police_decision_reason="Theft from a vulnerable adult",
    )
    assert risk.police_decision == "reported"


def test_a_plan_review_date_already_on_the_plan_may_stay_once_past(case, practitioner):
    plan = rf.plan(case, practitioner, next_review_on=TODAY)
    SafeguardingPlan.objects.filter(pk=plan.pk).update(next_review_on=YESTERDAY)
    plan = actions.save_plan(case, by=practitioner, expected_version=1, pace="Whatever she wants")
    assert plan.next_review_on == YESTERDAY
    with pytest.raises(ValidationError) as error:
        actions.save_plan(
            case,
            by=practitioner,
            expected_version=plan.version,
            next_review_on=YESTERDAY - datetime.timedelta(days=1),
        )
    assert error.value.message_dict == {
        "next_review_on": ["The date of the next review cannot be in the past"]
    }


# --- plan actions --------------------------------------------------------------------


def test_a_plan_action_is_updated(case, practitioner):
    action = rf.plan_action(case, practitioner)
    updated = actions.update_plan_action(
        action, by=practitioner, expected_version=1, status="in_progress"
    )
    assert updated.version == 2
    assert updated.status == "in_progress"
    assert updated.description == action.description
    event = AuditEvent.objects.changes().get(case_id=case.pk, action="plan_action.updated")
    assert event.changes == {"status": ["not_started", "in_progress"]}
    entry = chronology(case)[-1]
    assert entry.title == "Plan action updated"
    assert ("Status", "In progress") in entry.details


def test_a_plan_action_due_date_may_stay_once_past_but_not_move_into_the_past(case, practitioner):
    action = rf.plan_action(case, practitioner)
    type(action).objects.filter(pk=action.pk).update(due_on=YESTERDAY)
    action = actions.update_plan_action(
        action, by=practitioner, expected_version=1, status="done", due_on=YESTERDAY
    )
    assert action.status == "done"
    with pytest.raises(ValidationError) as error:
        actions.update_plan_action(
            action,
            by=practitioner,
            expected_version=action.version,
            due_on=YESTERDAY - datetime.timedelta(days=1),
        )
    assert error.value.message_dict == {
        "due_on": ["The date the action is due cannot be before today"]
    }


def test_a_plan_action_changed_by_someone_else_is_refused(case, practitioner, colleague):
    action = rf.plan_action(case, practitioner)
    actions.update_plan_action(action, by=colleague, expected_version=1, status="done")
    with pytest.raises(StaleVersion) as error:
        actions.update_plan_action(action, by=practitioner, expected_version=1, status="stopped")
    assert error.value.changed_by == colleague.display_name
    assert type(action).objects.get(pk=action.pk).status == "done"


# --- overrides: co-signing -------------------------------------------------------------


def test_the_named_cosigner_cosigns(case, practitioner, manager):
    override = rf.override(case, practitioner, cosigner=manager)
    cosigned = actions.cosign_override(override, by=manager)
    assert cosigned.is_cosigned
    assert cosigned.version == 2
    event = AuditEvent.objects.changes().get(case_id=case.pk, action="override.cosigned")
    assert event.user == manager
    assert event.object_id == str(override.pk)
    assert chronology(case)[-1].title == "Decision against someone's wishes co-signed"


@pytest.mark.parametrize("who", ["practitioner", "lead", "other_manager"])
def test_nobody_else_may_cosign(request, case, practitioner, manager, who):
    override = rf.override(case, practitioner, cosigner=manager)
    with pytest.raises(PermissionDenied):
        actions.cosign_override(override, by=request.getfixturevalue(who))
    assert not type(override).objects.get(pk=override.pk).is_cosigned
    assert not AuditEvent.objects.filter(action="override.cosigned").exists()


def test_cosigning_twice_is_refused(case, practitioner, manager):
    override = rf.override(case, practitioner, cosigner=manager)
    actions.cosign_override(override, by=manager)
    with pytest.raises(InvalidTransition, match="already been co-signed"):
        actions.cosign_override(override, by=manager)
    assert AuditEvent.objects.filter(action="override.cosigned").count() == 1


# --- escalations ------------------------------------------------------------------------


def test_an_escalation_is_resolved(case, practitioner):
    escalation = rf.escalation(case, practitioner)
    resolved = actions.resolve_referrer_escalation(
        escalation,
        by=practitioner,
        expected_version=1,
        resolution="Met the care manager and agreed weekly updates.",
        resolved_on=TODAY,
    )
    assert resolved.resolved_on == TODAY
    assert resolved.version == 2
    event = AuditEvent.objects.changes().get(case_id=case.pk, action="escalation.resolved")
    assert event.changes["resolved_on"] == [None, TODAY.isoformat()]
    assert chronology(case)[-1].title == "Escalation resolved"


@pytest.mark.parametrize(
    ("resolution", "resolved_on", "field", "message"),
    [
        ("", TODAY, "resolution", "Enter how the escalation was resolved"),
        ("Met", None, "resolved_on", "Enter the date the escalation was resolved"),
        (
            "Met",
            TODAY + datetime.timedelta(days=1),
            "resolved_on",
            "Date the escalation was resolved cannot be in the future",
        ),
    ],
)
def test_escalation_resolution_rules(case, practitioner, resolution, resolved_on, field, message):
    escalation = rf.escalation(case, practitioner)
    with pytest.raises(ValidationError) as error:
        actions.resolve_referrer_escalation(
            escalation,
            by=practitioner,
            expected_version=1,
            resolution=resolution,
            resolved_on=resolved_on,
        )
    assert error.value.message_dict[field] == [message]


def test_an_escalation_cannot_be_resolved_before_it_was_raised(practitioner):
    case = factories.case(practitioner, state="enquiry")
    case.concerns.update(raised_on=TODAY - datetime.timedelta(days=20))
    escalation = rf.escalation(case, practitioner, raised_on=TODAY - datetime.timedelta(days=5))
    with pytest.raises(ValidationError) as error:
        actions.resolve_referrer_escalation(
            escalation,
            by=practitioner,
            expected_version=1,
            resolution="Met",
            resolved_on=TODAY - datetime.timedelta(days=6),
        )
    raised = escalation.raised_on
    assert error.value.message_dict["resolved_on"] == [
        f"Date the escalation was resolved cannot be before it was raised ({long_date(raised)})"
    ]


def test_an_escalation_resolved_by_someone_else_is_refused(case, practitioner, colleague):
    escalation = rf.escalation(case, practitioner)
    actions.resolve_referrer_escalation(
        escalation, by=colleague, expected_version=1, resolution="Theirs", resolved_on=TODAY
    )
    with pytest.raises(StaleVersion):
        actions.resolve_referrer_escalation(
            escalation, by=practitioner, expected_version=1, resolution="Mine", resolved_on=TODAY
        )


# --- death --------------------------------------------------------------------------------


def test_recording_a_death_sets_the_persons_date_of_death_audited(case, practitioner):
    died = TODAY - datetime.timedelta(days=2)
    rf.death(
        case, practitioner, date_of_death=died, sar_criteria_may_be_met="yes", sar_referred_on=TODAY
    )
    person = Person.objects.get(pk=case.person_id)
    assert person.date_of_death == died
    assert person.version == 2
    event = AuditEvent.objects.changes().get(person_id=person.pk, action="person.updated")
    assert event.changes == {"date_of_death": [None, died.isoformat()]}
    assert event.user == practitioner
    # The case has one event for the death
    assert (
        AuditEvent.objects.changes().filter(case_id=case.pk, action="death.recorded").count() == 1
    )


def test_correcting_the_date_of_death_updates_the_person(case, practitioner):
    record = rf.death(case, practitioner)
    corrected = TODAY - datetime.timedelta(days=1)
    actions.record_death(
        case, by=practitioner, expected_version=record.version, date_of_death=corrected
    )
    assert Person.objects.get(pk=case.person_id).date_of_death == corrected


def test_the_review_referral_date_is_dropped_when_the_criteria_are_not_met(case, practitioner):
    record = rf.death(case, practitioner, sar_criteria_may_be_met="no", sar_referred_on=TODAY)
    assert record.sar_referred_on is None


# --- the pure rules ---------------------------------------------------------------------------


def test_dates_in_messages_read_like_a_person_wrote_them():
    assert long_date(datetime.date(2026, 3, 3)) == "3 March 2026"
    errors = capacity_errors(
        rf.capacity_values(assessed_on=datetime.date(2026, 3, 2)),
        Dates(today=datetime.date(2026, 4, 1), opened_on=datetime.date(2026, 3, 3)),
    )
    assert errors == {
        "assessed_on": "Date of the assessment cannot be before the concern was raised (3 March 2026)"
    }


def test_rules_refuse_a_datetime_for_a_date():
    errors = capacity_errors(
        rf.capacity_values(assessed_on=timezone.now()), Dates(today=TODAY, opened_on=None)
    )
    assert errors == {"assessed_on": "Enter the date of the assessment as a real date"}

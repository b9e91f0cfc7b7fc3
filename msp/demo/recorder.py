"""Makes a demo case's record (records.py) through the action functions in
``msp.enquiries.actions``, so each part is checked, saved and audited exactly
as if a worker had entered it. Dates are the day of the step, read from the
demo clock."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from msp.accounts.models import User
from msp.cases.errors import ActionError
from msp.cases.models import Case
from msp.demo import records as r
from msp.demo.data import DECIDERS, PlannedCase
from msp.demo.specs import DemoScenarioError
from msp.enquiries import actions
from msp.enquiries.actions.record import INVOLVEMENT_FIELDS
from msp.enquiries.models import (
    CapacityAssessment,
    DeathRecord,
    DesiredOutcome,
    Involvement,
    Override,
    PlanAction,
    ReferrerEscalation,
    RiskAssessment,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from msp.enquiries.models.base import CaseRecord


def _existing[M: CaseRecord](model: type[M], case: Case) -> M | None:
    return model._default_manager.filter(case=case).first()


def _version(record: CaseRecord | None) -> int | None:
    return None if record is None else record.version


def _days(today: datetime.date, n: int | None) -> datetime.date | None:
    return None if n is None else today + datetime.timedelta(days=n)


class Recorder:
    """Remembers, for each case, what it has made, so later records can refer
    back to it (a co-signature to its override, a new status to its action)."""

    def __init__(self, users: dict[str, User], outcome_ids: dict[tuple[str, bool, int], int]):
        self.users = users
        self.outcome_ids = outcome_ids  # (case key, second episode, index) -> pk
        self.made: dict[tuple[str, type[r.Record]], list[int]] = {}

    def add(self, planned: PlannedCase, case: Case, record: r.Record, by: User) -> None:
        key = planned.spec.key
        try:
            made = self._make(planned, case, record, by, timezone.localdate())
        except (ValidationError, ActionError, PermissionDenied) as error:
            raise DemoScenarioError(
                f"Demo scenario {key!r}: its {type(record).__name__} record was refused: {error}"
            ) from error
        self.made.setdefault((key, type(record)), []).append(made.pk)

    def _earlier[M: models.Model](
        self, model: type[M], key: str, kind: type[r.Record], index: int
    ) -> M:
        return model._default_manager.get(pk=self.made[(key, kind)][index])

    def _make(
        self, planned: PlannedCase, case: Case, record: r.Record, by: User, today: datetime.date
    ) -> models.Model:
        key = planned.spec.key
        name = by.display_name
        match record:
            case r.Contact():
                return actions.add_contact(
                    case,
                    by=by,
                    contacted_on=today,
                    method=record.method,
                    outcome=record.outcome,
                    who_was_present=record.who_was_present,
                    seen_alone=record.seen_alone,
                    coercion_indicators=list(record.coercion_indicators),
                    coercion_conclusion=record.coercion_conclusion,
                    notes=record.notes,
                )
            case r.Capacity():
                parts: dict[str, Any] = {}
                for part in CapacityAssessment.FUNCTIONAL:
                    answer: r.Part = getattr(record, part)
                    parts[part] = answer.ability
                    parts[f"{part}_evidence"] = answer.evidence
                return actions.add_capacity_assessment(
                    case,
                    by=by,
                    decision=record.decision,
                    assessed_on=today,
                    assessor_name=record.assessor_name or name,
                    support_given=record.support_given,
                    impairment=record.impairment,
                    impairment_evidence=record.impairment_evidence,
                    executive_function=record.executive_function,
                    reassess_on=_days(today, record.reassess_in),
                    **parts,
                )
            case r.BestInterests():
                assessment = (
                    CapacityAssessment.objects.filter(case=case)
                    .order_by("-assessed_on", "-id")
                    .first()
                )
                return actions.add_best_interests_decision(
                    case,
                    by=by,
                    capacity_assessment=assessment,
                    decision=record.decision,
                    past_wishes=record.past_wishes,
                    present_wishes=record.present_wishes,
                    beliefs_and_values=record.beliefs_and_values,
                    consulted=[
                        {"name": c.name, "role": c.role, "views": c.views} for c in record.consulted
                    ],
                    less_restrictive_options=record.less_restrictive_options,
                    outcome=record.outcome,
                    reasons=record.reasons,
                    decision_maker=record.decision_maker or name,
                    decided_on=today,
                )
            case r.Advocacy():
                arranged = record.result == "advocate_arranged"
                difficulties: dict[str, Any] = {
                    f"difficulty_{d}": d in record.difficulties for d in r.DIFFICULTIES
                }
                return actions.add_advocacy_assessment(
                    case,
                    by=by,
                    assessed_on=today,
                    **difficulties,
                    appropriate_individual=record.appropriate_individual,
                    appropriate_individual_name=record.appropriate_individual_name,
                    individual_implicated=record.individual_implicated,
                    result=record.result,
                    advocate_name=record.advocate_name,
                    advocate_arranged_on=today if arranged else None,
                    reason=record.reason,
                    imca_instructed=bool(record.imca_details),
                    imca_details=record.imca_details,
                )
            case r.Risk():
                return actions.save_risk_assessment(
                    case,
                    by=by,
                    expected_version=_version(_existing(RiskAssessment, case)),
                    risk_to_person=record.risk_to_person,
                    other_adults_at_risk=record.other_adults_at_risk,
                    children_at_risk=record.children_at_risk,
                    public_at_risk=record.public_at_risk,
                    risk_to_others=record.risk_to_others,
                    source_trust_role=record.source_trust_role,
                    source_has_contact_with_others_at_risk=(
                        record.source_has_contact_with_others_at_risk
                    ),
                    crime_may_have_been_committed=record.crime_may_have_been_committed,
                    police_decision=record.police_decision,
                    police_decision_reason=record.police_decision_reason,
                )
            case r.RiskAction():
                return actions.add_risk_to_others_action(
                    case,
                    by=by,
                    kind=record.kind,
                    details=record.details,
                    done_on=today,
                    done_by=record.done_by or name,
                )
            case r.Override():
                return actions.record_override(
                    case,
                    by=by,
                    kind=record.kind,
                    ground=record.ground,
                    legal_basis=record.legal_basis,
                    rationale=record.rationale,
                    decided_by=record.decided_by,
                    advised_by=record.advised_by,
                    decided_on=today,
                    shared_what=record.shared_what,
                    shared_with=record.shared_with,
                    shared_on=today if record.shared_what else None,
                    person_told=record.person_told,
                    person_told_on=today if record.person_told else None,
                    not_told_reason=record.not_told_reason,
                    cosigner=self.users[DECIDERS[planned.team]],
                )
            case r.Cosign():
                override = self._earlier(Override, key, r.Override, record.override)
                return actions.cosign_override(override, by=by)
            case r.Plan():
                return actions.save_plan(
                    case,
                    by=by,
                    expected_version=_version(_existing(SafeguardingPlan, case)),
                    person_involvement=record.person_involvement,
                    pace=record.pace,
                    next_review_on=_days(today, record.review_in),
                )
            case r.PlanAction():
                outcome = None
                if record.outcome is not None:
                    pk = self.outcome_ids[(key, record.second, record.outcome)]
                    outcome = DesiredOutcome.objects.get(pk=pk)
                return actions.add_plan_action(
                    case,
                    by=by,
                    description=record.description,
                    owner_kind=record.owner_kind,
                    owner_name=record.owner_name or name,
                    due_on=_days(today, record.due_in),
                    status=record.status,
                    outcome=outcome,
                )
            case r.PlanActionUpdate():
                action = self._earlier(PlanAction, key, r.PlanAction, record.action)
                return actions.update_plan_action(
                    action, by=by, expected_version=action.version, status=record.status
                )
            case r.SelfNeglect():
                return actions.save_self_neglect(
                    case,
                    by=by,
                    expected_version=_version(_existing(SelfNeglectRecord, case)),
                    background_and_history=record.background_and_history,
                    trusted_person=record.trusted_person,
                )
            case r.Clutter():
                return actions.add_clutter_rating(
                    case, by=by, room=record.room, rating=record.rating, rated_on=today
                )
            case r.Feedback():
                return actions.add_referrer_feedback(
                    case,
                    by=by,
                    concern=case.concerns.order_by("-raised_on", "-id").first(),
                    given_on=today,
                    what_was_said=record.what_was_said,
                    limited_by_consent=record.limited_by_consent,
                )
            case r.Escalation():
                return actions.add_referrer_escalation(
                    case, by=by, raised_on=today, details=record.details
                )
            case r.EscalationResolved():
                escalation = self._earlier(ReferrerEscalation, key, r.Escalation, record.escalation)
                return actions.resolve_referrer_escalation(
                    escalation,
                    by=by,
                    expected_version=escalation.version,
                    resolution=record.resolution,
                    resolved_on=today,
                )
            case r.Death():
                referred = record.sar_criteria_may_be_met == r.YES
                return actions.record_death(
                    case,
                    by=by,
                    expected_version=_version(_existing(DeathRecord, case)),
                    date_of_death=today - datetime.timedelta(days=record.days_before),
                    others_remain_at_risk=record.others_remain_at_risk,
                    sar_criteria_may_be_met=record.sar_criteria_may_be_met,
                    sar_considerations=record.sar_considerations,
                    sar_referred_on=today if referred else None,
                )
            case r.Involvement():
                existing = _existing(Involvement, case)
                values = {
                    field: getattr(record, field)
                    for field in INVOLVEMENT_FIELDS
                    if existing is None or getattr(record, field)
                }
                if record.referrer_role and not record.referrer_part:
                    # The scenarios describe the referrer's part in words; where
                    # they do not choose, they describe information given.
                    values["referrer_part"] = ["gave_information"]
                return actions.save_involvement(
                    case, by=by, expected_version=_version(existing), **values
                )
            case r.Note():
                return actions.add_note(case, by=by, text=record.text)
        raise DemoScenarioError(f"Demo scenario {key!r}: no way to record {record!r}")

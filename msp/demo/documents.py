"""A demo case's plan (data.py) written as an import document
(docs/import-format.md), which the import builder replays like any other.

Each planned step becomes a dated item; each of the scenario's records
(records.py) becomes a ``record`` item, its dates the day of its step (and
``due_in``, ``review_in`` ... days after it), names of whoever does
something defaulting to the demo account recording it. Items that refer to
an earlier one (a co-signature, a plan action's progress) name it by id.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from msp.accounts.models import User
from msp.demo import records as r
from msp.demo.data import DECIDERS, PlannedCase, Step, local_zone
from msp.demo.specs import ClosureSpec, Decision, Outcome
from msp.enquiries.codes import WhoseWords
from msp.enquiries.models import CapacityAssessment

FORMAT = "msp-case/1"


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _days(today: datetime.date, n: int | None) -> str | None:
    return None if n is None else _iso(today + datetime.timedelta(days=n))


def _words(outcome: Outcome, text: str) -> dict[str, Any]:
    if outcome.representative:
        return {
            "text": text,
            "whose_words": WhoseWords.REPRESENTATIVE.value,
            "representative_name": outcome.representative,
            "representative_relationship": outcome.relationship,
        }
    return {"text": text, "whose_words": WhoseWords.PERSON.value}


def _decision(decision: Decision) -> dict[str, Any]:
    return {
        "has_care_and_support_needs": decision.needs_answer,
        "care_and_support_needs_evidence": decision.needs,
        "experiencing_or_at_risk": decision.at_risk_answer,
        "experiencing_or_at_risk_evidence": decision.at_risk,
        "unable_to_protect_self": decision.protect_answer,
        "unable_to_protect_self_evidence": decision.protect,
        "result": str(decision.result),
        "proportionate_response": str(decision.response),
        "response_details": decision.response_details,
    }


def _closure(closure: ClosureSpec) -> dict[str, Any]:
    asked = closure.msp_asked in ("asked_expressed", "asked_not_expressed")
    values: dict[str, Any] = {
        "reason": str(closure.reason),
        "reason_details": closure.details,
        "action_result": str(closure.action_result),
        "risk_outcome": str(closure.risk_outcome),
        "msp_asked": str(closure.msp_asked),
        "experience_asked": closure.experience_asked
        or ("survey_to_follow" if asked else "not_asked"),
        "lacked_capacity": str(closure.lacked_capacity),
        "capacity_support": closure.capacity_support,
        "open_door": closure.open_door,
    }
    if closure.overrides:
        values["duty_overrides"] = dict(closure.overrides)
    return values


@dataclass
class CaseDocument:
    """The document, and what the loader needs to explain a refusal: the
    kind of demo record behind each ``record`` item, by its path."""

    doc: dict[str, Any]
    record_kinds: dict[str, str] = field(default_factory=dict)


class _Writer:
    def __init__(self, planned: PlannedCase, users: dict[str, User]) -> None:
        self.planned = planned
        self.users = users
        self.doc: dict[str, Any] = {"format": FORMAT, "record": []}
        self.record_kinds: dict[str, str] = {}
        self.count: dict[type[r.Record], int] = {}
        self.capacity_id: str | None = None
        self.involvement_saved = False

    def episode(self, step: Step) -> dict[str, Any]:
        if not step.second:
            return self.doc
        return self.doc.setdefault("reopenings", [{}])[0]  # type: ignore[no-any-return]

    def step(self, step: Step) -> None:
        spec = self.planned.spec
        item: dict[str, Any] = {"at": step.at.isoformat(), "by": step.by}
        part = self.episode(step)
        second = step.second and spec.reopening is not None
        decision = spec.reopening.decision if second and spec.reopening else spec.decision
        outcomes = spec.reopening.outcomes if second and spec.reopening else spec.outcomes
        closure = spec.reopening.closure if second and spec.reopening else spec.closure
        match step.kind:
            case "raise":
                self.doc["concerns"] = [{**item, **self.concern(step)}]
            case "triage":
                part["triage"] = item
            case "decide" if decision is not None:
                part.setdefault("decisions", []).append({**item, **_decision(decision)})
            case "enquire":
                if not step.second:  # the team manager allocates it first
                    deciders = DECIDERS[self.planned.team]
                    part["allocation"] = {
                        "at": item["at"],
                        "by": deciders,
                        "worker": self.planned.worker,
                    }
                part["enquiry"] = item
            case "outcome":
                outcome = outcomes[step.index]
                part.setdefault("outcomes", []).append(
                    {**item, "id": self.outcome_id(step), **_words(outcome, outcome.text)}
                )
            case "revise":
                outcome = outcomes[step.index]
                revision = outcome.revisions[step.sub]
                words = _words(outcome, revision.text)
                part["outcomes"][step.index].setdefault("revisions", []).append(
                    {**item, "reason": revision.reason, **words}
                )
            case "closing":
                part["closing"] = item
            case "rate":
                outcome = outcomes[step.index]
                part["outcomes"][step.index]["rating"] = {
                    **item,
                    "achievement": str(outcome.achievement),
                    "person_view": outcome.person_view,
                }
            case "close" if closure is not None:
                part["closure"] = {**item, **_closure(closure)}
            case "reopen" if spec.reopening is not None:
                reopening = self.doc.setdefault("reopenings", [{}])[0]
                concern = self.concern(step)
                concern["what_happened"] = spec.reopening.reason
                reopening.update({**item, "reason": spec.reopening.reason, "concern": concern})
            case "record":
                record = spec.records[step.index]
                path = f"record[{len(self.doc['record'])}]"
                self.record_kinds[path] = type(record).__name__
                self.doc["record"].append({**item, **self.record(record, step)})
            case _:
                raise ValueError(f"Demo scenario {spec.key!r}: cannot do {step.kind!r}")

    def concern(self, step: Step) -> dict[str, Any]:
        spec, ref = self.planned.spec, self.planned.spec.referrer
        return {
            "raised_on": step.at.astimezone(local_zone()).date().isoformat(),
            "raised_via": str(ref.via),
            "referrer_anonymous": ref.anonymous,
            "referrer_confidential": ref.confidential,
            "referrer_name": ref.name,
            "referrer_job_title": ref.role,
            "referrer_organisation": ref.organisation,
            "referrer_contact": ref.contact,
            "referrer_relationship": ref.relationship,
            "what_happened": spec.what_happened,
            "abuse_types": [str(a) for a in spec.abuse_types],
            "location_of_risk": str(spec.location),
            "sources_of_risk": [str(s) for s in spec.sources],
            "immediate_safety_actions": spec.immediate_actions,
            "person_aware": str(spec.person_aware),
            "person_wishes": spec.person_wishes,
        }

    @staticmethod
    def outcome_id(step: Step, index: int | None = None, second: bool | None = None) -> str:
        episode = 2 if (step.second if second is None else second) else 1
        return f"outcome-{episode}-{step.index if index is None else index}"

    def _id(self, record: r.Record) -> str:
        kind = type(record)
        n = self.count.get(kind, 0)
        self.count[kind] = n + 1
        return f"{kind.__name__}-{n}"

    def record(self, record: r.Record, step: Step) -> dict[str, Any]:
        today = step.at.astimezone(local_zone()).date()
        name = self.users[step.by].display_name
        match record:
            case r.Contact():
                return {
                    "type": "contact",
                    "contacted_on": _iso(today),
                    "method": record.method,
                    "outcome": record.outcome,
                    "who_was_present": record.who_was_present,
                    "seen_alone": record.seen_alone,
                    "coercion_indicators": list(record.coercion_indicators),
                    "coercion_conclusion": record.coercion_conclusion,
                    "notes": record.notes,
                }
            case r.Capacity():
                self.capacity_id = self._id(record)
                parts: dict[str, Any] = {}
                for part in CapacityAssessment.FUNCTIONAL:
                    answer: r.Part = getattr(record, part)
                    parts[part] = answer.ability
                    parts[f"{part}_evidence"] = answer.evidence
                return {
                    "type": "capacity",
                    "id": self.capacity_id,
                    "decision": record.decision,
                    "assessed_on": _iso(today),
                    "assessor_name": record.assessor_name or name,
                    "support_given": record.support_given,
                    "impairment": record.impairment,
                    "impairment_evidence": record.impairment_evidence,
                    "executive_function": record.executive_function,
                    "reassess_on": _days(today, record.reassess_in),
                    **parts,
                }
            case r.BestInterests():
                return {
                    "type": "best_interests",
                    "capacity_assessment": self.capacity_id,
                    "decision": record.decision,
                    "past_wishes": record.past_wishes,
                    "present_wishes": record.present_wishes,
                    "beliefs_and_values": record.beliefs_and_values,
                    "consulted": [
                        {"name": c.name, "role": c.role, "views": c.views} for c in record.consulted
                    ],
                    "less_restrictive_options": record.less_restrictive_options,
                    "outcome": record.outcome,
                    "reasons": record.reasons,
                    "decision_maker": record.decision_maker or name,
                    "decided_on": _iso(today),
                }
            case r.Advocacy():
                arranged = record.result == "advocate_arranged"
                return {
                    "type": "advocacy",
                    "assessed_on": _iso(today),
                    **{f"difficulty_{d}": d in record.difficulties for d in r.DIFFICULTIES},
                    "appropriate_individual": record.appropriate_individual,
                    "appropriate_individual_name": record.appropriate_individual_name,
                    "individual_implicated": record.individual_implicated,
                    "result": record.result,
                    "advocate_name": record.advocate_name,
                    "advocate_arranged_on": _iso(today) if arranged else None,
                    "reason": record.reason,
                    "imca_instructed": bool(record.imca_details),
                    "imca_details": record.imca_details,
                }
            case r.Risk():
                return {
                    "type": "risk",
                    "risk_to_person": record.risk_to_person,
                    "other_adults_at_risk": record.other_adults_at_risk,
                    "children_at_risk": record.children_at_risk,
                    "public_at_risk": record.public_at_risk,
                    "risk_to_others": record.risk_to_others,
                    "source_trust_role": record.source_trust_role,
                    "source_has_contact_with_others_at_risk": (
                        record.source_has_contact_with_others_at_risk
                    ),
                    "crime_may_have_been_committed": record.crime_may_have_been_committed,
                    "police_decision": record.police_decision,
                    "police_decision_reason": record.police_decision_reason,
                }
            case r.RiskAction():
                return {
                    "type": "risk_to_others_action",
                    "kind": record.kind,
                    "details": record.details,
                    "done_on": _iso(today),
                    "done_by": record.done_by or name,
                }
            case r.Override():
                return {
                    "type": "override",
                    "id": self._id(record),
                    "kind": record.kind,
                    "ground": record.ground,
                    "legal_basis": record.legal_basis,
                    "rationale": record.rationale,
                    "decided_by": record.decided_by,
                    "advised_by": record.advised_by,
                    "decided_on": _iso(today),
                    "shared_what": record.shared_what,
                    "shared_with": record.shared_with,
                    "shared_on": _iso(today) if record.shared_what else None,
                    "person_told": record.person_told,
                    "person_told_on": _iso(today) if record.person_told else None,
                    "not_told_reason": record.not_told_reason,
                    "cosigner": DECIDERS[self.planned.team],
                }
            case r.Cosign():
                return {"type": "cosign", "override": f"Override-{record.override}"}
            case r.Plan():
                return {
                    "type": "plan",
                    "person_involvement": record.person_involvement,
                    "pace": record.pace,
                    "next_review_on": _days(today, record.review_in),
                }
            case r.PlanAction():
                outcome = None
                if record.outcome is not None:
                    outcome = self.outcome_id(step, record.outcome, record.second)
                return {
                    "type": "plan_action",
                    "id": self._id(record),
                    "description": record.description,
                    "owner_kind": record.owner_kind,
                    "owner_name": record.owner_name or name,
                    "due_on": _days(today, record.due_in),
                    "status": record.status,
                    "outcome": outcome,
                }
            case r.PlanActionUpdate():
                return {
                    "type": "plan_action_update",
                    "action": f"PlanAction-{record.action}",
                    "status": record.status,
                }
            case r.SelfNeglect():
                return {
                    "type": "self_neglect",
                    "background_and_history": record.background_and_history,
                    "trusted_person": record.trusted_person,
                }
            case r.Clutter():
                return {
                    "type": "clutter",
                    "room": record.room,
                    "rating": record.rating,
                    "rated_on": _iso(today),
                }
            case r.Feedback():
                return {
                    "type": "feedback",
                    "concern": "latest",
                    "given_on": _iso(today),
                    "what_was_said": record.what_was_said,
                    "limited_by_consent": record.limited_by_consent,
                }
            case r.Escalation():
                return {
                    "type": "escalation",
                    "id": self._id(record),
                    "raised_on": _iso(today),
                    "details": record.details,
                }
            case r.EscalationResolved():
                return {
                    "type": "escalation_resolved",
                    "escalation": f"Escalation-{record.escalation}",
                    "resolution": record.resolution,
                    "resolved_on": _iso(today),
                }
            case r.Death():
                referred = record.sar_criteria_may_be_met == r.YES
                return {
                    "type": "death",
                    "date_of_death": _iso(today - datetime.timedelta(days=record.days_before)),
                    "others_remain_at_risk": record.others_remain_at_risk,
                    "sar_criteria_may_be_met": record.sar_criteria_may_be_met,
                    "sar_considerations": record.sar_considerations,
                    "sar_referred_on": _iso(today) if referred else None,
                }
            case r.Involvement():
                values: dict[str, Any] = {}
                for name_ in (
                    "person_told",
                    "not_told_reason",
                    "person_involvement",
                    "outcomes_not_asked_reason",
                    "options_explained",
                    "reasons_for_declining",
                    "referrer_part",
                    "referrer_part_details",
                    "pattern_review",
                ):
                    value = getattr(record, name_)
                    if not self.involvement_saved or value:
                        values[name_] = list(value) if isinstance(value, tuple) else value
                if record.referrer_part_details and not record.referrer_part:
                    # The scenarios describe the referrer's part in words; where
                    # they do not choose, they describe information given.
                    values["referrer_part"] = ["gave_information"]
                self.involvement_saved = True
                return {"type": "involvement", **values}
            case r.Note():
                return {"type": "note", "text": record.text}
        raise ValueError(f"Demo scenario {self.planned.spec.key!r}: no way to record {record!r}")


def case_document(planned: PlannedCase, users: dict[str, User]) -> CaseDocument:
    """``planned`` as an import document (its person is given separately)."""
    writer = _Writer(planned, users)
    for step in planned.steps:
        writer.step(step)
    doc = writer.doc
    doc["team"] = _team_name(planned, users)
    return CaseDocument(doc, writer.record_kinds)


def _team_name(planned: PlannedCase, users: dict[str, User]) -> str:
    team = users[planned.worker].team
    assert team is not None
    return team.name

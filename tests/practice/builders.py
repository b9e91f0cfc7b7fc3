"""Snapshot builders for unit tests of the checks: no database needed.

Each builder returns a complete, good record part; pass keyword arguments to
change what a test is about. ``snap()`` is a case under enquiry that passes
every check; ``declining()`` is the same case closing because the person said no.
"""

import datetime
from dataclasses import replace
from typing import Any

from msp.practice.snapshot import (
    AdvocacyFacts,
    BestInterestsFacts,
    CapacityFacts,
    CaseFacts,
    CaseSnapshot,
    ClosureFacts,
    ClutterFacts,
    ConcernFacts,
    Consultee,
    ContactFacts,
    DeathFacts,
    DecisionFacts,
    FeedbackFacts,
    InvolvementFacts,
    NoteFacts,
    OutcomeFacts,
    OverrideFacts,
    PersonFacts,
    PlanActionFacts,
    PlanFacts,
    ProposedClosure,
    RestrictionFacts,
    RiskActionFacts,
    RiskFacts,
    SelfNeglectFacts,
)

DAY = datetime.date(2025, 6, 2)


def days_ago(n: int) -> datetime.date:
    return DAY - datetime.timedelta(days=n)


def case(**kw: Any) -> CaseFacts:
    values: dict[str, Any] = {
        "id": 1,
        "state": "enquiry",
        "enquiry_type": "s42",
        "opened_on": days_ago(30),
        "enquiry_started_on": days_ago(25),
        "team_id": 1,
    }
    return CaseFacts(**{**values, **kw})


def concern(**kw: Any) -> ConcernFacts:
    values: dict[str, Any] = {
        "id": 10,
        "raised_on": days_ago(30),
        "raised_via": "partner",
        "abuse_types": ("financial",),
        "sources_of_risk": ("known",),
        "referrer_anonymous": False,
        "referrer_confidential": False,
        "referrer_name": "Ada District Nurse",
        "referrer_job_title": "District nurse",
        "referrer_organisation": "Northmoor Community Health",
        "person_aware": "yes",
    }
    return ConcernFacts(**{**values, **kw})


def decision(**kw: Any) -> DecisionFacts:
    values: dict[str, Any] = {
        "result": "s42",
        "proportionate_response": "",
        "response_details": "",
        "care_and_support_needs_evidence": "Home care twice a day.",
        "experiencing_or_at_risk_evidence": "Money missing from her account.",
        "unable_to_protect_self_evidence": "Relies on her son for banking.",
        "decided_on": days_ago(26),
    }
    return DecisionFacts(**{**values, **kw})


def outcome(**kw: Any) -> OutcomeFacts:
    values: dict[str, Any] = {
        "id": 20,
        "text": "I want my money to be mine again",
        "whose_words": "person",
        "representative_name": "",
        "revision_count": 2,
        "achievement": "",
        "person_view": "",
    }
    return OutcomeFacts(**{**values, **kw})


def closure(**kw: Any) -> ClosureFacts:
    values: dict[str, Any] = {
        "reason": "enquiry_concluded",
        "action_result": "risk_action",
        "risk_outcome": "reduced",
        "msp_asked": "asked_expressed",
        "lacked_capacity": "no",
        "open_door": "She has our duty number and knows she can call at any time.",
        "experience_asked": "at_closure",
        "experience_answered": True,
        "closed_on": DAY,
    }
    return ClosureFacts(**{**values, **kw})


def proposed(**kw: Any) -> ProposedClosure:
    values: dict[str, Any] = {
        "reason": "enquiry_concluded",
        "action_result": "risk_action",
        "risk_outcome": "reduced",
        "msp_asked": "asked_expressed",
        "lacked_capacity": "no",
        "open_door": "She has our duty number and knows she can call at any time.",
        "experience_asked": "at_closure",
    }
    return ProposedClosure.from_values({**values, **kw})


def capacity(**kw: Any) -> CapacityFacts:
    values: dict[str, Any] = {
        "id": 30,
        "decision": "Whether to let her son keep her bank card",
        "assessed_on": days_ago(10),
        "understand": "able",
        "understand_evidence": "Explained back what the card lets him do.",
        "retain": "able",
        "retain_evidence": "Remembered our talk a week later.",
        "use_or_weigh": "able",
        "use_or_weigh_evidence": "Weighed losing his help against losing money.",
        "communicate": "able",
        "communicate_evidence": "Told us clearly.",
        "impairment": "no",
        "impairment_evidence": "",
        "executive_function": "Has stopped him twice when he asked for the card.",
    }
    return CapacityFacts(**{**values, **kw})


def lacking(**kw: Any) -> CapacityFacts:
    """An assessment that finds the person lacks capacity, done well."""
    values: dict[str, Any] = {
        "understand": "unable",
        "understand_evidence": "Could not say what a bank card is for, with pictures.",
        "retain": "unable",
        "retain_evidence": "Forgot within minutes, with reminders.",
        "use_or_weigh": "unable",
        "use_or_weigh_evidence": "Could not weigh any option.",
        "impairment": "yes",
        "impairment_evidence": "Diagnosed vascular dementia, memory clinic letter 2024.",
    }
    return capacity(**{**values, **kw})


def best_interests(**kw: Any) -> BestInterestsFacts:
    values: dict[str, Any] = {
        "id": 40,
        "capacity_assessment_id": 30,
        "past_wishes": "Always kept her own accounts.",
        "present_wishes": "Wants to stay at home.",
        "consulted": (Consultee(name="Ruth Example", role="family"),),
        "decided_on": days_ago(8),
    }
    return BestInterestsFacts(**{**values, **kw})


def restriction(**kw: Any) -> RestrictionFacts:
    """Her son's visits stopped in her best interests, after an assessment that
    found she cannot decide about contact with him."""
    values: dict[str, Any] = {
        "id": 45,
        "kind": "contact",
        "what": "Her son may not visit the care home for now.",
        "decided_by": "Jo Manager, care home manager",
        "decided_on": days_ago(6),
        "basis": "best_interests",
        "basis_details": "",
        "capacity_assessment_id": 30,
        "best_interests_decision_id": 40,
        "review_on": days_ago(-30),
    }
    return RestrictionFacts(**{**values, **kw})


def advocacy(**kw: Any) -> AdvocacyFacts:
    values: dict[str, Any] = {
        "id": 50,
        "assessed_on": days_ago(24),
        "difficulty_understanding": False,
        "difficulty_retaining": False,
        "difficulty_using_or_weighing": False,
        "difficulty_communicating": False,
        "appropriate_individual": "no",
        "individual_implicated": False,
        "result": "not_required",
        "advocate_name": "",
        "reason": "Takes part fully without help.",
    }
    return AdvocacyFacts(**{**values, **kw})


def contact(**kw: Any) -> ContactFacts:
    values: dict[str, Any] = {
        "id": 60,
        "contacted_on": days_ago(20),
        "method": "visit",
        "outcome": "spoke",
        "who_was_present": "",
        "seen_alone": "yes",
        "coercion_indicators": (),
        "coercion_conclusion": "Spoke freely and the same when her son arrived.",
        "notes": "Talked about what she wants to happen.",
    }
    return ContactFacts(**{**values, **kw})


def risk(**kw: Any) -> RiskFacts:
    values: dict[str, Any] = {
        "other_adults_at_risk": "no",
        "children_at_risk": "no",
        "public_at_risk": "no",
        "source_trust_role": "none",
        "source_has_contact_with_others_at_risk": "no",
        "crime_may_have_been_committed": "no",
        "police_decision": "",
        "police_decision_reason": "",
    }
    return RiskFacts(**{**values, **kw})


def risk_action(kind: str = "pipot") -> RiskActionFacts:
    return RiskActionFacts(kind=kind, done_on=days_ago(5))


def override(**kw: Any) -> OverrideFacts:
    values: dict[str, Any] = {
        "id": 70,
        "kind": "shared_without_consent",
        "legal_basis": "Care Act s45 and UK GDPR 6(1)(e)",
        "rationale": "Other residents of the home are at risk from the same worker.",
        "decided_by": "Mo Hughes, team manager",
        "decided_on": days_ago(12),
        "person_told": True,
        "person_told_on": days_ago(11),
        "not_told_reason": "",
        "cosigned": True,
    }
    return OverrideFacts(**{**values, **kw})


def plan(**kw: Any) -> PlanFacts:
    values = {"person_involvement": "Wrote the plan with us.", "pace": "One step a week."}
    return PlanFacts(**{**values, **kw})


def plan_action(**kw: Any) -> PlanActionFacts:
    values: dict[str, Any] = {"id": 80, "owner_kind": "person", "status": "in_progress"}
    return PlanActionFacts(**{**values, **kw})


def self_neglect(**kw: Any) -> SelfNeglectFacts:
    values = {
        "background_and_history": "Lost her husband in 2019; stopped going out after.",
        "trusted_person": "Her neighbour Jo",
    }
    return SelfNeglectFacts(**{**values, **kw})


def clutter(rating: int = 7) -> ClutterFacts:
    return ClutterFacts(room="Living room", rating=rating, rated_on=days_ago(9))


def feedback(concern_id: int = 10) -> FeedbackFacts:
    return FeedbackFacts(
        concern_id=concern_id,
        given_on=days_ago(3),
        what_was_said="Told her we are making enquiries.",
    )


def death(**kw: Any) -> DeathFacts:
    values = {
        "date_of_death": days_ago(4),
        "others_remain_at_risk": "no",
        "sar_criteria_may_be_met": "no",
        "sar_considerations": "Natural causes; agencies worked together well.",
    }
    return DeathFacts(**{**values, **kw})


def involvement(**kw: Any) -> InvolvementFacts:
    values = {
        "person_told": "yes",
        "person_involvement": "Chose where we met and who came.",
        "options_explained": "Police report, bank protection, or nothing for now.",
        "reasons_for_declining": "Does not want her son in trouble.",
        "referrer_part": ("gave_information", "ongoing_support"),
        "referrer_part_details": "The district nurse checks the bank letters with her.",
    }
    return InvolvementFacts(**{**values, **kw})


def note(text: str) -> NoteFacts:
    return NoteFacts(recorded_on=days_ago(2), text=text)


def snap(**kw: Any) -> CaseSnapshot:
    """A case under enquiry whose record passes every check."""
    base = CaseSnapshot(
        case=case(),
        person=PersonFacts(age=81, date_of_death=None),
        concerns=(concern(),),
        decision=decision(),
        outcomes=(outcome(),),
        advocacy=(advocacy(),),
        contacts=(contact(),),
        risk=risk(),
        plan=plan(),
        plan_actions=(plan_action(),),
        involvement=involvement(),
        notes=(note("Visited. She wants the enquiry to go slowly."),),
    )
    return replace(base, **kw)


def closing(**kw: Any) -> CaseSnapshot:
    """snap() at the closing gate, with a good proposed closure and rated outcomes."""
    values: dict[str, Any] = {
        "case": case(state="closing"),
        "outcomes": (outcome(achievement="partially"),),
        "proposed_closure": proposed(),
        "feedback": (feedback(),),
    }
    return snap(**{**values, **kw})


def declining(**kw: Any) -> CaseSnapshot:
    """closing(), but the person asked for the enquiry to stop: a good record
    (several contacts, several methods)."""
    values: dict[str, Any] = {
        "proposed_closure": proposed(reason="person_declined", action_result="ceased"),
        "contacts": (
            contact(
                id=61,
                method="phone",
                contacted_on=days_ago(22),
                outcome="no_answer",
                seen_alone="not_applicable",
                coercion_conclusion="",
            ),
            contact(id=62, method="visit"),
            contact(
                id=63,
                method="letter",
                outcome="sent",
                seen_alone="not_applicable",
                coercion_conclusion="",
                contacted_on=days_ago(15),
            ),
        ),
    }
    return closing(**{**values, **kw})

"""Builders for the parts of the record kept during a case, through the action
functions (so they are shaped exactly like real data and audited).

Each ``*_values(**overrides)`` returns valid values for the action function,
dated today (the factory cases' concerns are raised today, so today is always
a valid date). Each builder takes a case and the user recording it:

    contact = record_factories.contact(case, practitioner, method="phone")
    override = record_factories.override(case, practitioner, cosigner=manager)
"""

import datetime
from typing import Any

from django.utils import timezone

from msp.accounts.models import Role, User
from msp.cases.models import Case
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
from tests import factories


def today() -> datetime.date:
    return timezone.localdate()


def capacity_values(**overrides: Any) -> dict[str, Any]:
    return {
        "decision": "Whether to let her son manage her bank account",
        "assessed_on": today(),
        "assessor_name": "Pat Okafor",
        "support_given": "Met at home, in the morning, with her glasses and hearing aid.",
        "understand": "able",
        "understand_evidence": "Explained in her own words what the account is for.",
        "retain": "able",
        "retain_evidence": "Remembered our conversation the next day.",
        "use_or_weigh": "able",
        "use_or_weigh_evidence": "Weighed up losing money against upsetting her son.",
        "communicate": "able",
        "communicate_evidence": "Told me clearly what she wants.",
        "impairment": "no",
        **overrides,
    }


def capacity(case: Case, by: User, **overrides: Any) -> CapacityAssessment:
    return actions.add_capacity_assessment(case, by=by, **capacity_values(**overrides))


def best_interests_values(**overrides: Any) -> dict[str, Any]:
    return {
        "decision": "Where she should live while the house is made safe",
        "past_wishes": "Always said she would never go into a care home.",
        "present_wishes": "Wants to go home as soon as possible.",
        "consulted": [
            {"name": "Ann Example", "role": "family", "views": "Thinks she should come home."}
        ],
        "less_restrictive_options": "Home care four times a day; staying with her daughter.",
        "outcome": "A short stay with her daughter, with home care when she returns.",
        "reasons": "Closest to her wishes while keeping her safe.",
        "decision_maker": "Pat Okafor",
        "decided_on": today(),
        **overrides,
    }


def best_interests(case: Case, by: User, **overrides: Any) -> BestInterestsDecision:
    return actions.add_best_interests_decision(case, by=by, **best_interests_values(**overrides))


def advocacy_values(**overrides: Any) -> dict[str, Any]:
    return {
        "assessed_on": today(),
        "difficulty_understanding": False,
        "difficulty_retaining": False,
        "difficulty_using_or_weighing": False,
        "difficulty_communicating": False,
        "appropriate_individual": "no",
        "result": "not_required",
        "reason": "She can take part fully without help.",
        **overrides,
    }


def advocacy(case: Case, by: User, **overrides: Any) -> AdvocacyAssessment:
    return actions.add_advocacy_assessment(case, by=by, **advocacy_values(**overrides))


def contact_values(**overrides: Any) -> dict[str, Any]:
    return {
        "contacted_on": today(),
        "method": "visit",
        "outcome": "spoke",
        "who_was_present": "No one else",
        "seen_alone": "yes",
        "coercion_indicators": [],
        **overrides,
    }


def contact(case: Case, by: User, **overrides: Any) -> Contact:
    return actions.add_contact(case, by=by, **contact_values(**overrides))


def risk_assessment_values(**overrides: Any) -> dict[str, Any]:
    return {
        "risk_to_person": "Her son may keep taking money from her.",
        "other_adults_at_risk": "no",
        "children_at_risk": "no",
        "public_at_risk": "no",
        "source_trust_role": "none",
        "source_has_contact_with_others_at_risk": "no",
        "crime_may_have_been_committed": "no",
        **overrides,
    }


def risk_assessment(case: Case, by: User, **overrides: Any) -> RiskAssessment:
    """Creates the case's risk assessment (there must not be one yet)."""
    return actions.save_risk_assessment(
        case, by=by, expected_version=None, **risk_assessment_values(**overrides)
    )


def risk_action_values(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "employer",
        "details": "Told the home care agency about the concern.",
        "done_on": today(),
        "done_by": "Pat Okafor",
        **overrides,
    }


def risk_action(case: Case, by: User, **overrides: Any) -> RiskToOthersAction:
    return actions.add_risk_to_others_action(case, by=by, **risk_action_values(**overrides))


def override_values(cosigner: User, **overrides: Any) -> dict[str, Any]:
    return {
        "kind": "person_wishes",
        "ground": "others_at_risk",
        "legal_basis": "Care Act 2014 section 42; the risk to other residents.",
        "rationale": "Other residents are at risk from the same carer.",
        "decided_by": "Mo Hughes, team manager",
        "decided_on": today(),
        "person_told": True,
        "person_told_on": today(),
        "cosigner": cosigner,
        **overrides,
    }


def override(case: Case, by: User, *, cosigner: User | None = None, **overrides: Any) -> Override:
    """``cosigner`` defaults to a new team manager."""
    cosigner = cosigner or factories.user(Role.TEAM_MANAGER)
    return actions.record_override(case, by=by, **override_values(cosigner, **overrides))


def plan_values(**overrides: Any) -> dict[str, Any]:
    return {
        "person_involvement": "Wrote the plan with her at her kitchen table.",
        "pace": "One step a week.",
        "next_review_on": today() + datetime.timedelta(days=28),
        **overrides,
    }


def plan(case: Case, by: User, **overrides: Any) -> SafeguardingPlan:
    """Creates the case's plan (there must not be one yet)."""
    return actions.save_plan(case, by=by, expected_version=None, **plan_values(**overrides))


def plan_action_values(**overrides: Any) -> dict[str, Any]:
    return {
        "description": "Set up a prepaid card for her shopping",
        "owner_kind": "worker",
        "owner_name": "Pat Okafor",
        "due_on": today() + datetime.timedelta(days=14),
        **overrides,
    }


def plan_action(case: Case, by: User, **overrides: Any) -> PlanAction:
    return actions.add_plan_action(case, by=by, **plan_action_values(**overrides))


def self_neglect_values(**overrides: Any) -> dict[str, Any]:
    return {
        "background_and_history": "Has kept newspapers since her husband died in 2015.",
        "trusted_person": "Her neighbour, June",
        **overrides,
    }


def self_neglect(case: Case, by: User, **overrides: Any) -> SelfNeglectRecord:
    """Creates the case's self-neglect record (there must not be one yet)."""
    return actions.save_self_neglect(
        case, by=by, expected_version=None, **self_neglect_values(**overrides)
    )


def clutter_rating_values(**overrides: Any) -> dict[str, Any]:
    return {"room": "Living room", "rating": 6, "rated_on": today(), **overrides}


def clutter_rating(case: Case, by: User, **overrides: Any) -> ClutterRating:
    return actions.add_clutter_rating(case, by=by, **clutter_rating_values(**overrides))


def feedback_values(case: Case, **overrides: Any) -> dict[str, Any]:
    return {
        "concern": case.concerns.order_by("raised_on", "id").first(),
        "given_on": today(),
        "what_was_said": "We are looking into it with her agreement.",
        "limited_by_consent": True,
        **overrides,
    }


def feedback(case: Case, by: User, **overrides: Any) -> ReferrerFeedback:
    return actions.add_referrer_feedback(case, by=by, **feedback_values(case, **overrides))


def escalation_values(**overrides: Any) -> dict[str, Any]:
    return {
        "raised_on": today(),
        "details": "The home care manager says nothing has happened for two weeks.",
        **overrides,
    }


def escalation(case: Case, by: User, **overrides: Any) -> ReferrerEscalation:
    return actions.add_referrer_escalation(case, by=by, **escalation_values(**overrides))


def death_values(**overrides: Any) -> dict[str, Any]:
    return {
        "date_of_death": today(),
        "others_remain_at_risk": "no",
        "sar_criteria_may_be_met": "no",
        "sar_considerations": "Died of natural causes; no concern about how agencies worked.",
        **overrides,
    }


def death(case: Case, by: User, **overrides: Any) -> DeathRecord:
    """Records the death (there must not be a death record yet)."""
    return actions.record_death(case, by=by, expected_version=None, **death_values(**overrides))


def involvement_values(**overrides: Any) -> dict[str, Any]:
    return {
        "person_told": "yes",
        "person_involvement": "Chose who came to the meeting and chaired part of it.",
        "referrer_part": ["gave_information"],
        **overrides,
    }


def involvement(case: Case, by: User, **overrides: Any) -> Involvement:
    """Creates the case's involvement record (there must not be one yet)."""
    return actions.save_involvement(
        case, by=by, expected_version=None, **involvement_values(**overrides)
    )


def note(case: Case, by: User, text: str = "Phoned her GP to arrange a review.") -> CaseNote:
    return actions.add_note(case, by=by, text=text)


# Longer names, after the models
capacity_assessment = capacity
best_interests_decision = best_interests
advocacy_assessment = advocacy
risk_to_others_action = risk_action
referrer_feedback = feedback
referrer_escalation = escalation
death_record = death

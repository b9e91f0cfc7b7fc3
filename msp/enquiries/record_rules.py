"""Checks on what a user entered for the parts of the record kept during an
enquiry (capacity, best interests, advocacy, contacts, risk, overrides, the
plan, self-neglect, the referrer, death, involvement and notes).

Pure functions: each takes the values (model field names, already in Python
types) and what it needs to know about the case, and returns {field: message}
for everything that needs fixing. No database access.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from msp.accounts.models import Role
from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.advocacy import AdvocacyAssessment, AdvocacyResult
from msp.enquiries.models.best_interests import ConsulteeRole
from msp.enquiries.models.capacity import Ability, CapacityAssessment
from msp.enquiries.models.contacts import (
    CoercionIndicator,
    ContactMethod,
    ContactOutcome,
    SeenAlone,
)
from msp.enquiries.models.involvement import PersonTold, ReferrerPart
from msp.enquiries.models.overrides import OverrideGround, OverrideKind
from msp.enquiries.models.plan import ActionStatus, OwnerKind
from msp.enquiries.models.restrictions import LEGAL_POWERS, RestrictionBasis, RestrictionKind
from msp.enquiries.models.risk import PoliceDecision, RiskToOthersKind, TrustRole
from msp.practice.reasons import empty_reason_message, is_empty_reason

Errors = dict[str, str]

COSIGNER_ROLES = frozenset({Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD})


@dataclass(frozen=True)
class Dates:
    """What date checks need to know: today, and the date the case began (the
    date its earliest concern was raised), if known."""

    today: datetime.date
    opened_on: datetime.date | None = None


def long_date(day: datetime.date) -> str:
    """3 March 2026"""
    return f"{day.day} {day:%B %Y}"


def _text(v: dict[str, Any], key: str) -> str:
    value = v.get(key)
    return "" if value is None else str(value).strip()


def _is_date(value: Any) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _require(errors: Errors, v: dict[str, Any], messages: dict[str, str]) -> None:
    for key, message in messages.items():
        if not _text(v, key):
            errors[key] = message


def _require_reason(errors: Errors, v: dict[str, Any], messages: dict[str, str]) -> None:
    """Like ``_require``, but words that give no reason ("NFA", "n/a" ...)
    are refused too, with a message that says so."""
    for key, message in messages.items():
        text = _text(v, key)
        if not text:
            errors[key] = message
        elif is_empty_reason(text):
            errors[key] = empty_reason_message(text)


def _choice(errors: Errors, v: dict[str, Any], key: str, values: list[str], message: str) -> None:
    if v.get(key) not in values:
        errors[key] = message


def _date(
    errors: Errors,
    v: dict[str, Any],
    key: str,
    what: str,
    dates: Dates,
    *,
    required: bool = True,
    after_opening: bool = True,
    enter: str = "",
    label: str = "",
) -> datetime.date | None:
    """The usual rules for the date of something that happened during the case:
    entered, not in the future, not before the concern was raised. ``what`` names
    it ("the assessment"); ``enter`` and ``label`` replace "Enter the date of
    the assessment" and "Date of the assessment" where that reads badly.
    Returns the date when it is valid."""
    enter = enter or f"Enter the date of {what}"
    label = label or f"Date of {what}"
    value = v.get(key)
    if value is None or value == "":
        if required:
            errors[key] = enter
        return None
    if not _is_date(value):
        errors[key] = f"{enter} as a real date"
        return None
    if value > dates.today:
        errors[key] = f"{label} cannot be in the future"
        return None
    if after_opening and dates.opened_on is not None and value < dates.opened_on:
        errors[key] = (
            f"{label} cannot be before the concern was raised ({long_date(dates.opened_on)})"
        )
        return None
    assert isinstance(value, datetime.date)
    return value


# --- Capacity -------------------------------------------------------------------

ABILITY_WORDS = {
    "understand": "understand the information relevant to the decision",
    "retain": "retain the information",
    "use_or_weigh": "use or weigh the information",
    "communicate": "communicate their decision",
}


def capacity_errors(v: dict[str, Any], dates: Dates) -> Errors:
    errors: Errors = {}
    _require(
        errors,
        v,
        {
            "decision": "Enter the decision the person needs to make",
            "assessor_name": "Enter the name of the person who assessed capacity",
            "support_given": "Enter what was done to help the person decide",
        },
    )
    assessed_on = _date(errors, v, "assessed_on", "the assessment", dates)
    for part in CapacityAssessment.FUNCTIONAL:
        words = ABILITY_WORDS[part]
        if v.get(part) not in Ability.values:
            errors[part] = f"Select whether the person is able to {words}"
        if not _text(v, f"{part}_evidence"):
            errors[f"{part}_evidence"] = (
                f"Enter the evidence for whether the person is able to {words}"
            )
    if v.get("impairment") not in YesNoUnknown.values:
        errors["impairment"] = (
            "Select whether the person has an impairment of, or a disturbance in the "
            "functioning of, the mind or brain"
        )
    unable = any(v.get(part) == Ability.UNABLE for part in CapacityAssessment.FUNCTIONAL)
    if unable and not _text(v, "impairment_evidence"):
        errors["impairment_evidence"] = (
            "Enter the evidence that the person cannot make the decision because of an "
            "impairment of, or a disturbance in the functioning of, the mind or brain"
        )
    reassess_on = v.get("reassess_on")
    if reassess_on not in (None, ""):
        if not _is_date(reassess_on):
            errors["reassess_on"] = "Enter the date to reassess as a real date"
        elif assessed_on is not None and reassess_on <= assessed_on:
            errors["reassess_on"] = "Date to reassess must be after the date of the assessment"
    return errors


# --- Best interests ---------------------------------------------------------------


def best_interests_errors(v: dict[str, Any], dates: Dates, *, case_id: int) -> Errors:
    errors: Errors = {}
    _require(
        errors,
        v,
        {
            "decision": "Enter the decision being made in the person's best interests",
            "past_wishes": "Enter the person's past wishes and feelings",
            "present_wishes": "Enter the person's present wishes and feelings",
            "less_restrictive_options": "Enter the less restrictive options considered",
            "outcome": "Enter what was decided",
            "reasons": "Enter why this is in the person's best interests",
            "decision_maker": "Enter the name of the decision maker",
        },
    )
    _date(errors, v, "decided_on", "the decision", dates)
    consulted = v.get("consulted")
    if not isinstance(consulted, list) or not consulted:
        errors["consulted"] = "Enter at least one person who was consulted"
    elif not all(
        isinstance(c, dict)
        and _text(c, "name")
        and c.get("role") in ConsulteeRole.values
        and _text(c, "views")
        for c in consulted
    ):
        errors["consulted"] = "Enter the name, role and views of each person consulted"
    assessment = v.get("capacity_assessment")
    if assessment is not None and getattr(assessment, "case_id", None) != case_id:
        errors["capacity_assessment"] = "Choose a capacity assessment from this case"
    return errors


# --- Restrictions and decisions made for the person -------------------------------


def restriction_errors(v: dict[str, Any], dates: Dates, *, case_id: int) -> Errors:
    errors: Errors = {}
    _choice(errors, v, "kind", RestrictionKind.values, "Select what kind of restriction it is")
    _require(
        errors,
        v,
        {
            "what": "Enter what was restricted or decided for the person",
            "decided_by": "Enter who decided",
        },
    )
    decided_on = _date(errors, v, "decided_on", "the decision", dates)
    basis = v.get("basis")
    if basis not in RestrictionBasis.values:
        errors["basis"] = "Select the basis for the restriction"
    elif basis in LEGAL_POWERS and not _text(v, "basis_details"):
        errors["basis_details"] = "Enter the court order, section of the Act or legal power"
    for key, message in (
        ("capacity_assessment", "Choose a capacity assessment from this case"),
        ("best_interests_decision", "Choose a best-interests decision from this case"),
    ):
        linked = v.get(key)
        if linked is not None and getattr(linked, "case_id", None) != case_id:
            errors[key] = message
    review_on = v.get("review_on")
    if review_on not in (None, ""):
        if not _is_date(review_on):
            errors["review_on"] = "Enter the date of the review as a real date"
        elif decided_on is not None and review_on <= decided_on:
            errors["review_on"] = "Date of the review must be after the date of the decision"
    return errors


# --- Advocacy ---------------------------------------------------------------------

DIFFICULTIES = {
    "difficulty_understanding": "understanding the relevant information",
    "difficulty_retaining": "retaining the information",
    "difficulty_using_or_weighing": "using or weighing the information",
    "difficulty_communicating": "communicating their views, wishes and feelings",
}

ADVOCATE_DUTY_MESSAGE = (
    "The person has substantial difficulty and no appropriate person to support them, "
    "so an independent advocate must be arranged"
)


def advocacy_errors(v: dict[str, Any], dates: Dates) -> Errors:
    errors: Errors = {}
    assessed_on = _date(errors, v, "assessed_on", "the assessment", dates)
    for key, words in DIFFICULTIES.items():
        if not isinstance(v.get(key), bool):
            errors[key] = f"Select whether the person would have substantial difficulty {words}"
    _choice(
        errors,
        v,
        "appropriate_individual",
        YesNoUnknown.values,
        "Select whether there is an appropriate person to support them",
    )
    if v.get("appropriate_individual") == YesNoUnknown.YES and not _text(
        v, "appropriate_individual_name"
    ):
        errors["appropriate_individual_name"] = "Enter the name of the appropriate person"
    result = v.get("result")
    if result not in AdvocacyResult.values:
        errors["result"] = "Select the result of the advocacy assessment"
    elif result == AdvocacyResult.ADVOCATE_ARRANGED:
        if not _text(v, "advocate_name"):
            errors["advocate_name"] = "Enter the name of the advocate"
        arranged_on = _date(
            errors,
            v,
            "advocate_arranged_on",
            "",
            dates,
            after_opening=False,
            enter="Enter the date the advocate was arranged",
            label="Date the advocate was arranged",
        )
        if arranged_on is not None and assessed_on is not None and arranged_on < assessed_on:
            errors["advocate_arranged_on"] = (
                "Date the advocate was arranged cannot be before the date of the assessment"
            )
    else:
        if not _text(v, "reason"):
            errors["reason"] = "Enter why no advocate was arranged"
        duty = AdvocacyAssessment(
            **{k: v.get(k) for k in (*DIFFICULTIES, "appropriate_individual")},
            individual_implicated=bool(v.get("individual_implicated")),
        ).advocate_duty_applies
        if duty and result != AdvocacyResult.DECLINED:
            errors["result"] = ADVOCATE_DUTY_MESSAGE
    if v.get("imca_instructed") and not _text(v, "imca_details"):
        errors["imca_details"] = "Enter who the IMCA is and when they were instructed"
    return errors


# --- Contacts ---------------------------------------------------------------------

# Outcomes where someone was spoken to, so who else was there matters
CONVERSATION_OUTCOMES = frozenset(
    {ContactOutcome.SPOKE, ContactOutcome.DECLINED, ContactOutcome.THIRD_PARTY}
)


def contact_errors(v: dict[str, Any], dates: Dates) -> Errors:
    errors: Errors = {}
    _date(errors, v, "contacted_on", "the contact", dates)
    _choice(errors, v, "method", ContactMethod.values, "Select how you contacted the person")
    _choice(errors, v, "outcome", ContactOutcome.values, "Select what happened")
    _choice(errors, v, "seen_alone", SeenAlone.values, "Select whether the person was seen alone")
    indicators = v.get("coercion_indicators")
    if indicators is None:
        indicators = []
    if not isinstance(indicators, list) or not set(indicators) <= set(CoercionIndicator.values):
        errors["coercion_indicators"] = "Select signs of coercion or control from the list"
    if v.get("outcome") in CONVERSATION_OUTCOMES and not _text(v, "who_was_present"):
        errors["who_was_present"] = "Enter who was there, or 'no one else'"
    return errors


# --- Risk -------------------------------------------------------------------------

RISK_ANSWERS = {
    "other_adults_at_risk": "Select whether other adults are at risk",
    "children_at_risk": "Select whether children are at risk",
    "public_at_risk": "Select whether the public is at risk",
    "source_has_contact_with_others_at_risk": (
        "Select whether the source of risk has contact with other adults at risk or children"
    ),
    "crime_may_have_been_committed": "Select whether a crime may have been committed",
}


def risk_assessment_errors(v: dict[str, Any]) -> Errors:
    errors: Errors = {}
    _require(errors, v, {"risk_to_person": "Enter the risk to the person"})
    for key, message in RISK_ANSWERS.items():
        _choice(errors, v, key, YesNoUnknown.values, message)
    _choice(
        errors,
        v,
        "source_trust_role",
        TrustRole.values,
        "Select whether the source of risk is in a position of trust",
    )
    police_decision = v.get("police_decision") or ""
    if v.get("crime_may_have_been_committed") == YesNoUnknown.YES:
        if police_decision not in PoliceDecision.values:
            errors["police_decision"] = "Select whether the police were told"
        if not _text(v, "police_decision_reason"):
            errors["police_decision_reason"] = "Enter why the police were or were not told"
    elif police_decision and police_decision not in PoliceDecision.values:
        errors["police_decision"] = "Select whether the police were told"
    return errors


def risk_action_errors(v: dict[str, Any], dates: Dates) -> Errors:
    errors: Errors = {}
    _choice(errors, v, "kind", RiskToOthersKind.values, "Select what was done to protect others")
    _require(
        errors,
        v,
        {"details": "Enter details of what was done", "done_by": "Enter who did it"},
    )
    _date(errors, v, "done_on", "the action", dates)
    return errors


# --- Overrides --------------------------------------------------------------------

COSIGNER_MESSAGE = "Choose a team manager or safeguarding lead, other than you, to co-sign"


def override_errors(v: dict[str, Any], dates: Dates, *, by_id: int) -> Errors:
    errors: Errors = {}
    kind = v.get("kind")
    _choice(errors, v, "kind", OverrideKind.values, "Select what was done")
    _choice(errors, v, "ground", OverrideGround.values, "Select the ground for doing it")
    _require(errors, v, {"decided_by": "Enter who made the decision"})
    _require_reason(
        errors,
        v,
        {
            "legal_basis": "Enter the legal basis",
            "rationale": "Enter why the person's wishes were overridden",
        },
    )
    _date(errors, v, "decided_on", "the decision", dates)
    cosigner = v.get("cosigner")
    if (
        cosigner is None
        or getattr(cosigner, "role", None) not in COSIGNER_ROLES
        or not getattr(cosigner, "is_active", False)
        or getattr(cosigner, "pk", None) == by_id
    ):
        errors["cosigner"] = COSIGNER_MESSAGE
    if kind == OverrideKind.SHARED_WITHOUT_CONSENT:
        _require(
            errors,
            v,
            {"shared_what": "Enter what was shared", "shared_with": "Enter who it was shared with"},
        )
        _date(
            errors,
            v,
            "shared_on",
            "",
            dates,
            enter="Enter the date the information was shared",
            label="Date the information was shared",
        )
    told = v.get("person_told")
    if told is True:
        _date(
            errors,
            v,
            "person_told_on",
            "",
            dates,
            enter="Enter the date the person was told",
            label="Date the person was told",
        )
    elif told is False:
        _require_reason(errors, v, {"not_told_reason": "Enter why the person was not told"})
    else:
        errors["person_told"] = "Say whether the person was told"
    return errors


# --- Plan -------------------------------------------------------------------------


def plan_errors(
    v: dict[str, Any], dates: Dates, *, previous_review_on: datetime.date | None = None
) -> Errors:
    errors: Errors = {}
    _require(
        errors,
        v,
        {"person_involvement": "Enter how the person was involved in making the plan"},
    )
    review = v.get("next_review_on")
    if review not in (None, ""):
        if not _is_date(review):
            errors["next_review_on"] = "Enter the date of the next review as a real date"
        elif review < dates.today and review != previous_review_on:
            errors["next_review_on"] = "The date of the next review cannot be in the past"
    return errors


def plan_action_errors(
    v: dict[str, Any],
    dates: Dates,
    *,
    case_id: int,
    previous_due_on: datetime.date | None = None,
) -> Errors:
    """``previous_due_on``: when changing an action, its due date may stay as it
    was even if that is now past."""
    errors: Errors = {}
    _require(
        errors,
        v,
        {
            "description": "Enter what will be done",
            "owner_name": "Enter who will do it",
        },
    )
    _choice(errors, v, "owner_kind", OwnerKind.values, "Select who will do it")
    due_on = v.get("due_on")
    if due_on is None or due_on == "":
        errors["due_on"] = "Enter the date the action is due"
    elif not _is_date(due_on):
        errors["due_on"] = "Enter the date the action is due as a real date"
    elif due_on < dates.today and due_on != previous_due_on:
        errors["due_on"] = "The date the action is due cannot be before today"
    _choice(errors, v, "status", ActionStatus.values, "Select how the action is going")
    outcome = v.get("outcome")
    if outcome is not None and getattr(outcome, "case_id", None) != case_id:
        errors["outcome"] = "Choose one of the desired outcomes for this case"
    return errors


# --- Self-neglect -----------------------------------------------------------------


def self_neglect_errors(v: dict[str, Any]) -> Errors:
    errors: Errors = {}
    _require(errors, v, {"background_and_history": "Enter the person's background and history"})
    return errors


def clutter_rating_errors(v: dict[str, Any], dates: Dates) -> Errors:
    errors: Errors = {}
    _require(errors, v, {"room": "Enter the room"})
    rating = v.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 9:
        errors["rating"] = "Enter a rating from 1 to 9"
    _date(errors, v, "rated_on", "the rating", dates)
    return errors


# --- The person who raised the concern ---------------------------------------------


def referrer_feedback_errors(v: dict[str, Any], dates: Dates, *, case_id: int) -> Errors:
    errors: Errors = {}
    concern = v.get("concern")
    if concern is None or getattr(concern, "case_id", None) != case_id:
        errors["concern"] = "Choose the concern the feedback is about"
    _date(errors, v, "given_on", "the feedback", dates)
    _require(
        errors,
        v,
        {"what_was_said": "Enter what the person who raised the concern was told"},
    )
    return errors


def referrer_escalation_errors(v: dict[str, Any], dates: Dates) -> Errors:
    errors: Errors = {}
    _date(errors, v, "raised_on", "the escalation", dates)
    _require(
        errors,
        v,
        {"details": "Enter what the person who raised the concern said has not been dealt with"},
    )
    return errors


def escalation_resolution_errors(
    v: dict[str, Any], dates: Dates, *, raised_on: datetime.date
) -> Errors:
    errors: Errors = {}
    _require(errors, v, {"resolution": "Enter how the escalation was resolved"})
    resolved_on = _date(
        errors,
        v,
        "resolved_on",
        "",
        dates,
        after_opening=False,
        enter="Enter the date the escalation was resolved",
        label="Date the escalation was resolved",
    )
    if resolved_on is not None and resolved_on < raised_on:
        errors["resolved_on"] = (
            f"Date the escalation was resolved cannot be before it was raised "
            f"({long_date(raised_on)})"
        )
    return errors


# --- Death ------------------------------------------------------------------------


def death_errors(v: dict[str, Any], dates: Dates, *, date_of_birth: datetime.date) -> Errors:
    errors: Errors = {}
    died = v.get("date_of_death")
    if died is None or died == "":
        errors["date_of_death"] = "Enter the date the person died"
    elif not _is_date(died):
        errors["date_of_death"] = "Enter the date the person died as a real date"
    elif died > dates.today:
        errors["date_of_death"] = "Date of death cannot be in the future"
    elif died < date_of_birth:
        errors["date_of_death"] = (
            f"Date of death cannot be before the person's date of birth "
            f"({long_date(date_of_birth)})"
        )
    # Only the date is needed to record a death; the rest can follow.
    if v.get("others_remain_at_risk"):
        _choice(
            errors,
            v,
            "others_remain_at_risk",
            YesNoUnknown.values,
            "Select whether other people remain at risk",
        )
    if v.get("sar_criteria_may_be_met"):
        _choice(
            errors,
            v,
            "sar_criteria_may_be_met",
            YesNoUnknown.values,
            "Select whether the criteria for a Safeguarding Adults Review may be met",
        )
    if v.get("sar_criteria_may_be_met") == YesNoUnknown.YES:
        _date(
            errors,
            v,
            "sar_referred_on",
            "",
            dates,
            after_opening=False,
            enter="Enter the date the case was referred to the board",
            label="Date the case was referred to the board",
        )
    return errors


# --- Involvement and notes ------------------------------------------------------------


def involvement_errors(v: dict[str, Any]) -> Errors:
    errors: Errors = {}
    told = v.get("person_told") or ""
    if told and told not in PersonTold.values:
        errors["person_told"] = "Select whether the person knows a concern was raised"
    elif told == PersonTold.NO_RISK and not _text(v, "not_told_reason"):
        errors["not_told_reason"] = "Enter why telling them would increase the risk"
    parts = v.get("referrer_part") or []
    if not isinstance(parts, list | tuple) or any(p not in ReferrerPart.values for p in parts):
        errors["referrer_part"] = "Select the part the person who raised the concern plays"
    elif ReferrerPart.REFERRED_ONLY in parts and len(set(parts)) > 1:
        errors["referrer_part"] = (
            "Select either that they raised the concern and had no other part, or the "
            "parts they played, not both"
        )
    return errors


def note_errors(v: dict[str, Any]) -> Errors:
    errors: Errors = {}
    _require(errors, v, {"text": "Enter the note"})
    return errors

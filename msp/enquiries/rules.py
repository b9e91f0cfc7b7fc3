"""Checks on desired outcomes and closure input. Pure functions returning
{field: message}."""

from collections.abc import Iterable
from typing import Any

from msp.enquiries.codes import (
    RISK_OUTCOME_REQUIRED,
    Achievement,
    ActionResult,
    ClosureReason,
    ExperienceAsked,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
    WhoseWords,
)
from msp.practice.reasons import empty_reason_message, is_empty_reason

Errors = dict[str, str]


def outcome_errors(v: dict[str, Any], *, revision: bool = False) -> Errors:
    errors: Errors = {}
    if not str(v.get("text", "")).strip():
        errors["text"] = "Enter what the person wants to happen, in their own words"
    if v.get("whose_words") not in WhoseWords.values:
        errors["whose_words"] = "Select whose words these are"
    elif (
        v["whose_words"] == WhoseWords.REPRESENTATIVE
        and not str(v.get("representative_name", "")).strip()
    ):
        errors["representative_name"] = "Enter the name of the representative"
    if revision and not str(v.get("reason", "")).strip():
        errors["reason"] = "Enter why the outcome has changed, or what was discussed"
    return errors


def rating_errors(v: dict[str, Any]) -> Errors:
    if v.get("achievement") not in Achievement.values:
        return {"achievement": "Select how far the outcome was achieved"}
    return {}


def closure_errors(v: dict[str, Any], *, had_enquiry: bool, outcome_count: int) -> Errors:
    errors: Errors = {}
    reason = v.get("reason")
    if reason not in ClosureReason.values:
        errors["reason"] = "Select why the case is closing"
    elif reason == ClosureReason.OTHER:
        details = str(v.get("reason_details", "")).strip()
        if not details:
            errors["reason_details"] = "Enter why the case is closing"
        elif is_empty_reason(details):
            errors["reason_details"] = empty_reason_message(details)
    if not had_enquiry:
        return errors
    action_result = v.get("action_result")
    if action_result not in ActionResult.values:
        errors["action_result"] = "Select what the enquiry found and whether action was taken"
    elif action_result in RISK_OUTCOME_REQUIRED and v.get("risk_outcome") not in RiskOutcome.values:
        errors["risk_outcome"] = "Select what happened to the risk"
    if v.get("risk_outcome") and v["risk_outcome"] not in RiskOutcome.values:
        errors["risk_outcome"] = "Select what happened to the risk"
    msp_asked = v.get("msp_asked")
    if msp_asked not in MspAsked.values:
        errors["msp_asked"] = "Select whether the person was asked what outcomes they wanted"
    elif msp_asked == MspAsked.EXPRESSED and outcome_count == 0:
        errors["msp_asked"] = (
            "No desired outcomes are recorded. Record them on the case, or choose another answer"
        )
    experience = v.get("experience_asked") or ""
    if experience and experience not in ExperienceAsked.values:
        errors["experience_asked"] = (
            "Select whether the person was asked about their experience of safeguarding"
        )
    lacked = v.get("lacked_capacity")
    if lacked not in LackedCapacity.values:
        errors["lacked_capacity"] = (
            "Select whether the person lacked capacity to make decisions about the enquiry"
        )
    elif lacked == LackedCapacity.YES and v.get("capacity_support") is None:
        errors["capacity_support"] = (
            "Select whether an advocate, family member or friend supported the person"
        )
    return errors


def overall_achievement(ratings: Iterable[str]) -> str | None:
    """One answer for all of a person's desired outcomes.

    Every outcome fully achieved gives Fully Achieved; none fully or partially
    achieved gives Not Achieved; anything else gives Partially Achieved. No
    rated outcome gives ``None``. Blank (unrated) entries are ignored."""
    rated = [r for r in ratings if r]
    if not rated:
        return None
    if all(r == Achievement.FULLY for r in rated):
        return str(Achievement.FULLY)
    if all(r == Achievement.NOT for r in rated):
        return str(Achievement.NOT)
    return str(Achievement.PARTIALLY)

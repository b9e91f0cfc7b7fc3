"""Checks on what a user entered for a concern or a decision. Pure functions:
each returns {field: message} for everything that needs fixing."""

import datetime
from typing import Any

from django.utils import timezone

from msp.concerns.codes import (
    AbuseType,
    DecisionResult,
    LocationOfRisk,
    ProportionateResponse,
    RaisedVia,
    SourceOfRisk,
    YesNoUnknown,
)

Errors = dict[str, str]

CRITERIA = (
    ("has_care_and_support_needs", "care_and_support_needs_evidence", "care and support needs"),
    (
        "experiencing_or_at_risk",
        "experiencing_or_at_risk_evidence",
        "whether they are experiencing, or at risk of, abuse or neglect",
    ),
    (
        "unable_to_protect_self",
        "unable_to_protect_self_evidence",
        "whether they can protect themselves",
    ),
)


def concern_errors(v: dict[str, Any]) -> Errors:
    errors: Errors = {}
    raised_on = v.get("raised_on")
    if not isinstance(raised_on, datetime.date):
        errors["raised_on"] = "Enter the date the concern was raised"
    elif raised_on > timezone.localdate():
        errors["raised_on"] = "Date the concern was raised cannot be in the future"
    if v.get("raised_via") not in RaisedVia.values:
        errors["raised_via"] = "Select who raised the concern"
    if not str(v.get("what_happened", "")).strip():
        errors["what_happened"] = "Enter what happened"
    abuse = v.get("abuse_types") or []
    if not abuse:
        errors["abuse_types"] = "Select at least one type of abuse or neglect"
    elif not set(abuse) <= set(AbuseType.values):
        errors["abuse_types"] = "Select types of abuse or neglect from the list"
    if v.get("location_of_risk") not in LocationOfRisk.values:
        errors["location_of_risk"] = "Select where the abuse or neglect happened"
    sources = v.get("sources_of_risk") or []
    if not sources:
        errors["sources_of_risk"] = "Select at least one source of risk"
    elif not set(sources) <= set(SourceOfRisk.values):
        errors["sources_of_risk"] = "Select sources of risk from the list"
    if v.get("person_aware", YesNoUnknown.UNKNOWN) not in YesNoUnknown.values:
        errors["person_aware"] = "Select whether the person knows about the concern"
    if (
        not v.get("referrer_anonymous")
        and v.get("raised_via") not in (RaisedVia.STAFF, RaisedVia.SELF)
        and not str(v.get("referrer_name", "")).strip()
    ):
        errors["referrer_name"] = (
            "Enter the name of the person who raised the concern, or record that they "
            "want to stay anonymous"
        )
    return errors


def decision_errors(v: dict[str, Any]) -> Errors:
    errors: Errors = {}
    for answer, evidence, label in CRITERIA:
        if v.get(answer) not in YesNoUnknown.values:
            errors[answer] = f"Select an answer about {label}"
        if not str(v.get(evidence, "")).strip():
            errors[evidence] = f"Enter the evidence about {label}"
    result = v.get("result")
    if result not in DecisionResult.values:
        errors["result"] = "Select what happens next"
        return errors
    answers = {v.get(a) for a, _, _ in CRITERIA}
    all_met = answers == {YesNoUnknown.YES}
    if result == DecisionResult.S42 and not all_met and not (errors.keys() & {"result"}):
        errors["result"] = (
            "A section 42 enquiry needs reasonable cause to suspect all three criteria. "
            "Answer 'Yes' to each, or choose another enquiry or no enquiry"
        )
    if result != DecisionResult.S42 and all_met:
        errors["result"] = (
            "All three criteria are met, so the council must make a section 42 enquiry"
        )
    if result == DecisionResult.NONE:
        response = v.get("proportionate_response")
        if response not in ProportionateResponse.values:
            errors["proportionate_response"] = (
                "Select the proportionate response given instead of an enquiry"
            )
        elif not str(v.get("response_details", "")).strip():
            errors["response_details"] = (
                "Say why no further response is needed"
                if response == ProportionateResponse.NONE_NEEDED
                else "Enter what was done, and when"
            )
    return errors

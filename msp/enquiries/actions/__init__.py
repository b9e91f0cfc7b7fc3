"""Action functions for enquiries: one function per change, each checking,
saving and writing its audit event in one transaction.

- workflow.py: starting the enquiry, desired outcomes, closing and reopening.
- record.py: capacity, best interests, advocacy, contacts, involvement, notes.
- risk.py: the risk assessment, actions to protect others, overrides, death.
- plan.py: the safeguarding plan, self-neglect, the person who raised the concern.

Import from here: ``from msp.enquiries import actions; actions.add_contact(...)``.
"""

from msp.enquiries.actions._record import CLOSED_MESSAGE
from msp.enquiries.actions.plan import (
    add_clutter_rating,
    add_plan_action,
    add_referrer_escalation,
    add_referrer_feedback,
    resolve_referrer_escalation,
    save_plan,
    save_self_neglect,
    update_plan_action,
)
from msp.enquiries.actions.record import (
    add_advocacy_assessment,
    add_best_interests_decision,
    add_capacity_assessment,
    add_contact,
    add_note,
    add_restriction,
    save_involvement,
)
from msp.enquiries.actions.risk import (
    add_risk_to_others_action,
    cosign_override,
    record_death,
    record_override,
    save_risk_assessment,
)
from msp.enquiries.actions.workflow import (
    CLOSURE_FIELDS,
    OUTCOME_FIELDS,
    add_outcome,
    carry_wishes_into_outcomes,
    close_case,
    latest_decision,
    preview_closure,
    rate_outcome,
    reopen_case,
    return_to_enquiry,
    revise_outcome,
    start_closing,
    start_enquiry,
)

__all__ = [
    "CLOSED_MESSAGE",
    "CLOSURE_FIELDS",
    "OUTCOME_FIELDS",
    "add_advocacy_assessment",
    "add_best_interests_decision",
    "add_capacity_assessment",
    "add_clutter_rating",
    "add_contact",
    "add_note",
    "add_outcome",
    "add_plan_action",
    "add_referrer_escalation",
    "add_referrer_feedback",
    "add_restriction",
    "add_risk_to_others_action",
    "carry_wishes_into_outcomes",
    "close_case",
    "cosign_override",
    "latest_decision",
    "preview_closure",
    "rate_outcome",
    "record_death",
    "record_override",
    "reopen_case",
    "resolve_referrer_escalation",
    "return_to_enquiry",
    "revise_outcome",
    "save_involvement",
    "save_plan",
    "save_risk_assessment",
    "save_self_neglect",
    "start_closing",
    "start_enquiry",
    "update_plan_action",
]

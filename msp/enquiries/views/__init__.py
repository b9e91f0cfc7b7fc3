"""The enquiry's pages, one module per group:

- workflow.py: starting the enquiry, desired outcomes, closing (through the
  practice guard's gate) and reopening;
- record.py: capacity, best interests, advocacy, contacts, involvement, notes;
- risk.py: risk, actions to protect others, decisions against someone's wishes
  and co-signing them, the person's death;
- plan.py: the plan and its actions, self-neglect and clutter ratings, the
  person who raised the concern.
"""

from msp.enquiries.views.plan import (
    add_clutter_rating,
    add_escalation,
    add_feedback,
    add_plan_action,
    change_plan_action,
    plan,
    resolve_escalation,
    self_neglect,
)
from msp.enquiries.views.record import (
    add_advocacy,
    add_best_interests,
    add_capacity,
    add_contact,
    add_note,
    add_restriction,
    involvement,
)
from msp.enquiries.views.risk import add_override, add_risk_action, cosign_override, death, risk
from msp.enquiries.views.workflow import (
    add_outcome,
    carry_wishes,
    close,
    rate_outcome,
    reopen,
    return_to_enquiry,
    revise_outcome,
    start,
    start_closing,
)

__all__ = [
    "add_advocacy",
    "add_best_interests",
    "add_capacity",
    "add_clutter_rating",
    "add_contact",
    "add_escalation",
    "add_feedback",
    "add_note",
    "add_outcome",
    "add_override",
    "add_plan_action",
    "add_restriction",
    "add_risk_action",
    "carry_wishes",
    "change_plan_action",
    "close",
    "cosign_override",
    "death",
    "involvement",
    "plan",
    "rate_outcome",
    "reopen",
    "resolve_escalation",
    "return_to_enquiry",
    "revise_outcome",
    "risk",
    "self_neglect",
    "start",
    "start_closing",
]

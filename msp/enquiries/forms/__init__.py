"""The enquiry's page forms, one module per group of pages:

- workflow.py: desired outcomes, closing (with the practice guard's overrides)
  and reopening;
- record.py: capacity, best interests, restrictions, advocacy, contacts, involvement, notes;
- risk.py: risk, actions to protect others, overrides of wishes, death;
- plan.py: the plan and its actions, self-neglect, the person who raised the
  concern.
"""

from msp.enquiries.forms.plan import (
    ClutterForm,
    EscalationForm,
    FeedbackForm,
    PlanActionChangeForm,
    PlanActionForm,
    PlanForm,
    ResolveEscalationForm,
    SelfNeglectForm,
)
from msp.enquiries.forms.record import (
    AdvocacyForm,
    BestInterestsForm,
    CapacityForm,
    ContactForm,
    InvolvementForm,
    NoteForm,
    RestrictionForm,
)
from msp.enquiries.forms.risk import DeathForm, OverrideForm, RiskActionForm, RiskForm
from msp.enquiries.forms.workflow import (
    CloseForm,
    OutcomeForm,
    RateOutcomeForm,
    ReopenForm,
    ReviseOutcomeForm,
)

__all__ = [
    "AdvocacyForm",
    "BestInterestsForm",
    "CapacityForm",
    "CloseForm",
    "ClutterForm",
    "ContactForm",
    "DeathForm",
    "EscalationForm",
    "FeedbackForm",
    "InvolvementForm",
    "NoteForm",
    "OutcomeForm",
    "OverrideForm",
    "PlanActionChangeForm",
    "PlanActionForm",
    "PlanForm",
    "RateOutcomeForm",
    "ReopenForm",
    "ResolveEscalationForm",
    "RestrictionForm",
    "ReviseOutcomeForm",
    "RiskActionForm",
    "RiskForm",
    "SelfNeglectForm",
]

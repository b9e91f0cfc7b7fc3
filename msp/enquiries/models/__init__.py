"""Everything recorded during an enquiry, one module per part of the record."""

from msp.enquiries.models.advocacy import AdvocacyAssessment
from msp.enquiries.models.best_interests import BestInterestsDecision
from msp.enquiries.models.capacity import CapacityAssessment
from msp.enquiries.models.contacts import Contact
from msp.enquiries.models.death import DeathRecord
from msp.enquiries.models.episode import Enquiry
from msp.enquiries.models.involvement import ACTIVE_REFERRER_PARTS, Involvement, ReferrerPart
from msp.enquiries.models.notes import CaseNote
from msp.enquiries.models.outcomes import Closure, DesiredOutcome, OutcomeRevision
from msp.enquiries.models.overrides import Override
from msp.enquiries.models.plan import PlanAction, SafeguardingPlan
from msp.enquiries.models.referrer import ReferrerEscalation, ReferrerFeedback
from msp.enquiries.models.restrictions import Restriction
from msp.enquiries.models.risk import RiskAssessment, RiskToOthersAction
from msp.enquiries.models.self_neglect import ClutterRating, SelfNeglectRecord

__all__ = [
    "ACTIVE_REFERRER_PARTS",
    "AdvocacyAssessment",
    "BestInterestsDecision",
    "CapacityAssessment",
    "CaseNote",
    "Closure",
    "ClutterRating",
    "Contact",
    "DeathRecord",
    "DesiredOutcome",
    "Enquiry",
    "Involvement",
    "OutcomeRevision",
    "Override",
    "PlanAction",
    "ReferrerEscalation",
    "ReferrerFeedback",
    "ReferrerPart",
    "Restriction",
    "RiskAssessment",
    "RiskToOthersAction",
    "SafeguardingPlan",
    "SelfNeglectRecord",
]

from django.db import models

from msp.concerns.codes import YesNoUnknown
from msp.enquiries.models.base import CaseRecord


class DeathRecord(CaseRecord):
    """The person has died. The enquiry may continue if others are at risk, and
    the Safeguarding Adults Review criteria (Care Act s44) must be considered.
    A death can be recorded with only its date; the rest can follow (the
    practice guard asks for it, check M3.d)."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="death")
    date_of_death = models.DateField()
    others_remain_at_risk = models.CharField(max_length=8, choices=YesNoUnknown.choices, blank=True)
    sar_criteria_may_be_met = models.CharField(
        max_length=8, choices=YesNoUnknown.choices, blank=True
    )
    sar_considerations = models.TextField("How the review criteria were considered", blank=True)
    sar_referred_on = models.DateField("Referred to the board on", null=True, blank=True)

    def __str__(self) -> str:
        return f"Death recorded for case {self.case_id}"

from django.db import models

from msp.enquiries.models.base import CaseRecord, HappenedOn


class PersonTold(models.TextChoices):
    YES = "yes", "Yes, the person knows a concern was raised and why"
    NO_RISK = "no_risk", "No: telling them would increase the risk"
    NOT_YET = "not_yet", "Not yet"


class ReferrerPart(models.TextChoices):
    """What the person who raised the concern did beyond raising it. "Referred
    only" cannot be chosen with any other answer."""

    REFERRED_ONLY = "referred_only", "They raised the concern and had no other part"
    GAVE_INFORMATION = "gave_information", "They gave information to the enquiry"
    MEETINGS = "meetings", "They took part in meetings or discussions"
    PLAN_ACTIONS = "plan_actions", "They took on actions in the safeguarding plan"
    ONGOING_SUPPORT = "ongoing_support", "They keep supporting or seeing the person"
    RECEIVED_FEEDBACK = "received_feedback", "They were told what happened"


# The answers that show a part beyond raising the concern (being told what
# happened is owed to them, not a part they play).
ACTIVE_REFERRER_PARTS = frozenset(ReferrerPart.values) - {
    ReferrerPart.REFERRED_ONLY,
    ReferrerPart.RECEIVED_FEEDBACK,
}


class Involvement(CaseRecord, HappenedOn):
    """How the person, and the person who raised the concern, took part. One
    per case, kept up to date; every change is in the audit log."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="involvement")
    person_told = models.CharField(max_length=16, choices=PersonTold.choices, blank=True)
    not_told_reason = models.TextField("Why telling them would increase the risk", blank=True)
    person_involvement = models.TextField("How the person took part in the enquiry", blank=True)
    outcomes_not_asked_reason = models.TextField(
        "Why the person has not been asked what they want", blank=True
    )
    options_explained = models.TextField(
        "The options explained to the person, and what each would mean", blank=True
    )
    reasons_for_declining = models.TextField(
        "Why the person does not want support, in their words", blank=True
    )
    referrer_part = models.JSONField(
        "The part the person who raised the concern plays in the enquiry or plan",
        default=list,
        blank=True,
    )  # ReferrerPart codes
    referrer_part_details = models.TextField(
        "More about the part the person who raised the concern plays (optional)", blank=True
    )
    pattern_review = models.TextField(
        "Review of the pattern of concerns, and the multi-agency risk meeting", blank=True
    )

    def __str__(self) -> str:
        return f"Involvement for case {self.case_id}"

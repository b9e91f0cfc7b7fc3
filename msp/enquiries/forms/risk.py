"""Forms for the risk assessment, actions to protect others, decisions against
someone's wishes, and the person's death."""

from typing import Any

from msp.accounts.models import User
from msp.concerns.codes import YesNoUnknown
from msp.enquiries.forms._fields import (
    YES_NO,
    RecordForm,
    free_text,
    optional_version,
    radios,
    select,
)
from msp.enquiries.models.overrides import OverrideGround, OverrideKind
from msp.enquiries.models.risk import PoliceDecision, RiskToOthersKind, TrustRole
from msp.enquiries.record_rules import COSIGNER_MESSAGE
from msp.govuk.fields import GovukDateField


class RiskForm(RecordForm):
    version = optional_version()
    risk_to_person = free_text(
        "What is the risk to the person?",
        long=True,
        help_text="What might happen, how likely it is and how serious it would be",
    )
    other_adults_at_risk = radios("Are other adults at risk?", YesNoUnknown.choices)
    children_at_risk = radios("Are children at risk?", YesNoUnknown.choices)
    public_at_risk = radios("Is the public at risk?", YesNoUnknown.choices)
    risk_to_others = free_text("What is the risk to others? (optional)", long=True)
    source_trust_role = radios("Is the source of risk in a position of trust?", TrustRole.choices)
    source_has_contact_with_others_at_risk = radios(
        "Does the source of risk have contact with other adults at risk or children?",
        YesNoUnknown.choices,
    )
    crime_may_have_been_committed = radios("May a crime have been committed?", YesNoUnknown.choices)
    police_decision = radios("Were the police told?", PoliceDecision.choices)
    police_decision_reason = free_text("Why were the police told, or not told?", long=True)

    conditionals = {
        "crime_may_have_been_committed": {"yes": ("police_decision", "police_decision_reason")}
    }


class RiskActionForm(RecordForm):
    kind = radios("What was done to protect others?", RiskToOthersKind.choices)
    details = free_text(
        "Details", long=True, help_text="Who was told or referred to, and what they will do"
    )
    done_on = GovukDateField(noun="the date of the action", required=False)
    done_by = free_text("Who did it?", max_length=200)


def cosigner_label(user: User) -> str:
    return f"{user.display_name}, {user.get_role_display().lower()}"


class OverrideForm(RecordForm):
    kind = radios("What was done?", OverrideKind.choices)
    shared_what = free_text("What was shared?", long=True)
    shared_with = free_text("Who was it shared with?", long=True)
    shared_on = GovukDateField(noun="the date the information was shared", required=False)
    ground = radios("On what ground?", OverrideGround.choices)
    legal_basis = free_text(
        "What is the legal basis?",
        long=True,
        help_text="The law, and the part of it, that allows this. For example, Care Act 2014 "
        "section 42, or the Mental Capacity Act 2005 section 4",
    )
    rationale = free_text(
        "Why were the person's wishes overridden?",
        long=True,
        help_text="Why this was necessary and proportionate",
    )
    decided_by = free_text("Who made the decision?", max_length=200)
    advised_by = free_text("Who gave advice? (optional)", max_length=200)
    decided_on = GovukDateField(noun="the date of the decision", required=False)
    person_told = radios("Was the person told?", YES_NO)
    person_told_on = GovukDateField(noun="the date the person was told", required=False)
    not_told_reason = free_text("Why was the person not told?", long=True)
    cosigner = select(
        "Who will co-sign this decision?",
        invalid=COSIGNER_MESSAGE,
        help_text="A team manager or safeguarding lead, other than you. They confirm it "
        "from their own account",
    )

    conditionals = {
        "kind": {
            str(OverrideKind.SHARED_WITHOUT_CONSENT): ("shared_what", "shared_with", "shared_on")
        },
        "person_told": {"yes": ("person_told_on",), "no": ("not_told_reason",)},
    }

    def __init__(self, *args: Any, cosigners: list[User] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer("cosigner", cosigners or [], cosigner_label, blank="Choose who will co-sign")

    def values(self) -> dict[str, Any]:
        values = super().values()
        told = values.get("person_told")
        values["person_told"] = {"yes": True, "no": False}.get(told or "")
        values["cosigner"] = self.offered("cosigner", values.get("cosigner"))
        return values


class DeathForm(RecordForm):
    version = optional_version()
    date_of_death = GovukDateField(noun="the date the person died", required=False)
    others_remain_at_risk = radios(
        "Do other people remain at risk?",
        YesNoUnknown.choices,
        help_text="If they do, the enquiry can continue after the person's death",
    )
    sar_criteria_may_be_met = radios(
        "May the criteria for a Safeguarding Adults Review be met?",
        YesNoUnknown.choices,
        help_text="Care Act 2014 section 44: the person died, abuse or neglect is known or "
        "suspected, and there is concern about how agencies worked together",
    )
    sar_referred_on = GovukDateField(
        noun="the date the case was referred to the board", required=False
    )
    sar_considerations = free_text("How were the review criteria considered?", long=True)

    conditionals = {"sar_criteria_may_be_met": {"yes": ("sar_referred_on",)}}

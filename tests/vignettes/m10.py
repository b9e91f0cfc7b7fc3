"""Myth 10: "Councillors should inspect care homes themselves."

Councillors lead the system and see aggregates only (tested with the board
pages). At case level, what they rely on is that care home concerns are dealt
with by the right people: provider, regulator, police, capacity law."""

from tests.vignettes import record as r
from tests.vignettes.engine import Outcome, Vignette, day

HOME = {
    "what_happened": "Residents on the first floor are left in wet beds until midday.",
    "abuse_types": ["neglect", "organisational"],
    "location_of_risk": "care_home_nursing",
    "sources_of_risk": ["service_provider"],
    "person_wishes": "She wants to be got up and washed in the morning.",
}
STAFF_RISK = {
    "source_trust_role": "staff",
    "source_has_contact_with_others_at_risk": "yes",
    "other_adults_at_risk": "yes",
    "risk_to_others": "Every resident on the first floor.",
    "crime_may_have_been_committed": "no",
    "police_decision": None,
    "police_decision_reason": "",
}
REGULATOR = (
    "POST",
    "risk-actions",
    {
        "kind": "regulator",
        "details": "Told the CQC inspector.",
        "done_on": day(-5),
        "done_by": "Pat Okafor",
    },
)
EMPLOYER = (
    "POST",
    "risk-actions",
    {
        "kind": "employer",
        "details": "Met the home's registered manager.",
        "done_on": day(-6),
        "done_by": "Pat Okafor",
    },
)

VIGNETTES = [
    Vignette(
        id="m10-01-care-home-neglect-nobody-told",
        story="""Residents are left in wet beds. The enquiry is about Edith alone: neither
        the provider nor the regulator is told, though every resident on the floor is at
        risk.""",
        expected=frozenset({"M3.a"}),
        concern=HOME,
        steps=r.enquiry_record(risk=STAFF_RISK),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m10-02-care-home-slap-police-unknown",
        story="""A carer slapped Edith. The regulator and the home were told, but whether
        a crime was committed is "not known" and nothing says whether the police were
        involved.""",
        expected=frozenset({"M3.b"}),
        concern={
            **HOME,
            "what_happened": "A carer slapped her face at teatime.",
            "abuse_types": ["physical"],
        },
        steps=r.enquiry_record(
            risk={**STAFF_RISK, "crime_may_have_been_committed": "unknown"},
            extra=(EMPLOYER, REGULATOR),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m10-03-care-home-locks-her-in",
        story="""The home changed the door code so Edith cannot go out, "as she lacks
        capacity". No assessment of any decision and no best-interests decision.""",
        expected=frozenset({"M5.a", "M5.b"}),
        concern=HOME,
        steps=r.enquiry_record(
            risk=STAFF_RISK,
            extra=(
                EMPLOYER,
                REGULATOR,
                r.note(
                    "The home has changed the door code so she cannot go out, as she lacks capacity."
                ),
            ),
        ),
        outcomes=(
            Outcome(
                text="I want to go to the shop on my own like I used to.",
                revisions=r.OUTCOME.revisions,
                rating=r.RATED,
            ),
        ),
        closure=r.CONCLUDED,
    ),
]

"""Myth 6: "MSP can't work when a person refuses help and there is no way in.\""""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette, day

HOARDING = {
    "what_happened": "Her flat is full to the ceiling; the neighbour smells rotting food.",
    "abuse_types": ["self_neglect"],
    "sources_of_risk": ["known"],
    "person_wishes": "She wants to be left alone.",
}
SELF_NEGLECT = (
    "PUT",
    "self-neglect",
    {
        "background_and_history": "Has kept everything since her son died in 2012.",
        "trusted_person": "June, her neighbour of thirty years",
    },
)

VIGNETTES = [
    Vignette(
        id="m6-01-hoarding-no-history",
        story="""Edith's flat is full to the ceiling. The worker assessed the risk and made a
        plan, but recorded nothing about her life or who she trusts.""",
        expected=frozenset({"M6.b"}),
        concern=HOARDING,
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m6-02-two-visits-no-answer",
        story="""After one good talk Edith stopped answering the door. Two more visits, no
        answer, then closed as "other": "Did not answer door x2. Closed." No phone
        call, no letter, nobody she trusts asked to help.""",
        expected=frozenset({"M1.a", "M6.a"}),
        steps=r.declined_record(
            "phone",
            "letter",
            "seen_alone",
            extra=(
                r.contact(
                    contacted_on=day(-9),
                    outcome="no_answer",
                    who_was_present="",
                    seen_alone="not_applicable",
                    coercion_conclusion="",
                ),
                r.contact(
                    contacted_on=day(-5),
                    outcome="no_answer",
                    who_was_present="",
                    seen_alone="not_applicable",
                    coercion_conclusion="",
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure={
            **r.DECLINED,
            "reason": "other",
            "reason_details": "Did not answer door x2. Closed.",
        },
    ),
    Vignette(
        id="m6-03-lifestyle-choice",
        story="""The worker wrote "It is her lifestyle choice to live like this." There is
        no capacity assessment of any decision, nor anything on whether she can carry out
        what she decides.""",
        expected=frozenset({"M6.d"}),
        concern=HOARDING,
        steps=r.enquiry_record(
            extra=(SELF_NEGLECT, r.note("It is her lifestyle choice to live like this."))
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m6-04-daughter-always-there",
        story="""Her daughter was present at every visit; no one tried to speak to Edith
        on her own.""",
        expected=frozenset({"M6.c"}),
        steps=r.enquiry_record(
            seen_alone={
                "who_was_present": "Her daughter",
                "seen_alone": "no",
                "coercion_conclusion": "",
            },
            extra=(
                r.contact(
                    contacted_on=day(-7),
                    who_was_present="Her daughter",
                    seen_alone="no",
                    coercion_conclusion="",
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
]

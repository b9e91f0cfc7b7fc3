"""Myth 1: "If the person says they want nothing done, we can close the case."

Each story ends with the person declining, stopping engaging or not being
reached, however the worker recorded the ending."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette, day

GRANDSON_THERE = r.contact(
    contacted_on=day(-14),
    outcome="declined",
    who_was_present="Her grandson",
    seen_alone="no",
    coercion_conclusion="",
)

VIGNETTES = [
    Vignette(
        id="m1-01-other-not-engaging-nfa",
        story="""Edith said "leave it" with her grandson beside her. The worker phoned, wrote
        and visited once, never saw her alone, did not say what the options were or ask why
        she said no, and closed with "other": "Not engaging. NFA." No open door.""",
        expected=frozenset({"M1.a", "M1.b", "M1.d", "M1.f", "M6.c"}),
        steps=r.declined_record(
            "seen_alone",
            extra=(GRANDSON_THERE,),
            involvement={"options_explained": "", "reasons_for_declining": ""},
        ),
        outcomes=r.OUTCOMES,
        closure={
            **r.DECLINED,
            "reason": "other",
            "reason_details": "Not engaging. NFA.",
            "open_door": "",
        },
    ),
    Vignette(
        id="m1-02-declined-carer-others-at-risk",
        story="""Her agency carer has been taking cash. She declines any action because she
        likes the carer. The worker records that the carer visits other people at risk but
        tells no one: not the agency, not the PiPoT lead.""",
        expected=frozenset({"M1.e", "M3.a"}),
        concern={
            "what_happened": "Her agency carer has been taking cash from her purse.",
            "sources_of_risk": ["service_provider"],
            "person_wishes": "She does not want the carer to get into trouble.",
        },
        steps=r.declined_record(
            risk={
                "source_trust_role": "paid_carer",
                "source_has_contact_with_others_at_risk": "yes",
                "other_adults_at_risk": "yes",
                "risk_to_others": "The carer visits eleven other people for the agency.",
            }
        ),
        outcomes=r.OUTCOMES,
        closure=r.DECLINED,
    ),
    Vignette(
        id="m1-03-declined-doubt-about-capacity",
        story="""Edith declines. She seemed muddled about the day and about who her
        grandson is, and the worker records that they do not know whether she could make
        the decision, but closes without assessing her capacity to decline.""",
        expected=frozenset({"M1.c"}),
        steps=r.declined_record(
            extra=(
                r.note(
                    "She was muddled about the day and called her grandson by her late husband's name."
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure={**r.DECLINED, "lacked_capacity": "dont_know"},
    ),
    Vignette(
        id="m1-04-other-could-not-contact",
        story="""Three phone calls went unanswered. The worker wrote the options in a letter
        and offered the door back, but nobody ever saw or spoke to Edith, so no one knows
        whether someone was stopping her. Closed as "other": "Unable to contact".""",
        expected=frozenset({"M1.a", "M6.a"}),
        steps=r.declined_record(
            "phone",
            "letter",
            "seen_alone",
            extra=tuple(
                ("POST", "contacts", {**r.PHONE_NO_ANSWER, "contacted_on": day(-d)})
                for d in (18, 16, 12)
            ),
            involvement={
                "options_explained": "Wrote to her setting out a new bank card, an appointee and the police.",
                "reasons_for_declining": "Not known: we never reached her.",
            },
        ),
        outcomes=r.OUTCOMES,
        closure={**r.DECLINED, "reason": "other", "reason_details": "Unable to contact."},
    ),
]

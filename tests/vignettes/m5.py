"""Myth 5: "MSP is impossible when the person lacks mental capacity.\""""

from tests.vignettes import record as r
from tests.vignettes.engine import Outcome, Vignette, day

DAUGHTER_SUPPORTS = {
    "difficulty_understanding": True,
    "difficulty_retaining": True,
    "appropriate_individual": "yes",
    "appropriate_individual_name": "Ruth Marsh, her daughter",
    "individual_implicated": False,
    "result": "appropriate_individual",
    "reason": "Her daughter is not part of the concern and helps her say what she wants.",
}

THROUGH_RUTH = Outcome(
    text="Mum would want her money safe and to keep seeing her grandson.",
    whose_words="representative",
    representative_name="Ruth Marsh",
    representative_relationship="Daughter",
    revisions=(
        {
            "text": "Mum would want her money safe and him to visit with me there.",
            "reason": "Talked again with Ruth after the bank stopped the withdrawals.",
            "representative_name": "Ruth Marsh",
            "representative_relationship": "Daughter",
        },
    ),
    rating={"achievement": "partially", "person_view": "Ruth says Mum seems calmer."},
)

MONEY_ASSESSMENT = {
    "decision": "Whether she can manage her own bank account",
    "assessed_on": day(-10),
    "assessor_name": "Pat Okafor",
    "support_given": "Met in the morning with her glasses, using her own bank statements.",
    "understand": "unable",
    "understand_evidence": "Could not say what the withdrawals were, even with the statements.",
    "retain": "unable",
    "retain_evidence": "Did not remember the conversation ten minutes later.",
    "use_or_weigh": "unable",
    "use_or_weigh_evidence": "Could not weigh losing money against her grandson's visits.",
    "communicate": "able",
    "communicate_evidence": "Told me clearly she likes his visits.",
    "impairment": "yes",
    "impairment_evidence": "Vascular dementia diagnosed in 2023.",
}

LACKED = {**r.CONCLUDED, "lacked_capacity": "yes", "capacity_support": True}

VIGNETTES = [
    Vignette(
        id="m5-01-note-lacks-capacity",
        story="""A note says "Edith lacks capacity." No decision is named, no test recorded,
        and the case is closed as one where she lacked capacity.""",
        expected=frozenset({"M5.a"}),
        steps=r.enquiry_record(
            advocacy=DAUGHTER_SUPPORTS, extra=(r.note("Edith lacks capacity."),)
        ),
        outcomes=(THROUGH_RUTH,),
        closure=LACKED,
    ),
    Vignette(
        id="m5-02-visits-stopped-money-taken-over",
        story="""Her capacity to manage her bank account was properly assessed. Then the
        care agency was told to stop her grandson visiting and her daughter took her bank
        card, with no best-interests decision about either.""",
        expected=frozenset({"M5.b"}),
        steps=r.enquiry_record(
            advocacy=DAUGHTER_SUPPORTS,
            extra=(
                ("POST", "capacity-assessments", MONEY_ASSESSMENT),
                r.note(
                    "Told the agency to stop her grandson visiting. Her daughter now holds her bank card."
                ),
            ),
        ),
        outcomes=(THROUGH_RUTH,),
        closure=LACKED,
    ),
    Vignette(
        id="m5-03-lacks-capacity-so-no-outcomes",
        story=""""Lacks capacity, unable to express wishes" is given as the reason nobody
        asked what Edith wants; no one asked her daughter either.""",
        expected=frozenset({"M2.a", "M5.a", "M5.c"}),
        steps=r.enquiry_record(
            advocacy=DAUGHTER_SUPPORTS,
            referrer_action={"outcome_id": None},
            involvement={"outcomes_not_asked_reason": "Lacks capacity, unable to express wishes."},
        ),
    ),
    Vignette(
        id="m5-04-contact-spoke-to-son-instead",
        story="""At one visit the worker wrote "She has no capacity so I spoke to her son
        instead." Nothing else about capacity is recorded.""",
        expected=frozenset({"M5.a"}),
        steps=r.enquiry_record(
            extra=(
                r.contact(
                    outcome="third_party",
                    who_was_present="Her son",
                    seen_alone="no",
                    coercion_conclusion="",
                    notes="She has no capacity so I spoke to her son instead.",
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
]

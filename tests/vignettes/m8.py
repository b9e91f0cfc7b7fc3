"""Myth 8: "Safeguarding is about intervening and investigating when things go
wrong." Prevention, proportionate responses, enquiry not investigation."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette

TOLD_AND_FED_BACK = (
    (
        "PUT",
        "involvement",
        {"person_told": "yes", "person_involvement": "Talked it through with her at home."},
    ),
    ("POST", "referrer-feedback", r.FEEDBACK),
)

EARLIER = (
    (
        200,
        "Found on the floor by her carer; bruised arm.",
        "Gave her a falls pendant and our leaflet.",
    ),
    (
        90,
        "Missed her tablets for three days; the grandson had her prescription.",
        "Told her how to ask the pharmacy to deliver.",
    ),
)

VIGNETTES = [
    Vignette(
        id="m8-01-no-enquiry-nfa",
        story="""No enquiry was needed, the worker decided, and the response recorded is
        "NFA".""",
        expected=frozenset({"M8.a"}),
        decision={
            "result": "none",
            "proportionate_response": "none_needed",
            "response_details": "NFA",
        },
        steps=TOLD_AND_FED_BACK,
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="m8-02-safeguarding-investigation",
        story="""The worker's note reads "Started the safeguarding investigation today and
        will investigate the grandson's access to her account".""",
        expected=frozenset({"M8.b"}),
        steps=r.enquiry_record(
            extra=(
                r.note(
                    "Started the safeguarding investigation today and will investigate the grandson's access to her account."
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m8-03-third-concern-no-pattern-review",
        story="""This is the third concern about Edith in seven months. The first two were
        each closed after advice. The enquiry into the third is good, but nobody has looked
        at the pattern or called a risk meeting.""",
        expected=frozenset({"M8.d"}),
        earlier=EARLIER,
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m8-04-none-needed-no-further-action",
        story="""No enquiry; "none needed", reason "No further action required.\"""",
        expected=frozenset({"M8.a"}),
        decision={
            "result": "none",
            "proportionate_response": "none_needed",
            "response_details": "No further action required.",
        },
        steps=TOLD_AND_FED_BACK,
        closure={"reason": "no_enquiry"},
    ),
]

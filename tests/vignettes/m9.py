"""Myth 9: "Once the concern is with the council, it's over to them.\""""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette, day

VIGNETTES = [
    Vignette(
        id="m9-01-no-feedback-to-nurse",
        story="""A careful enquiry, closed without a word to the district nurse who raised
        it.""",
        expected=frozenset({"M9.a"}),
        steps=r.enquiry_record("feedback"),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m9-02-feedback-na",
        story="""Feedback to the nurse is recorded as given, and what she was told is
        "n/a".""",
        expected=frozenset({"M9.a"}),
        steps=r.enquiry_record(feedback={"what_was_said": "n/a"}),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m9-03-neighbour-never-hears",
        story="""A neighbour raised a concern. No enquiry was needed and Edith had a needs
        assessment, but the neighbour was never told anything.""",
        expected=frozenset({"M9.a"}),
        concern={
            "raised_via": "public",
            "referrer_name": "June Abbott",
            "referrer_job_title": "",
            "referrer_organisation": "",
            "referrer_relationship": "Neighbour",
        },
        decision={
            "result": "none",
            "proportionate_response": "needs_assessment",
            "response_details": "Needs assessment booked for next week.",
        },
        steps=(
            (
                "PUT",
                "involvement",
                {"person_told": "yes", "person_involvement": "Talked it through with her at home."},
            ),
        ),
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="m9-04-nurse-escalates-still-no-feedback",
        story="""The district nurse escalated because nothing seemed to happen. The case
        closed, and she still heard nothing back.""",
        expected=frozenset({"M9.a"}),
        steps=r.enquiry_record(
            "feedback",
            extra=(
                (
                    "POST",
                    "escalations",
                    {
                        "raised_on": day(-3),
                        "details": "Nobody has told me anything for two weeks.",
                    },
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
]

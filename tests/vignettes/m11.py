"""Myth 11: "People won't report, because safeguarding isn't safe."

M11.a asks that the person's experience be asked at closure (the MSP outcomes
framework's experience questions) or that a survey be pending. A closed case
joins the eight-week survey work list, which this suite takes as "pending"
unless the person cannot safely be written to or phoned."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette

UNREACHABLE = {
    "safe_to_phone": "not_safe",
    "safe_to_write": "not_safe",
    "safe_to_leave_message": "not_safe",
}

VIGNETTES = [
    Vignette(
        id="m11-01-no-survey-possible-not-asked",
        story="""Her partner reads her post and answers her phone, so no survey can reach
        her. At closure she was asked what outcomes she wanted, but not how the enquiry
        felt to her.""",
        expected=frozenset({"M11.a"}),
        person=UNREACHABLE,
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "experience_asked": "not_asked"},
    ),
    Vignette(
        id="m11-02-unreachable-msp-not-recorded",
        story="""Not safe to write or phone. The closure does not even record whether she
        was asked about outcomes, let alone her experience.""",
        expected=frozenset({"M11.a"}),
        person=UNREACHABLE,
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "msp_asked": "not_recorded", "experience_asked": None},
    ),
    Vignette(
        id="m11-03-experience-questions-skipped",
        story="""Reachable, but the worker skipped the experience questions at closure and
        said no survey should be sent.""",
        expected=frozenset({"M11.a"}),
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "experience_asked": "not_asked"},
    ),
]

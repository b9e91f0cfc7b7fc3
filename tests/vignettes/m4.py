"""Myth 4: "There is no time to do MSP." The advocacy duty (Care Act s67/s68)."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette

VIGNETTES = [
    Vignette(
        id="m4-01-no-advocacy-test",
        story="""A busy week: the enquiry went ahead without anyone asking whether Edith
        needed help to take part.""",
        expected=frozenset({"M4.a"}),
        steps=r.enquiry_record("advocacy"),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m4-02-declined-no-advocacy-test",
        story="""Edith said no at the first visit, so the worker saw no point in asking
        whether she needed an advocate to take part, and closed as declined.""",
        expected=frozenset({"M4.a"}),
        steps=r.declined_record("advocacy"),
        outcomes=r.OUTCOMES,
        closure=r.DECLINED,
    ),
    Vignette(
        id="m4-03-moved-away-no-advocacy-test",
        story="""A month of enquiry work after her stroke, with no advocacy test, then she
        moved to her daughter's in another area and the case was passed on.""",
        expected=frozenset({"M4.a"}),
        steps=r.enquiry_record("advocacy"),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "reason": "moved_away"},
    ),
]

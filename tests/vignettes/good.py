"""Good practice: careful records that must raise no finding at all."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette

NONE: frozenset[str] = frozenset()

VIGNETTES = [
    Vignette(
        id="good-01-enquiry-concluded",
        story="""Edith's grandson takes her pension. The worker saw her alone, asked what she
        wanted and asked again once the bank had acted, made the plan with her at her pace,
        gave the district nurse a part in it, decided about the police with reasons, told
        the nurse what happened, and closed with the outcome rated and the door open.""",
        expected=NONE,
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
]

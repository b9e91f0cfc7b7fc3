"""Myth 2: "MSP is just a chat over a cup of tea." Outcomes in the person's words,
revisited, rated; a plan made with them at their pace."""

from tests.vignettes import record as r
from tests.vignettes.engine import Outcome, Vignette

NO_OUTCOME_LINK = {"outcome_id": None}

VIGNETTES = [
    Vignette(
        id="m2-01-outcomes-never-asked",
        story="""A full enquiry is under way: visits, risk, plan. Nobody has written down
        what Edith wants, nor why she was not asked.""",
        expected=frozenset({"M2.a"}),
        steps=r.enquiry_record(referrer_action=NO_OUTCOME_LINK),
    ),
    Vignette(
        id="m2-02-asked-once-plan-without-pace",
        story="""Edith's wish was written down on day one and never revisited. The plan says
        how she took part but not the pace she chose.""",
        expected=frozenset({"M2.b", "M2.d"}),
        steps=r.enquiry_record(plan={"pace": ""}),
        outcomes=(Outcome(text="I want my pension to be mine again.", rating=r.RATED),),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m2-03-not-asked-reason-na",
        story="""The "why not asked" box says "n/a"; no outcome is recorded.""",
        expected=frozenset({"M2.a"}),
        steps=r.enquiry_record(
            referrer_action=NO_OUTCOME_LINK, involvement={"outcomes_not_asked_reason": "n/a"}
        ),
    ),
    Vignette(
        id="m2-04-not-rated-at-closure",
        story="""Outcomes were asked and revisited, but at closure nobody said whether they
        were achieved or what Edith thought.""",
        expected=frozenset({"M2.c"}),
        steps=r.enquiry_record(),
        outcomes=(Outcome(text=r.OUTCOME.text, revisions=r.OUTCOME.revisions),),
        closure=r.CONCLUDED,
    ),
]

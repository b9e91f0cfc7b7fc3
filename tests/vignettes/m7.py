"""Myth 7: "It's too complex: refer it to safeguarding and they will sort it.\""""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette

WORKER_ACTION = {"owner_kind": "worker", "owner_name": "Pat Okafor"}

VIGNETTES = [
    Vignette(
        id="m7-01-referred-only",
        story="""The district nurse who raised it is recorded as "Referred only." and has no
        action in the plan.""",
        expected=frozenset({"M7.a"}),
        steps=r.enquiry_record(
            referrer_action=WORKER_ACTION,
            involvement={
                "referrer_part_details": "Referred only.",
                "referrer_part": ["referred_only"],
            },
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m7-02-person-not-yet-told",
        story="""The enquiry closed while the record still says Edith has not yet been told
        that a concern was raised.""",
        expected=frozenset({"M7.b"}),
        steps=r.enquiry_record(involvement={"person_told": "not_yet"}),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m7-03-not-told-reason-na",
        story="""Edith was not told, "because of risk", and the reason given is "N/A".""",
        expected=frozenset({"M7.b"}),
        steps=r.enquiry_record(involvement={"person_told": "no_risk", "not_told_reason": "N/A"}),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m7-04-referrer-role-blank",
        story="""Nothing at all says what part the district nurse plays.""",
        expected=frozenset({"M7.a"}),
        steps=r.enquiry_record(
            referrer_action=WORKER_ACTION,
            involvement={"referrer_part_details": "", "referrer_part": []},
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
]

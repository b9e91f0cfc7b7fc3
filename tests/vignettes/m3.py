"""Myth 3: "If we follow the person's wish not to act, the abuser will go on to
abuse others." Duties of care and public interest remain."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette, day

CARER = {
    "what_happened": "Her agency carer has been taking cash from her purse.",
    "sources_of_risk": ["service_provider"],
    "person_wishes": "She does not want the carer to get into trouble.",
}
CARER_RISK = {
    "source_trust_role": "paid_carer",
    "source_has_contact_with_others_at_risk": "yes",
    "risk_to_others": "The carer visits other people for the agency.",
}

VIGNETTES = [
    Vignette(
        id="m3-01-paid-carer-no-one-told",
        story="""The carer who took Edith's cash works for an agency that visits many
        people. Edith wanted no fuss, so nobody told the agency, the regulator or the
        PiPoT lead.""",
        expected=frozenset({"M3.a"}),
        concern=CARER,
        steps=r.enquiry_record(risk=CARER_RISK),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m3-02-crime-not-yet-known-no-police-decision",
        story="""Whether taking her pension was theft is "not yet known"; nothing says
        whether the police were or should be involved, or why not.""",
        expected=frozenset({"M3.b"}),
        steps=r.enquiry_record(
            risk={
                "crime_may_have_been_committed": "unknown",
                "police_decision": None,
                "police_decision_reason": "",
            }
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m3-03-care-home-no-enquiry-no-action",
        story="""A resident of a care home says a night carer was rough with her. It was
        decided no enquiry was needed and the home's manager would "look into it". The
        concern names the provider as the source of risk, yet no action about the carer's
        contact with other residents is recorded.""",
        expected=frozenset({"M3.a"}),
        concern={
            "what_happened": "A night carer pulled her roughly out of bed and swore at her.",
            "abuse_types": ["physical"],
            "location_of_risk": "care_home_residential",
            "sources_of_risk": ["service_provider"],
            "person_wishes": "She wants it to stop.",
        },
        decision={
            "result": "none",
            "experiencing_or_at_risk": "unknown",
            "proportionate_response": "referral",
            "response_details": "Passed to the home's manager to look into.",
        },
        steps=(
            (
                "PUT",
                "involvement",
                {"person_told": "yes", "person_involvement": "Spoke with her at the home."},
            ),
            ("POST", "referrer-feedback", r.FEEDBACK),
        ),
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="m3-04-police-told-against-wishes-no-record",
        story="""Edith asked that the police not be involved. The worker reported her
        grandson to the police anyway, for good reasons, but nothing records the lawful
        basis, who decided, or whether Edith was told.""",
        expected=frozenset({"M3.c"}),
        concern={"person_wishes": "She does not want the police involved."},
        steps=r.enquiry_record(
            risk={
                "police_decision": "reported",
                "police_decision_reason": "He has taken over two thousand pounds.",
            },
            extra=(r.note("Reported to the police even though she asked us not to."),),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="m3-05-death-not-known-and-na",
        story="""Edith died in hospital during the enquiry. The worker recorded the date of
        death, "not known" for the questions the form insists on and "n/a" for how the
        review criteria were considered, and closed. (The API refuses a death recorded
        with its date alone.)""",
        expected=frozenset({"M3.d"}),
        steps=r.enquiry_record(
            extra=(
                (
                    "PUT",
                    "death",
                    {
                        "date_of_death": day(-1),
                        "others_remain_at_risk": "unknown",
                        "sar_criteria_may_be_met": "unknown",
                        "sar_considerations": "n/a",
                    },
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "reason": "person_died", "open_door": ""},
    ),
]

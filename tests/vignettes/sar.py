"""Themes that published Safeguarding Adults Reviews keep finding: self-neglect
and alcohol, coercive control, care homes, repeat concerns closed one by one,
and people lost in transitions between services. Stories are composites written
for this suite, not any one review."""

from tests.vignettes import record as r
from tests.vignettes.engine import Outcome, Step, Vignette, day


def enquiry_record_for_discharge() -> tuple[Step, ...]:
    return r.enquiry_record(
        "feedback",
        referrer_action={"owner_kind": "worker", "owner_name": "Pat Okafor"},
        involvement={"referrer_part_details": "Referred only.", "referrer_part": ["referred_only"]},
        risk={
            "source_trust_role": "staff",
            "source_has_contact_with_others_at_risk": "yes",
            "risk_to_others": "Other patients are discharged the same way.",
        },
        extra=(
            (
                "POST",
                "risk-actions",
                {
                    "kind": "employer",
                    "details": "Raised with the hospital's safeguarding lead.",
                    "done_on": day(-6),
                    "done_by": "Pat Okafor",
                },
            ),
        ),
    )


VIGNETTES = [
    Vignette(
        id="sar-01-self-neglect-alcohol",
        story="""Frank, 58, drinks heavily and has stopped eating; the flat is filthy. He
        told the worker on the phone to go away. The note says "Drinking is his lifestyle
        choice; he has capacity." Two phone calls, no visit, no history, nobody he trusts,
        no options put to him, no open door. Closed as "other": "Refusing services,
        has capacity".""",
        expected=frozenset({"M1.a", "M1.b", "M1.d", "M1.f", "M6.a", "M6.b", "M6.d"}),
        person={"given_name": "Frank", "family_name": "Doyle", "date_of_birth": "1968-01-20"},
        concern={
            "what_happened": "Drinking all day, not eating, flat filthy, fell twice this month.",
            "abuse_types": ["self_neglect"],
            "sources_of_risk": ["known"],
            "person_wishes": "Wants to be left alone.",
        },
        steps=r.declined_record(
            "phone",
            "letter",
            "seen_alone",
            extra=(
                ("POST", "contacts", {**r.PHONE_NO_ANSWER, "contacted_on": day(-15)}),
                (
                    "POST",
                    "contacts",
                    {
                        **r.PHONE_NO_ANSWER,
                        "contacted_on": day(-13),
                        "outcome": "declined",
                        "who_was_present": "No one else, he said",
                    },
                ),
                r.note("Drinking is his lifestyle choice; he has capacity."),
            ),
            involvement={"options_explained": "", "reasons_for_declining": ""},
        ),
        outcomes=(
            Outcome(
                text="Leave me alone.",
                revisions=(
                    {"text": "Just leave me alone.", "reason": "Asked again on the phone."},
                ),
                rating={"achievement": "not"},
            ),
        ),
        closure={
            **r.DECLINED,
            "reason": "other",
            "reason_details": "Refusing services, has capacity",
            "open_door": "",
        },
    ),
    Vignette(
        id="sar-02-coercive-control",
        story="""Her husband answers every question for Maya and controls the money. The
        worker tried once to see her alone; he would not leave. "She doesn't want any
        help," he said, and the case was closed as declined.""",
        expected=frozenset({"M1.a"}),
        person={"given_name": "Maya", "family_name": "Shah", "date_of_birth": "1979-07-02"},
        concern={
            "what_happened": "Her husband will not let her see the GP alone and keeps her bank card.",
            "abuse_types": ["domestic", "financial", "psychological"],
            "person_wishes": "Not known: he answered for her.",
        },
        steps=r.declined_record(
            "seen_alone",
            extra=(
                r.contact(
                    outcome="declined",
                    who_was_present="Her husband",
                    seen_alone="tried",
                    coercion_indicators=["answers_for_person", "controls_money"],
                    coercion_conclusion="",
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.DECLINED,
    ),
    Vignette(
        id="sar-03-care-home-pressure-sores",
        story="""Edith developed pressure sores in a nursing home where other residents
        share the same short-staffed night shift. The home was asked to look into it itself;
        nobody told the regulator, and her daughter's first words for her were never
        revisited.""",
        expected=frozenset({"M2.b", "M3.a"}),
        concern={
            "what_happened": "Grade 3 pressure sores; turning charts blank for nights.",
            "abuse_types": ["neglect", "organisational"],
            "location_of_risk": "care_home_nursing",
            "sources_of_risk": ["service_provider"],
        },
        steps=r.enquiry_record(
            risk={
                "source_trust_role": "staff",
                "source_has_contact_with_others_at_risk": "yes",
                "other_adults_at_risk": "yes",
                "risk_to_others": "Same night staff care for twenty residents.",
                "crime_may_have_been_committed": "no",
                "police_decision": None,
                "police_decision_reason": "",
            }
        ),
        outcomes=(
            Outcome(
                text="Mum would want to be comfortable and not in pain.",
                whose_words="representative",
                representative_name="Ruth Marsh",
                representative_relationship="Daughter",
                rating=r.RATED,
            ),
        ),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="sar-04-repeat-concerns-one-by-one",
        story="""A fall, then missed tablets, now the grandson has her bank card again.
        Each concern was closed on its own after advice; the third is closed "NFA,
        already known" with no look at the pattern.""",
        expected=frozenset({"M8.a", "M8.d"}),
        earlier=(
            (250, "Found on the floor by her carer; bruised arm.", "Gave her a falls pendant."),
            (
                120,
                "Missed her tablets for three days.",
                "Told her how to ask the pharmacy to deliver.",
            ),
        ),
        decision={
            "result": "none",
            "experiencing_or_at_risk": "unknown",
            "proportionate_response": "none_needed",
            "response_details": "NFA, already known",
        },
        steps=(
            ("PUT", "involvement", {"person_told": "yes", "person_involvement": "Phoned her."}),
            ("POST", "referrer-feedback", r.FEEDBACK),
        ),
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="sar-05-moved-area-referrer-dropped",
        story="""Edith moved to her daughter's in another council's area mid-enquiry. The
        case was passed on ("Moved to Leeds, passed to Leeds ASC") and closed; the district
        nurse who raised it was never told.""",
        expected=frozenset({"M9.a"}),
        steps=r.enquiry_record("feedback"),
        outcomes=r.OUTCOMES,
        closure={
            **r.CONCLUDED,
            "reason": "other",
            "reason_details": "Moved to Leeds, passed to Leeds ASC",
        },
    ),
    Vignette(
        id="sar-06-hoarding-fire-death",
        story="""Edith died in a fire in her cluttered flat. Her history and trusted
        neighbour were on record. The death was recorded with "not known" for the
        neighbours and "n/a" for the review criteria.""",
        expected=frozenset({"M3.d"}),
        concern={
            "what_happened": "Flat full to the ceiling; candles used since the electricity was cut off.",
            "abuse_types": ["self_neglect"],
        },
        steps=r.enquiry_record(
            extra=(
                (
                    "PUT",
                    "self-neglect",
                    {
                        "background_and_history": "Hoarding since her son died in 2012.",
                        "trusted_person": "June, her neighbour",
                    },
                ),
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
    Vignette(
        id="sar-07-transition-to-adult-services",
        story="""Liam, 18, has a learning disability and has just left children's services.
        College says older "friends" take his money. No enquiry: referred to the
        transitions team. Nobody told Liam a concern had been raised.""",
        expected=frozenset({"M7.b"}),
        person={"given_name": "Liam", "family_name": "Carter", "date_of_birth": "2007-11-01"},
        concern={
            "raised_via": "partner",
            "referrer_name": "Sam Ode",
            "referrer_job_title": "Student support",
            "referrer_organisation": "Northmoor College",
            "what_happened": "Older men he calls friends take his bursary each week.",
            "abuse_types": ["financial", "sexual_exploitation"],
            "location_of_risk": "community",
        },
        decision={
            "result": "none",
            "proportionate_response": "referral",
            "response_details": "Referred to the transitions team for a needs assessment.",
        },
        steps=(
            ("PUT", "involvement", {"person_told": "not_yet", "person_involvement": ""}),
            ("POST", "referrer-feedback", r.FEEDBACK),
        ),
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="sar-08-hospital-discharge-hand-off",
        story="""The hospital discharge team raised a concern as Edith went home with no
        care in place. The enquiry went well with Edith, but the ward that raised it was
        recorded as "Referred only." and never heard back.""",
        expected=frozenset({"M7.a", "M9.a"}),
        concern={
            "referrer_name": "Kofi Mensah",
            "referrer_job_title": "Discharge coordinator",
            "referrer_organisation": "Northmoor General Hospital",
            "what_happened": "Sent home after a fall with no care package and no food in.",
            "abuse_types": ["neglect"],
            "location_of_risk": "hospital_acute",
            "sources_of_risk": ["service_provider"],
        },
        steps=enquiry_record_for_discharge(),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
]

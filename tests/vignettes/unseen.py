"""A second, blind vignette set: twenty stories written from myths.md and
domain.md only, without reading the guard's code, to measure the guard on
records it was not tuned against. Half are poor practice, half good.

Themes are those published Safeguarding Adults Reviews keep returning to:
self-neglect and alcohol, coercive control, care homes, repeat concerns closed
one at a time, and young people moving from children's to adult services. The
stories are composites written for this suite. The wording deliberately differs
from the first set (other phrasings of "lifestyle choice", "no further action",
"investigation"), since a worker's words vary.

Where the guard disagrees with what a story expects, the vignette carries an
``xfail`` note (strict): the miss is recorded in docs/guard-accuracy.md, and
the guard is not changed to suit this set.
"""

from tests.vignettes import record as r
from tests.vignettes.engine import Outcome, Vignette, day

NONE: frozenset[str] = frozenset()

# --- people and concerns -----------------------------------------------------

DEREK = {"given_name": "Derek", "family_name": "Holt", "date_of_birth": "1963-05-14"}
DRINKING = {
    "what_happened": (
        "Drinking from morning; the kitchen has no food and the toilet is blocked. "
        "His neighbour found him on the stairs twice this month."
    ),
    "abuse_types": ["self_neglect"],
    "sources_of_risk": ["known"],
    "person_wishes": "He says he is fine and wants the neighbour to stop fussing.",
}
DEREK_HISTORY = (
    "PUT",
    "self-neglect",
    {
        "background_and_history": (
            "Lost his job and his marriage in 2019; drinking rose after his brother died. "
            "Two hospital stays for falls last winter."
        ),
        "trusted_person": "Bev, the landlady of his old local, who still calls in",
    },
)
DEREK_CAPACITY = (
    "POST",
    "capacity-assessments",
    {
        "decision": "Whether to accept a home detox and daily meals",
        "assessed_on": day(-9),
        "assessor_name": "Pat Okafor",
        "support_given": "Visited at 10am before he had a drink, with Bev there at his request.",
        "understand": "able",
        "understand_evidence": "Explained in his own words what the detox and the meals involve.",
        "retain": "able",
        "retain_evidence": "Repeated the plan back the next day.",
        "use_or_weigh": "able",
        "use_or_weigh_evidence": "Set the risk of another fall against wanting no strangers at home.",
        "communicate": "able",
        "communicate_evidence": "Clear throughout.",
        "impairment": "no",
        "executive_function": (
            "Says he will eat if meals are brought, but has not managed to buy food in weeks: "
            "the plan gives him delivered meals rather than relying on his say-so."
        ),
    },
)

AISHA = {"given_name": "Aisha", "family_name": "Rahman", "date_of_birth": "1984-09-30"}
COERCION = {
    "what_happened": (
        "Her partner keeps her phone and her benefits card; she missed three clinic "
        "appointments and was seen with a bruised wrist."
    ),
    "abuse_types": ["domestic", "psychological", "financial"],
    "sources_of_risk": ["known"],
    "person_wishes": "Not known yet: her partner answered every call.",
}
PARTNER_THERE = {
    "contacted_on": day(-16),
    "method": "visit",
    "outcome": "spoke",
    "who_was_present": "Her partner",
    "seen_alone": "tried",
    "coercion_indicators": ["answers_for_person", "controls_money"],
    "coercion_conclusion": "He would not leave the room and answered for her; we arranged to see her at the clinic.",
}
SEEN_AT_CLINIC = {
    "contacted_on": day(-12),
    "method": "meeting",
    "outcome": "spoke",
    "who_was_present": "No one else: met in a clinic room while he waited outside",
    "seen_alone": "yes",
    "coercion_indicators": ["fear", "controls_money"],
    "coercion_conclusion": "Alone she said he takes her money and she is frightened of him.",
}

HOME = {
    "what_happened": (
        "Three residents on the dementia unit were given the wrong medicines in a week; "
        "the night staff rota has one carer for eighteen people."
    ),
    "abuse_types": ["neglect", "organisational"],
    "location_of_risk": "care_home_nursing",
    "sources_of_risk": ["service_provider"],
    "person_wishes": "Her son says she would want to feel safe and not be woken in the night.",
}
HOME_RISK = {
    "source_trust_role": "staff",
    "source_has_contact_with_others_at_risk": "yes",
    "other_adults_at_risk": "yes",
    "risk_to_others": "Every resident on the dementia unit is cared for by the same night shift.",
    "crime_may_have_been_committed": "no",
    "police_decision": None,
    "police_decision_reason": "",
}
TOLD_PROVIDER = (
    "POST",
    "risk-actions",
    {
        "kind": "employer",
        "details": "Met the registered manager and agreed a second night carer from Monday.",
        "done_on": day(-7),
        "done_by": "Pat Okafor",
    },
)
TOLD_REGULATOR = (
    "POST",
    "risk-actions",
    {
        "kind": "regulator",
        "details": "Shared the medicines errors and the rota with the CQC inspector.",
        "done_on": day(-6),
        "done_by": "Pat Okafor",
    },
)
SON_SPEAKS = Outcome(
    text="Mum would want to feel safe at night and get the right tablets.",
    whose_words="representative",
    representative_name="Graham Marsh",
    representative_relationship="Son",
    revisions=(
        {
            "text": "Mum would want the same carers at night, people she knows.",
            "reason": "Graham visited after the new rota and asked for familiar faces.",
            "representative_name": "Graham Marsh",
            "representative_relationship": "Son",
        },
    ),
    rating={"achievement": "partially", "person_view": "Graham says she sleeps better."},
)
SON_ADVOCACY = {
    "assessed_on": day(-15),
    "difficulty_understanding": True,
    "difficulty_retaining": True,
    "appropriate_individual": "yes",
    "appropriate_individual_name": "Graham Marsh, her son",
    "individual_implicated": False,
    "result": "appropriate_individual",
    "reason": "Her son visits daily, is not part of the concern and knows what matters to her.",
}

EARLIER = (
    (300, "Found wandering at the bus station at night.", "Gave her daughter the carers' line."),
    (160, "Pension spent by the second week; no gas on.", "Gave advice on budgeting support."),
)

KAI = {"given_name": "Kai", "family_name": "Brennan", "date_of_birth": "2007-10-02"}
LEAVING_CARE = {
    "raised_via": "partner",
    "referrer_name": "Dee Walsh",
    "referrer_job_title": "Personal adviser, leaving care team",
    "referrer_organisation": "Northmoor Children's Services",
    "what_happened": (
        "Turned 18 last month and moved into a flat alone; older men stay there and "
        "his flat is used to sell drugs."
    ),
    "abuse_types": ["financial", "modern_slavery"],
    "location_of_risk": "own_home",
    "sources_of_risk": ["known"],
    "person_wishes": "He wants his own place and the men to stop coming.",
}
MUM_ADVOCACY = {
    "assessed_on": day(-15),
    "difficulty_understanding": True,
    "difficulty_using_or_weighing": True,
    "appropriate_individual": "no",
    "result": "advocate_arranged",
    "advocate_name": "Jo Pike, Northmoor Advocacy",
    "advocate_arranged_on": day(-14),
    "reason": "He finds meetings hard to follow; his mum is estranged, so an advocate was arranged.",
}

TOLD_AND_FED_BACK = (
    (
        "PUT",
        "involvement",
        {"person_told": "yes", "person_involvement": "Talked it over with her."},
    ),
    ("POST", "referrer-feedback", r.FEEDBACK),
)


VIGNETTES = [
    # --- poor practice ----------------------------------------------------------
    Vignette(
        id="u-p01-alcohol-his-choice",
        story="""Derek drinks from morning and has stopped eating. The enquiry plan is
        sound, but the only word on his decisions is "Derek has chosen this way of life;
        adults are entitled to make unwise decisions." Nothing about his life before, who
        he trusts, or whether he can do what he says he will.""",
        expected=frozenset({"M6.b", "M6.d"}),
        person=DEREK,
        concern=DRINKING,
        steps=r.enquiry_record(
            extra=(
                r.note(
                    "Derek has chosen this way of life; adults are entitled to make unwise decisions."
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-p02-partner-in-the-room",
        story="""Aisha's partner was in the room at every visit and answered for her. She
        said she wanted nothing done, and the case was closed as declined. Nobody tried to
        see her on her own, and nothing says whether she was being controlled.""",
        expected=frozenset({"M1.a", "M6.c"}),
        person=AISHA,
        concern=COERCION,
        steps=r.declined_record(
            "seen_alone",
            extra=(
                r.contact(
                    contacted_on=day(-15),
                    outcome="declined",
                    who_was_present="Her partner",
                    seen_alone="no",
                    coercion_indicators=[],
                    coercion_conclusion="",
                ),
                r.contact(
                    contacted_on=day(-10),
                    outcome="declined",
                    who_was_present="Her partner",
                    seen_alone="no",
                    coercion_indicators=[],
                    coercion_conclusion="",
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.DECLINED,
    ),
    Vignette(
        id="u-p03-care-home-death-no-one-told",
        story="""Edith died after a fall on a short-staffed night in her nursing home. The
        death and the review question were thought through, but nobody told the provider,
        the regulator or anyone else, though the same night shift cares for every resident
        on the unit.""",
        expected=frozenset({"M3.a"}),
        concern=HOME,
        steps=r.enquiry_record(
            advocacy=SON_ADVOCACY,
            risk=HOME_RISK,
            extra=(
                (
                    "PUT",
                    "death",
                    {
                        "date_of_death": day(-2),
                        "others_remain_at_risk": "yes",
                        "sar_criteria_may_be_met": "yes",
                        "sar_considerations": "Referred to the board's review group: staffing may have played a part.",
                        "sar_referred_on": day(-1),
                    },
                ),
            ),
        ),
        outcomes=(SON_SPEAKS,),
        closure={**r.CONCLUDED, "reason": "person_died", "open_door": ""},
    ),
    Vignette(
        id="u-p04-third-concern-advice-again",
        story="""Night wandering, then no gas, now her daughter says her neighbour has her
        cash card. Each concern had advice and was closed; this one too: "Advised again
        about budgeting support". Three in a year, and no one looked at them together.""",
        expected=frozenset({"M8.d"}),
        earlier=EARLIER,
        concern={"what_happened": "Her neighbour has her cash card and does her shopping."},
        decision={
            "result": "none",
            "proportionate_response": "information_advice",
            "response_details": "Advised again about budgeting support and gave the money advice line.",
        },
        steps=TOLD_AND_FED_BACK,
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="u-p05-care-leaver-handed-off",
        story="""Kai turned 18 and left children's services. Nobody asked whether he needed
        help to take part in the enquiry, and his personal adviser, who knows him best, is
        recorded as "Passed to adults.", with no other part.""",
        expected=frozenset({"M4.a", "M7.a"}),
        person=KAI,
        concern=LEAVING_CARE,
        steps=r.enquiry_record(
            "advocacy",
            referrer_action={"owner_kind": "worker", "owner_name": "Pat Okafor"},
            involvement={
                "referrer_part_details": "Passed to adults.",
                "referrer_part": ["referred_only"],
            },
        ),
        outcomes=(
            Outcome(
                text="I want my own flat back to myself.",
                revisions=(
                    {"text": "I want the locks changed and them gone.", "reason": "Asked again."},
                ),
                rating=r.RATED,
            ),
        ),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-p06-domestic-abuse-crime-no-police-decision",
        story="""Aisha was seen alone and told the worker her partner hit her and takes her
        money. The record agrees a crime may have been committed and says the police were
        not told; the reason given is "n/a".""",
        expected=frozenset({"M3.b"}),
        person=AISHA,
        concern=COERCION,
        steps=r.enquiry_record(
            seen_alone=SEEN_AT_CLINIC,
            risk={"police_decision": "not_reported", "police_decision_reason": "n/a"},
            extra=(("POST", "contacts", PARTNER_THERE),),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-p07-investigating-the-home",
        story="""The worker's notes on the care home read "Our investigation found the
        rota short; investigating officer to write up." The council made an enquiry; no
        police or regulator investigation is involved.""",
        expected=frozenset({"M8.b"}),
        concern=HOME,
        steps=r.enquiry_record(
            advocacy=SON_ADVOCACY,
            risk=HOME_RISK,
            extra=(
                TOLD_PROVIDER,
                TOLD_REGULATOR,
                r.note(
                    "Our investigation found the rota short; investigating officer to write up."
                ),
            ),
        ),
        outcomes=(SON_SPEAKS,),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-p08-two-letters-not-engaging",
        story="""Two letters went unanswered. No call, no visit, no one she trusts asked to
        help. Closed as "other": "Not engaging with the process".""",
        expected=frozenset({"M1.a", "M6.a"}),
        steps=r.declined_record(
            "phone",
            "letter",
            "seen_alone",
            extra=tuple(
                ("POST", "contacts", {**r.LETTER_SENT, "contacted_on": day(-d)}) for d in (18, 10)
            ),
            involvement={
                "options_explained": "The letters set out a new bank card, an appointee and the police.",
                "reasons_for_declining": "Not known: she has not replied.",
            },
        ),
        outcomes=r.OUTCOMES,
        closure={
            **r.DECLINED,
            "reason": "other",
            "reason_details": "Not engaging with the process.",
        },
    ),
    Vignette(
        id="u-p09-best-interests-no-one-asked",
        story="""Edith lacks capacity to manage her bank account, properly assessed. The
        best-interests decision hands her money to an appointee; her past and present wishes
        are "n/a" and "not known", and the only person "consulted" is the worker who
        decided.""",
        expected=frozenset({"M5.b"}),
        steps=r.enquiry_record(
            advocacy={
                "difficulty_understanding": True,
                "difficulty_retaining": True,
                "appropriate_individual": "yes",
                "appropriate_individual_name": "Ruth Marsh, her daughter",
                "individual_implicated": False,
                "result": "appropriate_individual",
                "reason": "Her daughter is not part of the concern and helps her take part.",
            },
            extra=(
                (
                    "POST",
                    "capacity-assessments",
                    {
                        "decision": "Whether she can manage her own bank account",
                        "assessed_on": day(-10),
                        "assessor_name": "Pat Okafor",
                        "support_given": "Used her own statements, in the morning.",
                        "understand": "unable",
                        "understand_evidence": "Could not say what the withdrawals were.",
                        "retain": "unable",
                        "retain_evidence": "Forgot the conversation within minutes.",
                        "use_or_weigh": "unable",
                        "use_or_weigh_evidence": "Could not weigh the losses.",
                        "communicate": "able",
                        "communicate_evidence": "Spoke clearly.",
                        "impairment": "yes",
                        "impairment_evidence": "Alzheimer's disease diagnosed in 2022.",
                    },
                ),
                (
                    "POST",
                    "best-interests-decisions",
                    {
                        "decision": "Who manages her bank account",
                        "capacity_assessment_id": "{last_id}",
                        "past_wishes": "n/a",
                        "present_wishes": "Not known.",
                        "beliefs_and_values": "",
                        "consulted": [
                            {"name": "Pat Okafor", "role": "professional", "views": "Safest."}
                        ],
                        "less_restrictive_options": "None.",
                        "outcome": "The council becomes appointee for her pension.",
                        "reasons": "Safest option.",
                        "decision_maker": "Pat Okafor",
                        "decided_on": day(-6),
                    },
                ),
            ),
        ),
        outcomes=(
            Outcome(
                text="Mum would want her money safe.",
                whose_words="representative",
                representative_name="Ruth Marsh",
                representative_relationship="Daughter",
                revisions=(
                    {
                        "text": "Mum would want her money safe and to buy her own paper.",
                        "reason": "Talked again with Ruth.",
                        "representative_name": "Ruth Marsh",
                        "representative_relationship": "Daughter",
                    },
                ),
                rating={"achievement": "fully", "person_view": "Ruth is relieved."},
            ),
        ),
        closure={**r.CONCLUDED, "lacked_capacity": "yes", "capacity_support": True},
    ),
    Vignette(
        id="u-p10-alcohol-death-none",
        story="""Derek died at home, alone, three weeks after the concern. His history and
        Bev were on record. The death was recorded with "don't know" for whether anyone
        else is at risk and "None." for how the review criteria were weighed.""",
        expected=frozenset({"M3.d"}),
        person=DEREK,
        concern=DRINKING,
        steps=r.enquiry_record(
            extra=(
                DEREK_HISTORY,
                (
                    "PUT",
                    "death",
                    {
                        "date_of_death": day(-1),
                        "others_remain_at_risk": "unknown",
                        "sar_criteria_may_be_met": "unknown",
                        "sar_considerations": "None.",
                    },
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "reason": "person_died", "open_door": ""},
    ),
    # --- good practice ----------------------------------------------------------
    Vignette(
        id="u-g01-alcohol-capacity-and-doing",
        story="""Derek's drinking and his empty kitchen: the worker recorded his losses and
        that Bev is the one he lets in, assessed his capacity to turn down a detox,
        including whether he can do what he says, and wrote that calling it his choice
        would not be enough.""",
        expected=NONE,
        person=DEREK,
        concern=DRINKING,
        steps=r.enquiry_record(
            extra=(
                DEREK_HISTORY,
                DEREK_CAPACITY,
                r.note(
                    "He can weigh the detox and say no: that is his decision to make. "
                    "He cannot yet act on wanting to eat, so meals are delivered."
                ),
            )
        ),
        outcomes=(
            Outcome(
                text="I want to stay in my flat and not end up in hospital again.",
                revisions=(
                    {
                        "text": "Stay in my flat, with Bev popping in and meals I don't have to cook.",
                        "reason": "Asked again after the first week of meals.",
                    },
                ),
                rating=r.RATED,
            ),
        ),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-g02-seen-alone-at-the-clinic",
        story="""Aisha's partner answered for her at home, so the worker arranged to see
        her alone at the clinic, where she said he takes her money and she is afraid. The
        police were told with her agreement and the plan went at her pace.""",
        expected=NONE,
        person=AISHA,
        concern=COERCION,
        steps=r.enquiry_record(
            seen_alone=SEEN_AT_CLINIC,
            risk={
                "police_decision": "reported",
                "police_decision_reason": "She agreed to report the assault once a refuge place was ready.",
            },
            extra=(("POST", "contacts", PARTNER_THERE),),
        ),
        outcomes=(
            Outcome(
                text="I want to be safe and have my own money.",
                revisions=(
                    {
                        "text": "I want to move to the refuge and open my own account.",
                        "reason": "Talked again at the clinic once a refuge place came up.",
                    },
                ),
                rating=r.RATED,
            ),
        ),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-g03-care-home-provider-and-regulator",
        story="""Medicines errors on a short-staffed dementia unit: the provider and the
        regulator were both told, Edith's son speaks for her and was asked again once the
        new rota started.""",
        expected=NONE,
        concern=HOME,
        steps=r.enquiry_record(
            advocacy=SON_ADVOCACY,
            risk=HOME_RISK,
            extra=(TOLD_PROVIDER, TOLD_REGULATOR),
        ),
        outcomes=(SON_SPEAKS,),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-g04-third-concern-pattern-looked-at",
        story="""The third concern this year, and no enquiry was needed for it alone; but
        the worker read all three together, saw her money and safety slipping, and called
        a multi-agency risk meeting before closing.""",
        expected=NONE,
        earlier=EARLIER,
        concern={"what_happened": "Her neighbour has her cash card and does her shopping."},
        decision={
            "result": "none",
            "proportionate_response": "needs_assessment",
            "response_details": "A needs assessment, looking at her money and memory together.",
        },
        steps=(
            (
                "PUT",
                "involvement",
                {
                    "person_told": "yes",
                    "person_involvement": "Went through all three concerns with her and her daughter.",
                    "pattern_review": "Wandering, no gas and now her card: her memory is failing. Risk meeting held with the GP and the bank.",
                },
            ),
            ("POST", "referrer-feedback", r.FEEDBACK),
        ),
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="u-g05-care-leaver-with-advocate",
        story="""Kai, just 18, finds meetings hard and has no one to support him, so an
        advocate was arranged. His personal adviser keeps seeing him and owns the plan's
        action to change the locks; Kai knows who raised the concern and why.""",
        expected=NONE,
        person=KAI,
        concern=LEAVING_CARE,
        steps=r.enquiry_record(
            advocacy=MUM_ADVOCACY,
            referrer_action={
                "description": "Get the locks changed and check weekly that the men are gone",
                "owner_name": "Dee Walsh",
            },
            involvement={
                "referrer_part_details": "Dee, his personal adviser, keeps visiting weekly.",
                "referrer_part": ["plan_actions", "ongoing_support"],
            },
        ),
        outcomes=(
            Outcome(
                text="I want my own flat back to myself.",
                revisions=(
                    {
                        "text": "I want the locks changed and them gone for good.",
                        "reason": "Asked again with his advocate there.",
                    },
                ),
                rating=r.RATED,
            ),
        ),
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="u-g06-alcohol-declined-done-well",
        story="""Derek turned the plan down. He was phoned, written to and seen alone; his
        history and the person he trusts are recorded; he was told what each option would
        mean and why he says no is in his words; the door stays open through Bev.""",
        expected=NONE,
        person=DEREK,
        concern=DRINKING,
        steps=r.declined_record(
            involvement={
                "options_explained": "Home detox, meals delivered, a day centre: what each would mean for him.",
                "reasons_for_declining": "He says strangers in the flat make him drink more.",
            },
            extra=(DEREK_HISTORY,),
        ),
        outcomes=r.OUTCOMES,
        closure={
            **r.DECLINED,
            "open_door": "Bev has the duty number and he knows he can ring any time.",
        },
    ),
    Vignette(
        id="u-g07-lacks-capacity-where-to-live",
        story="""Edith lacks capacity to decide where she lives after her fall, properly
        assessed. The best-interests decision records what she always said about home, what
        she says now, and what her daughter and the GP think; her daughter speaks for her
        outcomes, marked as hers.""",
        expected=NONE,
        steps=r.enquiry_record(
            advocacy=SON_ADVOCACY,
            extra=(
                (
                    "POST",
                    "capacity-assessments",
                    {
                        "decision": "Whether to move to a care home or go home with care",
                        "assessed_on": day(-10),
                        "assessor_name": "Pat Okafor",
                        "support_given": "Photos of both places, two short visits, her son there.",
                        "understand": "unable",
                        "understand_evidence": "Could not say what care she needs at night.",
                        "retain": "unable",
                        "retain_evidence": "Did not recall the first visit.",
                        "use_or_weigh": "unable",
                        "use_or_weigh_evidence": "Could not set her falls against going home.",
                        "communicate": "able",
                        "communicate_evidence": "Said clearly she loves her garden.",
                        "impairment": "yes",
                        "impairment_evidence": "Vascular dementia, diagnosed 2021.",
                    },
                ),
                (
                    "POST",
                    "best-interests-decisions",
                    {
                        "decision": "Where she lives after leaving hospital",
                        "capacity_assessment_id": "{last_id}",
                        "past_wishes": "Always said she would die in her own house.",
                        "present_wishes": "Wants to see her garden.",
                        "beliefs_and_values": "Fiercely independent.",
                        "consulted": [
                            {"name": "Graham Marsh", "role": "family", "views": "Home with care."},
                            {
                                "name": "Dr Iqbal",
                                "role": "professional",
                                "views": "Home is possible with night checks.",
                            },
                        ],
                        "less_restrictive_options": "Home with four visits a day and a falls sensor.",
                        "outcome": "Home with four visits a day, reviewed in a month.",
                        "reasons": "Keeps her at home, as she always wanted, with the risk at night covered.",
                        "decision_maker": "Pat Okafor",
                        "decided_on": day(-6),
                    },
                ),
            ),
        ),
        outcomes=(
            Outcome(
                text="Mum would want to be at home with her garden.",
                whose_words="representative",
                representative_name="Graham Marsh",
                representative_relationship="Son",
                revisions=(
                    {
                        "text": "Mum would want to be home, with someone there at night.",
                        "reason": "Talked again after the night falls.",
                        "representative_name": "Graham Marsh",
                        "representative_relationship": "Son",
                    },
                ),
                rating={"achievement": "fully", "person_view": "Graham says she is happy home."},
            ),
        ),
        closure={**r.CONCLUDED, "lacked_capacity": "yes", "capacity_support": True},
    ),
    Vignette(
        id="u-g08-alcohol-death-review-referred",
        story="""Derek died at home. His history and Bev were on record. The record says no
        one else depends on him or is at risk, and that the case was sent to the board's
        review group because agencies did not share what they knew.""",
        expected=NONE,
        person=DEREK,
        concern=DRINKING,
        steps=r.enquiry_record(
            extra=(
                DEREK_HISTORY,
                DEREK_CAPACITY,
                (
                    "PUT",
                    "death",
                    {
                        "date_of_death": day(-1),
                        "others_remain_at_risk": "no",
                        "sar_criteria_may_be_met": "yes",
                        "sar_considerations": (
                            "He lived alone and no one else was at risk; the GP, the hospital and "
                            "housing each knew part of the picture, so referred to the review group."
                        ),
                        "sar_referred_on": day(-1),
                    },
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "reason": "person_died", "open_door": ""},
    ),
    Vignette(
        id="u-g09-experience-asked-at-closure",
        # Lead's decision: M11.a stays as a prompt (it never blocks) until the answers
        # are recorded, because myths.md also asks that the answers are reported in
        # aggregate, which needs them recorded; it clears when the survey response is.
        story="""Aisha cannot safely be written to or phoned, so no survey can reach her.
        The worker asked her the experience questions in person at the last clinic visit
        and will record her answers.""",
        expected=frozenset({"M11.a"}),
        person={
            **AISHA,
            "safe_to_phone": "not_safe",
            "safe_to_write": "not_safe",
            "safe_to_leave_message": "not_safe",
        },
        concern=COERCION,
        steps=r.enquiry_record(
            seen_alone=SEEN_AT_CLINIC,
            risk={
                "police_decision": "reported",
                "police_decision_reason": "She agreed to report him once she was in the refuge.",
            },
        ),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "experience_asked": "at_closure"},
    ),
    Vignette(
        id="u-g10-controlled-declines-safely",
        story="""Seen alone at the clinic, Aisha said she is not ready to leave her partner.
        The worker had tried at home, weighed his control of her money and phone, explained
        a refuge, the police and a specialist domestic abuse worker, recorded her reasons,
        and agreed a safe way back: the clinic nurse will pass on a word.""",
        expected=NONE,
        person=AISHA,
        concern=COERCION,
        steps=r.declined_record(
            "seen_alone",
            extra=(
                ("POST", "contacts", PARTNER_THERE),
                ("POST", "contacts", {**SEEN_AT_CLINIC, "outcome": "declined"}),
            ),
            risk={
                "police_decision": "not_reported",
                "police_decision_reason": (
                    "She has capacity for this and fears reporting now would put her in more "
                    "danger; no children or other adults live with him; she knows how to report."
                ),
            },
            involvement={
                "options_explained": "A refuge, reporting to the police, a domestic abuse worker: what each would mean.",
                "reasons_for_declining": "She is afraid he will find out and that she would lose her home.",
            },
        ),
        outcomes=r.OUTCOMES,
        closure={
            **r.DECLINED,
            "open_door": "The clinic nurse will pass on a word; she knows the code phrase for help.",
        },
    ),
]

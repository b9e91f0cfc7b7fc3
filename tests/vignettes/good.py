"""Good practice: careful records that must raise no finding at all."""

from tests.vignettes import record as r
from tests.vignettes.engine import Vignette, day
from tests.vignettes.m5 import DAUGHTER_SUPPORTS, LACKED, MONEY_ASSESSMENT, THROUGH_RUTH
from tests.vignettes.m8 import EARLIER

NONE: frozenset[str] = frozenset()

CARER = {
    "what_happened": "Her agency carer has been taking cash from her purse.",
    "sources_of_risk": ["service_provider"],
    "person_wishes": "She does not want the carer to get into trouble.",
}

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
    Vignette(
        id="good-02-declined-done-well",
        story="""Edith declines. She was phoned, written to and seen alone; the options and
        what each would mean were explained; her reasons are in her words; others are not
        at risk; the door is open.""",
        expected=NONE,
        steps=r.declined_record(),
        outcomes=r.OUTCOMES,
        closure=r.DECLINED,
    ),
    Vignette(
        id="good-03-no-enquiry-needs-assessment",
        story="""The bruise was from a fall her carer saw. No enquiry was needed; an
        occupational therapist reviews her falls risk; she knows about the concern and the
        nurse has been told what happened.""",
        expected=NONE,
        concern={"what_happened": "A large bruise on her arm.", "abuse_types": ["physical"]},
        decision={"result": "none"},
        steps=(
            (
                "PUT",
                "involvement",
                {"person_told": "yes", "person_involvement": "Talked it through with her at home."},
            ),
            ("POST", "referrer-feedback", r.FEEDBACK),
        ),
        closure={"reason": "no_enquiry"},
    ),
    Vignette(
        id="good-04-paid-carer-employer-and-pipot",
        story="""Her agency carer took cash. Edith wanted no fuss; the agency and the PiPoT
        lead were told all the same, and she knew they would be.""",
        expected=NONE,
        concern=CARER,
        steps=r.enquiry_record(
            risk={
                "source_trust_role": "paid_carer",
                "source_has_contact_with_others_at_risk": "yes",
                "risk_to_others": "The carer visits other people for the agency.",
            },
            extra=(
                (
                    "POST",
                    "risk-actions",
                    {
                        "kind": "employer",
                        "details": "Told the agency's registered manager.",
                        "done_on": day(-6),
                        "done_by": "Pat Okafor",
                    },
                ),
                (
                    "POST",
                    "risk-actions",
                    {
                        "kind": "pipot",
                        "details": "Referred to the PiPoT lead.",
                        "done_on": day(-6),
                        "done_by": "Pat Okafor",
                    },
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="good-05-police-against-wishes-recorded",
        story="""Edith did not want the police. The grandson had taken thousands and has a
        key to two other relatives' homes, so the team reported it: the override records
        the lawful basis, who decided and why, is co-signed by the manager, and Edith was
        told the same day.""",
        expected=NONE,
        concern={"person_wishes": "She does not want the police involved."},
        steps=r.enquiry_record(
            risk={
                "police_decision": "reported",
                "police_decision_reason": "Over two thousand pounds taken; he holds keys to two other relatives' homes.",
            },
            extra=(
                (
                    "POST",
                    "overrides",
                    {
                        "kind": "person_wishes",
                        "ground": "serious_crime",
                        "legal_basis": "Care Act 2014 s42 and the public interest in preventing crime.",
                        "rationale": "A serious theft, and others may be at risk from him.",
                        "decided_by": "Mo Hughes, team manager",
                        "decided_on": day(-8),
                        "person_told": True,
                        "person_told_on": day(-8),
                        "cosigner_id": "{manager_id}",
                    },
                ),
                ("MANAGER POST", "/overrides/{last_id}/cosign", {}),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="good-06-lacks-capacity-done-well",
        story="""Edith lacks capacity to manage her bank account: the decision and the test
        are recorded; the best-interests decision weighs her past and present wishes and
        her daughter's and the nurse's views; her outcomes are recorded through her
        daughter, marked as such.""",
        expected=NONE,
        steps=r.enquiry_record(
            advocacy=DAUGHTER_SUPPORTS,
            extra=(
                ("POST", "capacity-assessments", MONEY_ASSESSMENT),
                (
                    "POST",
                    "best-interests-decisions",
                    {
                        "decision": "Who manages her bank account",
                        "capacity_assessment_id": "{last_id}",
                        "past_wishes": "Always kept her own money and hated owing anyone.",
                        "present_wishes": "Wants her grandson to keep visiting.",
                        "beliefs_and_values": "Proud of paying her own way.",
                        "consulted": [
                            {
                                "name": "Ruth Marsh",
                                "role": "family",
                                "views": "Would manage it with her.",
                            },
                            {
                                "name": "Nia Evans",
                                "role": "professional",
                                "views": "Food has run out weekly.",
                            },
                        ],
                        "less_restrictive_options": "A prepaid card she keeps herself, topped up by Ruth.",
                        "outcome": "A prepaid card for shopping; Ruth becomes appointee for her pension.",
                        "reasons": "Keeps her food and bills safe while she still handles her own cash.",
                        "decision_maker": "Pat Okafor",
                        "decided_on": day(-6),
                    },
                ),
            ),
        ),
        outcomes=(THROUGH_RUTH,),
        closure=LACKED,
    ),
    Vignette(
        id="good-07-died-others-and-review-considered",
        story="""Edith died in hospital of pneumonia. The record says whether anyone else is
        at risk from her grandson and how the review criteria were considered.""",
        expected=NONE,
        steps=r.enquiry_record(
            extra=(
                (
                    "PUT",
                    "death",
                    {
                        "date_of_death": day(-1),
                        "others_remain_at_risk": "no",
                        "sar_criteria_may_be_met": "no",
                        "sar_considerations": "Died of pneumonia; agencies worked together and no one else depends on him.",
                    },
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "reason": "person_died", "open_door": ""},
    ),
    Vignette(
        id="good-08-unwise-decision-with-reasoning",
        story="""Edith keeps everything. The worker wrote "an unwise decision, not one she
        lacks capacity for", and recorded her history, her trusted neighbour, a clutter
        rating and a capacity assessment of the decision to refuse a clear-out, including
        whether she can carry out what she decides.""",
        expected=NONE,
        concern={
            "what_happened": "Her flat is full to the ceiling; the neighbour smells rotting food.",
            "abuse_types": ["self_neglect"],
            "person_wishes": "She wants to be left alone.",
        },
        steps=r.enquiry_record(
            extra=(
                (
                    "PUT",
                    "self-neglect",
                    {
                        "background_and_history": "Has kept everything since her son died in 2012.",
                        "trusted_person": "June, her neighbour",
                    },
                ),
                (
                    "POST",
                    "clutter-ratings",
                    {"room": "Living room", "rating": 7, "rated_on": day(-12)},
                ),
                (
                    "POST",
                    "capacity-assessments",
                    {
                        "decision": "Whether to accept a clear-out of her living room",
                        "assessed_on": day(-11),
                        "assessor_name": "Pat Okafor",
                        "support_given": "Two visits, June present at her request, photos of the room.",
                        "understand": "able",
                        "understand_evidence": "Described the fire risk in her own words.",
                        "retain": "able",
                        "retain_evidence": "Recalled the photos at the second visit.",
                        "use_or_weigh": "able",
                        "use_or_weigh_evidence": "Weighed the fire risk against losing her son's things.",
                        "communicate": "able",
                        "communicate_evidence": "Clear throughout.",
                        "impairment": "no",
                        "executive_function": "Cleared a path to the door herself within a week, as she said she would.",
                    },
                ),
                r.note(
                    "Her refusal of a full clear-out is an unwise decision, not one she lacks capacity for."
                ),
            )
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="good-09-third-concern-pattern-reviewed",
        story="""The third concern in seven months; the worker looked at all three together
        and called a multi-agency risk meeting.""",
        expected=NONE,
        earlier=EARLIER,
        steps=r.enquiry_record(
            involvement={
                "pattern_review": "Falls, missed tablets and now money: the grandson's hold grows. MARM held with the GP and pharmacy.",
            }
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="good-10-police-investigation-wording",
        story="""The police are investigating the theft; the worker's notes say so, and call
        the council's part an enquiry.""",
        expected=NONE,
        steps=r.enquiry_record(
            risk={
                "police_decision": "already_aware",
                "police_decision_reason": "The bank reported it to the police.",
            },
            extra=(
                r.note(
                    "The police investigation is under way; our enquiry continues alongside it with her agreement."
                ),
            ),
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="good-11-stopped-engaging-other-with-words",
        story="""Edith stopped answering after a good first talk. The worker phoned, wrote and
        visited again, asked June to pass on a message, and closed as "other" with real
        words; everything a declined case needs is there.""",
        expected=NONE,
        steps=r.declined_record(),
        outcomes=r.OUTCOMES,
        closure={
            **r.DECLINED,
            "reason": "other",
            "reason_details": "She stopped answering after our visit; June says she wants to be left alone for now.",
        },
    ),
    Vignette(
        id="good-12-not-told-because-of-risk",
        story="""Telling Maya a concern was raised would alert her husband, who reads her
        messages and has threatened her; the reason is recorded.""",
        expected=NONE,
        steps=r.enquiry_record(
            involvement={
                "person_told": "no_risk",
                "not_told_reason": "Her husband reads her messages and has threatened her if she talks to us; told only in person when safe.",
            }
        ),
        outcomes=r.OUTCOMES,
        closure=r.CONCLUDED,
    ),
    Vignette(
        id="good-13-moved-away-handed-over",
        story="""Edith moved to her daughter's in Leeds; the case was passed to Leeds with
        her agreement, and the nurse was told.""",
        expected=NONE,
        steps=r.enquiry_record(),
        outcomes=r.OUTCOMES,
        closure={**r.CONCLUDED, "reason": "moved_away"},
    ),
]

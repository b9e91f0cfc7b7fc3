"""The record kept during the M4 to M7 scenarios (myths.py), by scenario key."""

from msp.demo.records import (
    CLOSING,
    DURING,
    LATE,
    NOT_KNOWN,
    YES,
    Advocacy,
    BestInterests,
    Capacity,
    Clutter,
    Consultee,
    Contact,
    Involvement,
    Note,
    Plan,
    PlanAction,
    PlanActionUpdate,
    Record,
    Risk,
    RiskAction,
    SelfNeglect,
    able,
    unable,
)
from msp.demo.scenarios.records.common import (
    feedback,
    no_advocate_needed,
    seen_alone,
    supported_by,
    unanswered,
)

M4: dict[str, tuple[Record, ...]] = {
    "m4-good-callum": (
        seen_alone(
            "visit",
            "He is under pressure from the men: he says he 'has to' pay them back and do "
            "what they ask. That is not a free choice.",
            indicators=("controls_money", "fear"),
            notes="Met Callum on his own in the quiet room at Wren Court, with picture "
            "cards, before anything else was arranged.",
        ),
        Advocacy(
            result="advocate_arranged",
            difficulties=("understanding", "using_or_weighing"),
            advocate_name="Priti Lal, Northmoor Advocacy Hub",
        ),
        Risk(
            risk_to_person="Sexual exploitation and a growing debt to men he met online.",
            other_adults_at_risk=YES,
            risk_to_others="The men may be targeting other young adults with learning "
            "disabilities; two other tenants at Wren Court use the same chat app.",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Signs of sexual exploitation and debt bondage. Shared "
            "with the police exploitation team; Callum agreed, with his advocate.",
        ),
        RiskAction(
            kind="police",
            details="Gave the exploitation team the car registrations staff noted and the "
            "men's online names.",
        ),
        Contact(
            method="meeting",
            who_was_present="Priti Lal, his advocate",
            seen_alone="no",
            notes="First easy-read session with Priti, using pictures of places and people.",
        ),
        Plan(
            person_involvement="Callum chose what to work on with Priti, using picture "
            "cards. He wanted staff, not the police, with him on Friday nights.",
            pace="One thing at a time: the phone debt first, then Friday nights. Meetings "
            "no longer than half an hour.",
            review_in=28,
            stage=DURING,
        ),
        PlanAction(
            description="Help Callum join the Friday social club at the Hub",
            owner_kind="agency",
            owner_name="Northmoor Advocacy Hub",
            due_in=60,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Note the registration of any car that collects Callum and tell the police",
            owner_kind="referrer",
            owner_name="Kerry Ashworth, support worker",
            due_in=60,
            status="in_progress",
            stage=DURING,
        ),
        PlanAction(
            description="Find an easy-read guide to staying safe with online friends and "
            "go through it with Callum",
            owner_kind="worker",
            due_in=7,
            stage=DURING,
        ),
        PlanAction(
            description="Ask the phone company to freeze the contract, and talk the debt "
            "through with Callum",
            owner_kind="worker",
            due_in=45,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Callum has taken part in two easy-read sessions with his "
            "advocate and chose what to work on first.",
            referrer_part_details="Kerry Ashworth notes car registrations for the police and helps "
            "Callum plan his Friday nights (actions in the plan).",
            stage=DURING,
        ),
    ),
    "m4-poor-lorraine": (
        Contact(
            method="phone",
            outcome="third_party",
            who_was_present="The day centre manager, by phone",
            seen_alone="not_applicable",
            notes="Spoke to the day centre manager, who says it was banter and staff have "
            "been reminded.",
        ),
        RiskAction(
            kind="employer",
            details="Told the day centre manager about the comments; she says staff have "
            "been reminded.",
        ),
        Involvement(
            outcomes_not_asked_reason="No time to arrange a meeting with Lorraine before the "
            "28 days ran out."
        ),
    ),
}

M5: dict[str, tuple[Record, ...]] = {
    "m5-good-iris": (
        supported_by(
            "Susan Marchbank (daughter, attorney for health and welfare)",
            "Susan holds a lasting power of attorney for health and welfare, visits three "
            "times a week and has no part in the concern.",
            ("understanding", "retaining", "using_or_weighing"),
        ),
        seen_alone(
            "visit",
            "No sign of anyone influencing her. She is settled and speaks warmly of her keyworker.",
            notes="Sat with Mrs Marchbank on her own, by the window onto the garden.",
        ),
        Risk(
            risk_to_person="Weight loss, and Parkinson's tablets given late, which can be "
            "dangerous.",
            other_adults_at_risk=YES,
            risk_to_others="Other residents rely on the same mealtimes and medicines rounds.",
            source_trust_role="staff",
            source_has_contact_with_others_at_risk=YES,
        ),
        RiskAction(
            kind="employer",
            details="Met the home's manager; a nutrition and medicines plan was agreed and "
            "the council's quality team checks it.",
        ),
        RiskAction(
            kind="regulator", details="Told the CQC about the late time-critical medicines."
        ),
        Capacity(
            decision="Whether to move to another nursing home or stay at Calder Edge",
            support_given="Two morning visits, when she is most alert, sitting on her left "
            "side with her hearing aid in; photographs of two other homes; Susan at the "
            "second visit.",
            understand=able("She understood that she could move and that her food had come late."),
            retain=unable(
                "She could not recall the other homes ten minutes later, on either visit."
            ),
            use_or_weigh=unable(
                "She could not weigh staying against moving; each time she came back to "
                "liking her room."
            ),
            communicate=able("She told us clearly that she likes her room."),
            impairment=YES,
            impairment_evidence="Dementia with Parkinson's disease, diagnosed in 2021. Her "
            "GP confirms it affects her memory for new information.",
        ),
        BestInterests(
            decision="Whether Mrs Marchbank stays at Calder Edge",
            past_wishes="She chose Calder Edge herself in 2022 for its garden, and always had "
            "her hair done on Fridays.",
            present_wishes="She says she likes it here and wants her dinner when she is awake.",
            consulted=(
                Consultee(
                    "Susan Marchbank",
                    "attorney",
                    "Mum should stay if the home puts things right.",
                ),
                Consultee(
                    "Ruth Oyelaran, keyworker",
                    "professional",
                    "She is happy here; the problems were at mealtimes and medicines rounds.",
                ),
                Consultee(
                    "Dr Owen Lightfoot",
                    "professional",
                    "Staying is safe with weekly weights and tablets on time.",
                ),
            ),
            less_restrictive_options="Staying with a checked plan is less restrictive than "
            "moving, which would unsettle her.",
            outcome="She stays at Calder Edge, with a nutrition and medicines plan checked "
            "every week.",
            reasons="It is what she wants now and what she chose before, and the risks can "
            "be managed where she is.",
            decision_maker="Susan Marchbank, attorney for health and welfare",
            stage=DURING,
        ),
        Plan(
            person_involvement="Iris told us what matters to her: hot dinners when she is "
            "awake, the garden and Fridays. Susan and her keyworker helped turn it into "
            "the plan.",
            pace="Short morning visits, at Iris's pace. Susan chose fortnightly reviews.",
            review_in=14,
            stage=DURING,
        ),
        PlanAction(
            description="Weigh Iris every week and send the chart to her GP",
            owner_kind="agency",
            owner_name="Calder Edge Nursing Home",
            due_in=7,
            status="in_progress",
            outcome=1,
            stage=DURING,
        ),
        PlanAction(
            description="Give her Parkinson's tablets on time, checked every day by the "
            "nurse in charge",
            owner_kind="agency",
            owner_name="Calder Edge Nursing Home",
            due_in=7,
            status="in_progress",
            stage=DURING,
        ),
        PlanAction(
            description="Review her medicines and weight after four weeks",
            owner_kind="referrer",
            owner_name="Dr Owen Lightfoot, GP",
            due_in=28,
            stage=DURING,
        ),
        PlanActionUpdate(action=0, status="done", stage=LATE),
        PlanActionUpdate(action=1, status="done", stage=LATE, after=(0, 0)),
        PlanActionUpdate(action=2, status="done", stage=LATE, after=(0, 2)),
        Involvement(
            person_told="yes",
            person_involvement="Iris met us twice, in the mornings, and said what she wants. "
            "Susan spoke for what her mother would have wanted.",
            referrer_part_details=(
                "Dr Lightfoot reviewed her medicines and weight (an action in the plan)."
            ),
            stage=LATE,
        ),
        feedback(
            "Told Dr Lightfoot the enquiry found the home had missed meals and medicines, "
            "and that Iris has put weight back on with the plan in place. Susan agreed to "
            "this being shared."
        ),
    ),
    "m5-poor-stanley": (
        supported_by("Paul Ormerod (son)", "His son visits every day."),
        Capacity(
            decision="Lacks capacity for all decisions due to dementia",
            support_given="Seen on the ward.",
            understand=unable("Confused."),
            retain=unable("Confused."),
            use_or_weigh=unable("Confused."),
            communicate=unable("Confused."),
            impairment=YES,
            impairment_evidence="Dementia.",
        ),
        Involvement(outcomes_not_asked_reason="Lacks capacity, so could not be asked."),
    ),
}

M6: dict[str, tuple[Record, ...]] = {
    "m6-good-maureen": (
        unanswered(
            "letter",
            "A letter first, as she prefers, offering a visit on a set day and time.",
            outcome="sent",
        ),
        unanswered("phone", "No answer."),
        unanswered("phone", "No answer and no answerphone."),
        Contact(
            method="visit",
            coercion_conclusion="She lives alone and no one else is involved; nothing "
            "suggests anyone is influencing her.",
            notes="Called without an appointment. She talked on the doorstep for ten "
            "minutes, politely, but would not let me in.",
        ),
        Contact(
            method="visit",
            who_was_present="Pat Greaves, her neighbour, at Maureen's invitation",
            seen_alone="no",
            notes="Joint visit with Pat, whom she trusts. She let us in and showed us the "
            "kitchen and the back room.",
        ),
        SelfNeglect(
            background_and_history="Widowed in 2019 after forty-one years of marriage. She "
            "was a school librarian for thirty years. The collecting began after Ken died: "
            "first the newspapers he read, then boxes kept 'in case'. Her only son lives in "
            "Canada and rings at Christmas. Her GP has treated her depression since 2020.",
            trusted_person="Pat Greaves, her next-door neighbour",
        ),
        Clutter(room="Hall and stairs", rating=7),
        Clutter(room="Kitchen", rating=6, after=(0, 0)),
        Clutter(room="Back room", rating=5, after=(0, 0)),
        Risk(
            risk_to_person="Fire: the stairs are blocked and she cooks on a camping stove in "
            "a cluttered room, with no safe way out from upstairs.",
            public_at_risk=YES,
            risk_to_others="A fire could spread to Pat's house through the shared wall.",
        ),
        no_advocate_needed("Maureen speaks for herself; Pat supports her at her request."),
        Capacity(
            decision="Whether to accept help to clear a safe route from her bedroom to the "
            "front door",
            support_given="Two visits at her kitchen table, with Pat there at her request; "
            "the fire officer's photographs of the stairs.",
            understand=able("She explained the fire risk in her own words."),
            retain=able("She remembered the fire officer's advice a week later."),
            use_or_weigh=able(
                "She weighed losing things she treasures against being trapped upstairs."
            ),
            communicate=able("She told us clearly she wants help, on her terms."),
            impairment=NOT_KNOWN,
            impairment_evidence="Depression, treated by her GP; an occupational therapy "
            "assessment has been asked for.",
            executive_function="She explains the risk clearly and agreed a first step, but by "
            "her own account cannot start on her own: when the day came she could not "
            "begin. The decision is hers; she needs practical help to carry it out.",
            reassess_in=42,
            stage=DURING,
        ),
        Plan(
            person_involvement="Maureen decided the order of the rooms, and that nothing "
            "leaves the house without her say-so.",
            pace="Slowly: one visit a week, an hour at most, with Pat there. She chose to "
            "start with the stairs.",
            review_in=28,
            stage=DURING,
        ),
        PlanAction(
            description="Return visit to fit smoke alarms upstairs and check the way out",
            owner_kind="referrer",
            owner_name="Watch Manager Dean Sowerby, fire service",
            due_in=14,
            status="in_progress",
            stage=DURING,
        ),
        PlanAction(
            description="Clear a path on the stairs together, one box at a time",
            owner_kind="person",
            owner_name="Maureen, with Pat and the worker",
            due_in=28,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="GP review of her depression, and a referral to occupational therapy",
            owner_kind="agency",
            owner_name="Moorside Medical Practice",
            due_in=7,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="She chooses when we visit and who comes, and leads each "
            "clearing session.",
            referrer_part_details="Watch Manager Sowerby did the first fire safety visit and is "
            "doing the return visit in the plan.",
            stage=DURING,
        ),
        PlanActionUpdate(action=0, status="done", stage=LATE),
        Clutter(room="Hall and stairs", rating=4, stage=LATE),
    ),
    "m6-poor-derek": (
        unanswered("letter", "Letter sent offering a visit.", outcome="sent"),
        Note(
            text="Letter sent two weeks ago offering a visit; no reply. His drinking is his "
            "lifestyle choice. No further action.",
            after=(10, 14),
        ),
    ),
}

M7: dict[str, tuple[Record, ...]] = {
    "m7-good-gladys": (
        no_advocate_needed("Gladys follows everything and speaks for herself."),
        seen_alone(
            "visit",
            "No sign of control: Neil is worn out, not unkind. Gladys speaks warmly of him "
            "and was at ease.",
            notes="Visited at midday while Neil was at work.",
        ),
        Risk(risk_to_person="More pressure damage if she is not turned at night."),
        Plan(
            person_involvement="Gladys and Neil planned the night care with Carol and me at "
            "the kitchen table.",
            pace="Gladys wanted the night carers first, and Neil's carer's assessment on his "
            "day off.",
            stage=DURING,
        ),
        PlanAction(
            description="Check her skin twice a week and show Neil how to turn her safely",
            owner_kind="referrer",
            owner_name="Carol Esplin, district nurse",
            due_in=14,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Night sitting service, three nights a week",
            owner_kind="agency",
            owner_name="Northmoor Home Care",
            due_in=10,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Carer's assessment for Neil",
            owner_kind="worker",
            due_in=21,
            status="in_progress",
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Gladys chose what help she wanted and when; Neil joined on "
            "his day off.",
            referrer_part_details=(
                "Carol Esplin checks Gladys's skin twice a week and showed Neil how "
                "to turn her (actions in the plan)."
            ),
            stage=DURING,
        ),
        PlanActionUpdate(action=0, status="done", stage=LATE),
        PlanActionUpdate(action=1, status="done", stage=LATE, after=(0, 0)),
        PlanActionUpdate(action=2, status="done", stage=LATE, after=(0, 1)),
        feedback(
            "Told Carol Esplin the enquiry is closing: night sitters are in place, Neil has "
            "had his carer's assessment, and the sore is healing.",
            stage=CLOSING,
        ),
    ),
    "m7-poor-terence": (
        no_advocate_needed("Mr Boothroyd can take part without help."),
        Contact(
            method="visit",
            who_was_present="His grandson, Liam, in the next room",
            seen_alone="tried",
            coercion_conclusion="He seemed wary of Liam hearing us. Not concluded yet.",
            notes="Home visit. He said Liam shouts when he asks for his money back.",
        ),
        Note(
            text="The surgery asked us to 'sort this out'. Told them we would take it from "
            "here and they need do nothing more."
        ),
        Involvement(
            person_involvement="Asked him what he wants, in his front room.",
            stage=DURING,
        ),
    ),
}

RECORDS: dict[str, tuple[Record, ...]] = {**M4, **M5, **M6, **M7}

"""The record kept during the M8 to M11 scenarios (myths.py), by scenario key."""

from msp.demo.records import (
    DURING,
    LATE,
    NOT_KNOWN,
    RAISED,
    TRIAGE,
    YES,
    Capacity,
    Escalation,
    Involvement,
    Note,
    Plan,
    PlanAction,
    PlanActionUpdate,
    Record,
    Risk,
    RiskAction,
    able,
)
from msp.demo.scenarios.records.common import (
    feedback,
    no_advocate_needed,
    seen_alone,
    supported_by,
)

M8: dict[str, tuple[Record, ...]] = {
    "m8-good-arthur": (
        seen_alone(
            "visit",
            "Pauline is exhausted, not controlling. Arthur was relaxed and affectionate "
            "with her and said he feels safe at home.",
            notes="Visited them both, then sat with Arthur in the garden on his own.",
        ),
        Involvement(
            person_told="yes",
            person_involvement="Arthur and Pauline chose the sitting nights and whether to "
            "try the dementia café.",
        ),
        feedback(
            "Told Pauline the outcome: no enquiry was needed, her carer's assessment is done, "
            "the sitting service has started, and she can ring the duty line at any time."
        ),
    ),
    "m8-poor-sandra": (
        no_advocate_needed("Ms Kettlewell can take part fully."),
        Risk(
            risk_to_person="More assaults, and being left on the floor without her wheelchair.",
            crime_may_have_been_committed=YES,
            police_decision="already_aware",
            police_decision_reason="Her partner was arrested at the scene.",
        ),
        Note(
            text="Started our investigation today. Will investigate what happened with the "
            "neighbour and the GP and write it up for closure."
        ),
        Involvement(outcomes_not_asked_reason="Not asked: the police are leading."),
    ),
    "m8d-good-nasreen-1": (
        feedback(
            "Told Ravi Lodhia that Mrs Akhtar now has a pendant alarm and a sensory "
            "assessment is booked."
        ),
    ),
    "m8d-good-nasreen-2": (
        feedback(
            "Told Dr Ramsden the pharmacy now delivers blister packs, and that we will see "
            "Mrs Akhtar on her own, with an interpreter, if anything more is raised."
        ),
    ),
    "m8d-good-nasreen-3": (
        Involvement(
            pattern_review="The third concern in eleven months. Looked at all three "
            "together: a fall left for hours, missed prescriptions, and now isolation and "
            "her pension, each time with the family answering for her. Multi-agency risk "
            "meeting held with her GP, sight support and the police; one lead worker agreed "
            "for any future concern.",
            stage=TRIAGE,
        ),
        no_advocate_needed(
            "Mrs Akhtar takes part fully with a female Urdu interpreter, and asked for no "
            "family at meetings."
        ),
        seen_alone(
            "meeting",
            "Her son controls her pension and she is kept to her room most of the day. She "
            "is afraid of being sent away. This is coercive control; what she wants is her "
            "own.",
            indicators=("controls_money", "isolation", "fear"),
            present="A female Urdu interpreter, at her request",
            notes="Met at Northmoor Sight Support, which Amina Sheikh helped arrange.",
        ),
        Risk(
            risk_to_person="Neglect and isolation at home, and the loss of her pension.",
            crime_may_have_been_committed=YES,
            police_decision="already_aware",
            police_decision_reason="The police were at the multi-agency risk meeting. Mrs "
            "Akhtar does not want a criminal complaint for now; the police hold the "
            "information and will act if the risk rises.",
        ),
        Plan(
            person_involvement="Planned with Mrs Akhtar and the interpreter at the sight "
            "support centre. She chose to start with her money.",
            pace="Slowly, and only when her son is at work; she wants no sudden changes at home.",
            review_in=28,
            stage=DURING,
        ),
        PlanAction(
            description="Open a bank account in her own name for her pension",
            owner_kind="worker",
            due_in=21,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Weekly rehabilitation visit, with a private word each time",
            owner_kind="referrer",
            owner_name="Amina Sheikh, rehabilitation officer",
            due_in=28,
            status="in_progress",
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Mrs Akhtar chose where we meet and that her family are not "
            "told what she said.",
            referrer_part_details="Amina Sheikh keeps up her weekly visits and is the person Mrs "
            "Akhtar trusts to pass on messages.",
            stage=DURING,
        ),
    ),
    "m8d-poor-kenneth-3": (
        Note(
            text="Housing say Mr Blakey is staying at the shelter. Triage as a new concern: "
            "an assault at his flat.",
            stage=TRIAGE,
        ),
    ),
}

M9: dict[str, tuple[Record, ...]] = {
    "m9-good-beryl": (
        no_advocate_needed(
            "Mrs Hartley follows everything and wants to speak for herself, although she is "
            "waiting for a memory assessment."
        ),
        seen_alone(
            "visit",
            "The man online controls her through affection and urgency, which is how romance "
            "fraud works. No one at home is influencing her.",
            indicators=("isolation",),
            notes="Visited at home; her daughter was out, at Beryl's request.",
        ),
        Capacity(
            decision="Whether to keep sending money to the man she met online",
            support_given="An afternoon visit at home, her best time, with the bank's list of "
            "payments, and time to think between visits.",
            understand=able("She explained what the payments were and where they went."),
            retain=able("She remembered our first talk at the second visit."),
            use_or_weigh=able(
                "She weighed her hope that he is real against what the bank showed her, and "
                "decided to stop."
            ),
            communicate=able("She told us clearly what she had decided."),
            impairment=NOT_KNOWN,
            impairment_evidence="A memory assessment is awaited; nothing about her memory "
            "stopped her making this decision.",
        ),
        Risk(
            risk_to_person="More money lost, and shame that keeps her from telling anyone.",
            public_at_risk=YES,
            risk_to_others="The same fraudster is likely to be targeting other people.",
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Romance fraud is a crime; reported to Action Fraud and "
            "the police fraud team with her agreement.",
        ),
        RiskAction(
            kind="police",
            details="Gave the police fraud team the dating profile and the payment details.",
        ),
        Plan(
            person_involvement="Beryl chose what the bank would do, and said her daughter "
            "must not take over her account.",
            pace="She wanted time after each step; we met every ten days.",
            stage=DURING,
        ),
        PlanAction(
            description="Put a trusted-contact flag on her account and ring her before any "
            "large payment",
            owner_kind="referrer",
            owner_name="Martin Hebden, branch manager",
            due_in=14,
            status="in_progress",
            outcome=1,
            stage=DURING,
        ),
        PlanAction(
            description="Introduce her to the Tuesday befriending group",
            owner_kind="agency",
            owner_name="Moorside befriending group",
            due_in=21,
            status="in_progress",
            stage=DURING,
        ),
        PlanActionUpdate(action=0, status="done", stage=LATE),
        PlanActionUpdate(action=1, status="done", stage=LATE, after=(0, 2)),
        Involvement(
            person_told="yes",
            person_involvement="Beryl took part in every step and decided what the bank would do.",
            referrer_part_details="The bank stayed involved throughout and put a trusted-contact "
            "flag on her account (an action in the plan).",
            stage=LATE,
        ),
        feedback(
            "Told Martin Hebden by phone that the enquiry is closing and the trusted-contact "
            "flag is working. Only the outcome was shared, with Beryl's agreement.",
            limited=True,
        ),
    ),
    "m9-poor-norman-2": (
        Escalation(
            details="Eric Walmsley rang the duty line. He told us about missed care calls "
            "three weeks ago and never heard back; now it has happened again and Norman "
            "has had a fall.",
            stage=RAISED,
        ),
    ),
}

M10: dict[str, tuple[Record, ...]] = {
    "m10-good-winifred": (
        supported_by(
            "Carol Gale (daughter)",
            "Carol visits most days, knows her mother's wishes and has no part in the concern.",
            ("understanding", "retaining", "using_or_weighing"),
        ),
        seen_alone(
            "visit",
            "No one is influencing her. She said the staff are 'busy girls' and she does not "
            "like to ring.",
            notes="Sat with Mrs Gale in her room in the afternoon, on her own, and then "
            "watched the lounge for an hour.",
        ),
        Risk(
            risk_to_person="Left wet for long spells, with sore skin, and calls for help not "
            "answered.",
            other_adults_at_risk=YES,
            risk_to_others="Other residents in the afternoon lounge get the same care.",
            source_trust_role="staff",
            source_has_contact_with_others_at_risk=YES,
        ),
        RiskAction(
            kind="regulator",
            details="Shared the concern about afternoon continence care and call bells with "
            "the CQC.",
        ),
        RiskAction(
            kind="employer",
            details="Met Larchfield's manager; the home agreed to check call bell times and "
            "the afternoon continence rounds.",
        ),
        Plan(
            person_involvement="Mrs Gale said what she wants in her own words; Carol added "
            "what her mother has always cared about.",
            pace="Short visits in the afternoon, when Mrs Gale is in the lounge.",
            review_in=21,
            stage=DURING,
        ),
        PlanAction(
            description="Send the call bell times and the afternoon rounds log to the "
            "council every week",
            owner_kind="agency",
            owner_name="Larchfield House",
            due_in=3,
            stage=DURING,
        ),
        PlanAction(
            description="An afternoon companion to sit with Mrs Gale",
            owner_kind="agency",
            owner_name="Larchfield activities team",
            due_in=14,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Mrs Gale met us twice and said what she wants; Carol joined "
            "the second visit.",
            referrer_part_details=(
                "Cllr Tolson passed on a constituent's concern. He has no part in "
                "the enquiry and is told only what the councillors' protocol allows."
            ),
            stage=DURING,
        ),
        feedback(
            "Told Cllr Tolson the concern is being looked into with the home and the "
            "regulator. No details about any resident were shared.",
            limited=True,
            stage=DURING,
        ),
    ),
    "m10-poor-cyril": (
        Note(text="Emailed the full case notes to Cllr Royd, as she asked."),
        feedback(
            "Sent Cllr Royd the full case notes, including Mr Bancroft's health details, as "
            "she asked."
        ),
    ),
}

M11: dict[str, tuple[Record, ...]] = {
    "m11-good-agnieszka": (
        no_advocate_needed(
            "Agnieszka takes part fully with a Polish interpreter, and chose not to have "
            "anyone else with her."
        ),
        seen_alone(
            "meeting",
            "She is held by debt and by fear of the man who keeps her passport: forced "
            "labour. Away from the car wash, her wishes were her own.",
            indicators=("controls_money", "fear", "isolation"),
            present="A female Polish interpreter, at her request",
            notes="Met at the central library, away from the car wash.",
        ),
        Risk(
            risk_to_person="Forced labour, injury, and losing her documents for good.",
            other_adults_at_risk=YES,
            risk_to_others="Four other people sleep and work at the unit.",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Modern slavery offences. She agreed to the police "
            "operation once she knew she would be supported.",
        ),
        RiskAction(
            kind="police",
            details="Shared what she told us with the police modern slavery team. The car "
            "wash was visited and four other workers were offered support.",
        ),
        RiskAction(
            kind="other",
            details="Referred her into the National Referral Mechanism, with her consent.",
        ),
        Involvement(
            person_told="yes",
            person_involvement="Agnieszka chose where we met and what happened at each step, "
            "with an interpreter she trusted.",
            stage=DURING,
        ),
    ),
    "m11-poor-joyce": (
        no_advocate_needed("She can take part without help."),
        Note(
            text="Daughter asked who had called us; told her it was the neighbour, Mrs "
            "Illingworth, as she had guessed anyway."
        ),
        Involvement(
            person_told="yes",
            person_involvement="Spoke to Joyce at home about what she wanted.",
        ),
    ),
}

RECORDS: dict[str, tuple[Record, ...]] = {**M8, **M9, **M10, **M11}

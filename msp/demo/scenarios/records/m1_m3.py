"""The record kept during the M1 to M3 scenarios (myths.py), by scenario key.

Good practice: the record answers every question the practice guard asks.
Poor practice: it leaves out what the myth leaves out, and the manager's
override reasons (in myths.py) show how such closures get explained away."""

from msp.demo.records import (
    DURING,
    LATE,
    LEAD,
    NOT_KNOWN,
    START,
    YES,
    BestInterests,
    Capacity,
    Consultee,
    Contact,
    Cosign,
    Death,
    Involvement,
    Override,
    Plan,
    PlanAction,
    PlanActionUpdate,
    Record,
    Risk,
    RiskAction,
    unable,
)
from msp.demo.scenarios.records.common import (
    feedback,
    no_advocate_needed,
    seen_alone,
    supported_by,
)

M1: dict[str, tuple[Record, ...]] = {
    "m1-good-doreen": (
        no_advocate_needed(
            "Mrs Ashcombe follows everything we discuss and wants to speak for herself."
        ),
        Contact(
            method="trusted_person",
            outcome="third_party",
            who_was_present="Lynne Craven, day services officer, by phone",
            seen_alone="not_applicable",
            notes="Asked the day centre to tell Mrs Ashcombe, quietly, that I would like to "
            "see her there on her own on Thursday. Nothing to be posted or said at home.",
        ),
        seen_alone(
            "meeting",
            "Gary takes most of her pension and she is afraid of upsetting him. But she "
            "told her story freely, in her own words, without checking what she was allowed "
            "to say. Wanting to keep Gary out of trouble is her own wish.",
            indicators=("controls_money", "fear"),
            notes="Met in the quiet room at Kingsway Day Centre. She described Gary asking "
            "for money every pension day and said the house has been cold since October.",
        ),
        Risk(
            risk_to_person="She may go without heating and food again if her pension keeps "
            "going to Gary.",
            risk_to_others="Gary has no caring role and no contact with children or other "
            "adults with care needs that anyone knows of.",
            crime_may_have_been_committed=YES,
            police_decision="not_reported",
            police_decision_reason="She understands what a report would mean and does not "
            "want one; no one else is at risk from Gary. Agreed with the team manager.",
        ),
        seen_alone(
            "meeting",
            "Her account and her wishes were the same as last week. She is not being told "
            "what to say.",
            notes="Second meeting at the day centre, on her own. Went through the options "
            "one at a time.",
            stage=DURING,
        ),
        Plan(
            person_involvement="Mrs Ashcombe chose each step at the day centre and decided "
            "what Gary is told.",
            pace="One change at a time, starting with the gas and electricity.",
            review_in=28,
            stage=DURING,
        ),
        PlanAction(
            description="Move her gas, electricity and council tax to direct debits from "
            "her own account",
            owner_kind="person",
            owner_name="Doreen Ashcombe, with help from the day centre",
            due_in=14,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanActionUpdate(action=0, status="done", stage=LATE),
        Involvement(
            person_told="yes",
            person_involvement="Met twice on her own at the day centre, at times she chose. "
            "She decided what we did and when we stopped.",
            options_explained="A police report; a family meeting with Gary; an independent "
            "advocate; paying her bills by direct debit; a third-party mandate so the bank "
            "would refuse Gary. We talked through what each would mean for her and for Gary, "
            "including that a report could lead to his arrest.",
            reasons_for_declining="She is frightened Gary would end up homeless and that she "
            "would lose him: 'He's all I've got. I just want my bills paid.'",
            referrer_part_details="Dr Ramsden sees her every month for her stroke review and will "
            "tell us if she seems short of food or money again.",
            stage=LATE,
        ),
        feedback(
            "Told Dr Ramsden by phone that the enquiry ended at Mrs Ashcombe's request, her "
            "bills are now paid first, and she knows how to come back to us. Nothing more "
            "was shared about her son.",
            limited=True,
        ),
    ),
    "m1-poor-wilfred": (
        no_advocate_needed("He understands what is happening and can say what he wants."),
        Contact(
            method="phone",
            who_was_present="His nephew answered and stayed on the line",
            seen_alone="no",
            notes="Phoned Mr P. Nephew answered and passed the phone over. Mr P said the "
            "money is his business and he wants nothing done.",
        ),
        Risk(
            risk_to_person="Large amounts of cash are leaving his account.",
            crime_may_have_been_committed=NOT_KNOWN,
        ),
        Involvement(outcomes_not_asked_reason="He said on the phone he wants nothing done."),
    ),
}

M2: dict[str, tuple[Record, ...]] = {
    "m2-good-bernadette": (
        no_advocate_needed(
            "Bernie can take part fully. She asked for her sister Maeve to come to meetings "
            "with her, and Maeve did."
        ),
        seen_alone(
            "meeting",
            "Roy's threats to have her sectioned and his hold on her tablets are coercive "
            "control. On her own she was clear about what she wants; her wishes are her own.",
            indicators=("fear", "isolation"),
            notes="Met at her sister Maeve's house; Maeve left us to talk.",
        ),
        Risk(
            risk_to_person="More assaults and control by Roy; her mental health gets worse "
            "under stress and without her medication.",
            risk_to_others="Roy has no children and no caring role; no other adults with "
            "care needs live with him.",
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Assault and controlling behaviour are crimes. Bernie "
            "agreed to report it and the police took her statement at her sister's.",
        ),
        Plan(
            person_involvement="Bernie wrote the plan with her IDVA and me at her sister's "
            "kitchen table, and chose who is told what.",
            pace="Three meetings a fortnight apart, at her request. After the MARAC she "
            "asked for a week to think before deciding about Roy.",
            review_in=21,
            stage=DURING,
        ),
        PlanAction(
            description="Lockable medicine box at home, with the key kept by Bernie",
            owner_kind="agency",
            owner_name="Moor Lane Pharmacy",
            due_in=10,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Support with applying for a non-molestation order",
            owner_kind="agency",
            owner_name="Northmoor domestic abuse service (IDVA)",
            due_in=21,
            status="in_progress",
            outcome=0,
            stage=DURING,
            after=(0, 0),
        ),
        PlanAction(
            description="Weekly visit to check she feels safe and has her own tablets",
            owner_kind="referrer",
            owner_name="Tom Garside, community psychiatric nurse",
            due_in=28,
            status="in_progress",
            stage=DURING,
            after=(0, 0),
        ),
        PlanActionUpdate(action=0, status="done", stage=LATE),
        PlanActionUpdate(action=1, status="done", stage=LATE),
        PlanActionUpdate(action=2, status="done", stage=LATE, after=(0, 1)),
        Involvement(
            person_told="yes",
            person_involvement="Bernie led every meeting: she chose where we met, who came "
            "and what we did first.",
            referrer_part_details="Tom Garside, her CPN, visits every week to check she feels safe "
            "and has her own tablets (an action in the plan).",
            stage=LATE,
        ),
        feedback(
            "Told Tom Garside the enquiry is closing with Bernie's agreement: a "
            "non-molestation order is in place, Roy has left, and her IDVA is still "
            "supporting her."
        ),
    ),
    "m2-poor-keith": (
        no_advocate_needed("Mr Dunmore can take part fully without help."),
        Contact(
            method="phone",
            coercion_conclusion="No one else involved; he was robbed by strangers.",
            notes="Phoned to check he was all right after the robbery. He said the police "
            "are dealing with it.",
        ),
        Risk(
            risk_to_person="He could be targeted again at the precinct.",
            public_at_risk=NOT_KNOWN,
            crime_may_have_been_committed=YES,
            police_decision="already_aware",
            police_decision_reason="The police attended and are dealing with the robbery.",
        ),
    ),
}

M3: dict[str, tuple[Record, ...]] = {
    "m3-good-edna": (
        no_advocate_needed("Mrs Fairbrother follows conversations well and speaks up for herself."),
        seen_alone(
            "visit",
            "No one is pressing her. Wanting to protect the carer comes from her own "
            "fondness for her, not from fear.",
            notes="Saw her alone in her room at Larchfield.",
        ),
        Risk(
            risk_to_person="More money and belongings taken from her room.",
            other_adults_at_risk=YES,
            risk_to_others="The care assistant works with about thirty other residents and "
            "can go into their rooms.",
            source_trust_role="paid_carer",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Theft by a care worker is a crime and other residents "
            "are at risk. Reported with Mrs Fairbrother's knowledge.",
        ),
        Override(
            kind="person_wishes",
            ground="position_of_trust",
            legal_basis="Care Act 2014 section 42 and chapter 14 of the statutory guidance: "
            "the public interest in protecting other residents. Information shared for "
            "safeguarding under the Data Protection Act 2018.",
            rationale="The care assistant looks after about thirty other residents. Mrs "
            "Fairbrother's wish that she keeps her job cannot outweigh the risk to them.",
            decided_by="Dev Chauhan, safeguarding lead",
            advised_by="Yusuf Hanley, team manager",
            person_told=True,
            by=LEAD,
        ),
        Cosign(after=(0, 1)),
        RiskAction(
            kind="employer",
            details="Larchfield suspended the care assistant and started its disciplinary process.",
            done_by="Angela Cropper, registered manager",
        ),
        RiskAction(
            kind="pipot",
            details="Referral to the council's person in a position of trust lead about the "
            "care assistant's work with other adults.",
            after=(0, 0),
        ),
        RiskAction(kind="regulator", details="Notified the CQC.", after=(0, 0)),
        RiskAction(
            kind="police",
            details="Reported the thefts; the crime reference is on file.",
            after=(0, 1),
        ),
        Plan(
            person_involvement="Planned with Mrs Fairbrother in her room. She chose to wear "
            "her ring and keep her money in a locked drawer.",
            pace="She wanted it done quickly and quietly, without fuss in the lounge.",
            stage=DURING,
        ),
        PlanAction(
            description="Lockable drawer in her room, with her own key",
            owner_kind="agency",
            owner_name="Larchfield House",
            due_in=7,
            status="done",
            outcome=0,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Mrs Fairbrother chose to meet in her room. She was told "
            "before anything was sent, and why.",
            referrer_part_details="Angela Cropper gave us the rota, suspended the care assistant "
            "and ran the home's disciplinary process.",
            stage=LATE,
        ),
        feedback(
            "Told Angela Cropper the outcome: the thefts were found to have happened, the "
            "police, the CQC and the PiPoT lead have been told, and Mrs Fairbrother has her "
            "belongings back."
        ),
    ),
    "m3-poor-harold": (
        no_advocate_needed("Mr Simkins can take part without help."),
        Contact(
            method="visit",
            who_was_present="His daughter, Julie",
            seen_alone="no",
            coercion_conclusion="No pressure from anyone: he just does not want a fuss.",
            notes="Visited with Julie there. He showed me the bruises and said he doesn't "
            "want the carers stopped.",
        ),
        Risk(
            risk_to_person="More rough handling during personal care.",
            source_trust_role="paid_carer",
            source_has_contact_with_others_at_risk=NOT_KNOWN,
        ),
        Involvement(
            person_told="yes",
            outcomes_not_asked_reason="He said he wants nothing done.",
            reasons_for_declining="He is worried Brightside will stop coming if he complains.",
        ),
    ),
    "m3-good-albert-died": (
        supported_by(
            "Linda Crowther (daughter)",
            "Linda knows her father well, visits most days and has no part in his care at "
            "the home. She agreed to support him.",
        ),
        Contact(
            method="visit",
            who_was_present="His daughter, Linda",
            seen_alone="tried",
            coercion_conclusion="No one is influencing him. He cannot follow a conversation "
            "about the concern.",
            notes="Met Mr Crowther on the ward with Linda. He was drowsy, said a few words "
            "and smiled at Linda.",
        ),
        Risk(
            risk_to_person="Severe pressure damage and dehydration from missed care.",
            other_adults_at_risk=YES,
            risk_to_others="Twelve other residents depend on the same night staff.",
            source_trust_role="staff",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Care staff may have wilfully neglected him, which is a "
            "crime. Referred to the police, who are working with the CQC.",
        ),
        RiskAction(
            kind="regulator",
            details="Told the CQC the same day; they inspected the following week.",
            after=(0, 0),
        ),
        RiskAction(
            kind="employer",
            details="Told the provider's regional manager. A night staffing action plan was "
            "agreed and the council's quality team checks it every week.",
            after=(0, 1),
        ),
        RiskAction(
            kind="police",
            details="Referred the possible wilful neglect to the police.",
            after=(0, 1),
        ),
        seen_alone(
            "visit",
            "Nothing suggests anyone is influencing him.",
            notes="Sat with him on my own on the ward for twenty minutes. He held my hand "
            "and twice said 'the night lady'.",
        ),
        Capacity(
            decision="Whether to go back to Calder Edge or move to another nursing home "
            "when he leaves hospital",
            support_given="Two visits late in the morning, his best time, with Linda at one; "
            "short sentences and photographs of Calder Edge and of another home.",
            understand=unable(
                "He could not say what a nursing home is or why a move was being talked "
                "about, even with the photographs."
            ),
            retain=unable("He did not remember the photographs a few minutes later."),
            use_or_weigh=unable("He could not compare the two homes or say what would differ."),
            communicate=unable(
                "He says a few words but could not give a choice about where to live, even "
                "by pointing."
            ),
            impairment=YES,
            impairment_evidence="Advanced dementia, diagnosed by the memory clinic in 2019. "
            "The ward doctors agree it is why he cannot make this decision.",
            stage=START,
        ),
        BestInterests(
            decision="Where Mr Crowther should be cared for when he is well enough to leave "
            "hospital",
            past_wishes="Linda says he always wanted to stay near the canal, where he worked "
            "for forty years, and to have a garden to sit in.",
            present_wishes="He is calm when Linda visits and upset on the ward at night. He "
            "said 'home' when shown a photograph of his old house.",
            consulted=(
                Consultee(
                    "Linda Crowther",
                    "family",
                    "Wants him somewhere with more night nurses, nearer to her.",
                ),
                Consultee(
                    "Sister Jo Whiteley",
                    "professional",
                    "He needs turning every two hours, day and night, and a special mattress.",
                ),
                Consultee(
                    "Dr Owen Lightfoot",
                    "professional",
                    "Supports a move if the new home can meet his nursing needs.",
                ),
            ),
            less_restrictive_options="Going back to Calder Edge with a monitored plan; a home "
            "nearer Linda. Care at Linda's home was considered and could not meet his needs.",
            outcome="Move to a nursing home near Linda, by the canal, when he is fit to leave.",
            reasons="Closest to his wishes and Linda's, and a home that can turn him at night.",
            stage=DURING,
        ),
        Death(
            others_remain_at_risk=YES,
            sar_criteria_may_be_met=YES,
            sar_considerations="Mr Crowther died with severe pressure damage and dehydration. "
            "The contracts team had known about night staffing at Calder Edge since the "
            "spring, so agencies may not have worked together as they should. The criteria "
            "for a safeguarding adults review (section 44) may be met; referred to the "
            "board's review group.",
            days_before=2,
            stage=DURING,
        ),
        Involvement(
            person_involvement="Before he died, Mr Crowther could not take part in words. "
            "Linda spoke for him, and we saw him twice on the ward, once with Linda and once "
            "on his own.",
            referrer_part_details=(
                "Sister Whiteley gave the tissue viability evidence to the enquiry "
                "and trained the home's nurses in pressure care."
            ),
            stage=LATE,
        ),
        feedback(
            "Told Sister Whiteley the outcome: neglect at night was found, the provider's "
            "action plan is being checked, the CQC has inspected and a review has been "
            "asked for."
        ),
    ),
}

RECORDS: dict[str, tuple[Record, ...]] = {**M1, **M2, **M3}

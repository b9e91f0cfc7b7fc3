"""The record kept during the everyday cases (routine.py), by scenario key.

Most enquiries have what they need to close cleanly. A realistic few leave a
prompt open: an outcome not revisited, feedback not yet given, a concern the
person has not been told about, or a co-signature still awaited."""

from msp.demo.records import (
    DURING,
    LATE,
    MANAGER,
    NOT_KNOWN,
    RAISED,
    TRIAGE,
    YES,
    Advocacy,
    BestInterests,
    Capacity,
    Consultee,
    Contact,
    Cosign,
    Escalation,
    EscalationResolved,
    Involvement,
    Override,
    Plan,
    PlanAction,
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

OPEN: dict[str, tuple[Record, ...]] = {
    "grace-ward": (
        Advocacy(
            result="advocate_arranged",
            difficulties=("using_or_weighing",),
            advocate_name="Kwame Asante, Northmoor Advocacy Hub (also her IMHA)",
        ),
        seen_alone(
            "meeting",
            "The assault was by another patient. No one is pressing her about what to say; "
            "she wants the police involved.",
            notes="Met in the ward's family room, away from the bays.",
        ),
        Risk(
            risk_to_person="Another assault at night while she is drowsy from medication.",
            other_adults_at_risk=YES,
            risk_to_others="Other women on the ward at night.",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Sexual assault is a crime; reported with Grace's consent.",
        ),
        RiskAction(
            kind="police",
            details="Passed Grace's account to the police with her consent; a female officer "
            "will take her statement.",
        ),
        RiskAction(
            kind="regulator",
            details="Checked that the hospital has told the CQC about the incident.",
        ),
        Plan(
            person_involvement="Grace chose what would help her feel safe at night and whom "
            "she talks to.",
            pace="Short meetings when she feels well enough; she can cancel at any time.",
            review_in=21,
            stage=DURING,
        ),
        PlanAction(
            description="Lock fitted to her bedroom door",
            owner_kind="agency",
            owner_name="Heatherbank Unit",
            due_in=7,
            status="done",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Statement to a female police officer, at a time Grace chooses, with "
            "her advocate",
            owner_kind="agency",
            owner_name="Northmoor Police",
            due_in=21,
            status="in_progress",
            outcome=1,
            stage=DURING,
        ),
        PlanAction(
            description="Review night observations on the women's corridor and send us what "
            "was found",
            owner_kind="referrer",
            owner_name="Siobhan Kearsley, ward manager",
            due_in=7,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Grace meets us with her advocate and decides what happens next.",
            referrer_part_details=(
                "Siobhan Kearsley moved Grace to a female-only bay and is reviewing "
                "night observations (an action in the plan)."
            ),
            stage=DURING,
        ),
    ),
    "daniel-hate": (
        no_advocate_needed("Daniel takes part fully and wants to lead."),
        seen_alone(
            "visit",
            "No one is controlling him; the abuse comes from neighbours.",
            notes="Met at his flat, as he asked.",
        ),
        Risk(
            risk_to_person="More racist and disability hate incidents, and being trapped "
            "when the lift is blocked.",
            other_adults_at_risk=NOT_KNOWN,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Hate crimes; Daniel wants them reported and prosecuted.",
        ),
        Plan(
            person_involvement="Daniel wrote most of the plan himself.",
            pace="He wants things to move quickly.",
            stage=DURING,
        ),
        PlanAction(
            description="Housing panel to consider him for a ground-floor flat",
            owner_kind="agency",
            owner_name="Northmoor Homes",
            due_in=70,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Meet the police hate crime officer with Daniel",
            owner_kind="worker",
            due_in=10,
            status="done",
            outcome=0,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Daniel chairs his own meetings and decides who comes.",
            stage=DURING,
        ),
    ),
    "lily-taxi": (
        supported_by(
            "Mei Chen (mother)",
            "Lily's mum knows how she communicates, has no part in the concern, and Lily "
            "wants her there.",
            ("understanding", "communicating"),
        ),
        Contact(
            method="visit",
            who_was_present="Her mother, Mei Chen, at Lily's request",
            seen_alone="tried",
            coercion_conclusion="The driver told her to keep it a secret. No one at home is "
            "pressing her.",
            notes="Met at home, with pictures. Lily wanted her mum to stay.",
        ),
        Risk(
            risk_to_person="More sexual abuse on the way to college, and being too "
            "frightened to go.",
            other_adults_at_risk=YES,
            risk_to_others="The driver carries other disabled students under the council's "
            "transport contract.",
            source_trust_role="staff",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Sexual assault is a crime; the police were told the same day.",
        ),
        RiskAction(
            kind="employer",
            details="The transport team took the driver off the council contract and told "
            "his employer.",
        ),
        RiskAction(
            kind="pipot",
            details="Referral to the council's person in a position of trust lead.",
        ),
        RiskAction(
            kind="police",
            details="Shared Lily's drawing and the college's notes with the police.",
        ),
        Override(
            kind="shared_without_consent",
            ground="position_of_trust",
            legal_basis="Care Act 2014 section 45 and the Data Protection Act 2018: sharing "
            "for safeguarding where others are at risk.",
            rationale="The driver holds a council taxi licence and could carry other "
            "disabled passengers privately. Waiting until after Lily's police interview "
            "would leave them at risk.",
            decided_by="Aaron Mensah, social worker",
            shared_what="The driver's name, and that a disclosure of sexual touching was made",
            shared_with="Northmoor Council licensing team",
            person_told=True,
            after=(0, 1),
        ),
        Plan(
            person_involvement="Lily chose, with pictures, to keep going to college with a "
            "lady driver.",
            pace="One short meeting a week, with her mum, at Lily's pace.",
            stage=DURING,
        ),
        PlanAction(
            description="Female driver for college transport",
            owner_kind="agency",
            owner_name="Council transport team",
            due_in=7,
            status="done",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Police interview with a registered intermediary, with her mum there",
            owner_kind="agency",
            owner_name="Northmoor Police",
            due_in=14,
            status="in_progress",
            outcome=1,
            stage=DURING,
        ),
        PlanAction(
            description="Check in with Lily every day at college",
            owner_kind="referrer",
            owner_name="Helen Cawthorne, course tutor",
            due_in=120,
            status="in_progress",
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Lily took part with pictures, with her mum beside her, and "
            "chose the lady driver.",
            referrer_part_details="Helen Cawthorne checks in with Lily every day at college (an "
            "action in the plan).",
            stage=DURING,
        ),
    ),
    "valerie-lpa": (
        Advocacy(
            result="advocate_arranged",
            difficulties=("understanding", "retaining", "using_or_weighing"),
            appropriate_individual=YES,
            appropriate_individual_name="Michael Ingham (son, attorney for finances)",
            individual_implicated=True,
            advocate_name="Rev. Alan Pickup, Northmoor Advocacy Hub",
        ),
        seen_alone(
            "visit",
            "She relies on Michael and says 'he looks after all that'. She could not say "
            "where her money goes. No sign she is afraid of him.",
            indicators=("controls_money",),
            notes="Visited at home with her advocate for part of the time, and on her own "
            "for the rest.",
        ),
        Escalation(
            details="Martin Hebden at the building society says another £3,000 left the "
            "account after he raised the concern, and no one has called him back.",
        ),
        EscalationResolved(
            resolution="The team manager rang Mr Hebden the same day. The building society "
            "has frozen the attorney's access until the Office of the Public Guardian has "
            "looked into it.",
            by=MANAGER,
            after=(0, 0),
        ),
        Capacity(
            decision="Whether she can manage her own money, or decide who manages it",
            support_given="Two visits with her advocate; her bank statements in large "
            "print; short questions, one at a time.",
            understand=unable(
                "She could not say what the transfers were, or that the money had gone."
            ),
            retain=unable("She did not remember the statements from one visit to the next."),
            use_or_weigh=unable("She could not weigh the care bills against the transfers."),
            communicate=able("She said clearly she wants to stay at home and wants no row."),
            impairment=YES,
            impairment_evidence="Alzheimer's disease, diagnosed by the memory clinic in 2022.",
        ),
        Risk(
            risk_to_person="Her savings used up, and her care at risk because the bills go unpaid.",
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Transfers by an attorney to his wife's business may be "
            "fraud by abuse of position; reported to the police alongside the Office of "
            "the Public Guardian.",
        ),
        RiskAction(
            kind="other",
            details="Referral to the Office of the Public Guardian to look into how the "
            "attorney has used the power.",
        ),
        BestInterests(
            decision="Whether to report the attorney's use of her money to the Office of the "
            "Public Guardian and the police, against her son's wishes",
            past_wishes="She always said her money was for her care and a little for the "
            "grandchildren.",
            present_wishes="She wants to stay at home and does not want a family row.",
            consulted=(
                Consultee(
                    "Rev. Alan Pickup",
                    "advocate",
                    "Valerie's wishes point to keeping her money for her care.",
                ),
                Consultee(
                    "Karen Ingham",
                    "family",
                    "Her brother has taken too much; Mum would hate a row but wants to stay "
                    "at home.",
                ),
                Consultee(
                    "Dr Owen Lightfoot",
                    "professional",
                    "Her care is at risk if the bills go unpaid.",
                ),
            ),
            less_restrictive_options="Asking Michael to repay the money and account for it "
            "without a report; he refused.",
            outcome="Report to the Office of the Public Guardian and the police, and ask the "
            "building society to keep the freeze.",
            reasons="It keeps her money for her care, as she always wanted, and keeps her at home.",
            stage=DURING,
        ),
        Override(
            kind="family_wishes",
            ground="best_interests",
            legal_basis="Mental Capacity Act 2005 section 4 (best interests) and Care Act "
            "2014 section 42; the Office of the Public Guardian's power to look into "
            "attorneys.",
            rationale="Michael asked us not to report him. Valerie cannot make this decision "
            "herself, and reporting protects the money she always said was for her care.",
            decided_by="Jess Whitfield, social worker, with Helen Brightwater, team manager",
            advised_by="Rev. Alan Pickup, independent advocate",
            person_told=True,
            stage=DURING,
        ),
        Cosign(stage=DURING, after=(1, 2)),
        Plan(
            person_involvement="Planned with Valerie and her advocate; her wish to stay at "
            "home is at the centre of it.",
            pace="Short visits with her advocate; nothing decided on a day she was told "
            "something new.",
            stage=DURING,
        ),
        PlanAction(
            description="Keep the attorney's access frozen and tell us of any new payments",
            owner_kind="referrer",
            owner_name="Martin Hebden, Northmoor Building Society",
            due_in=3,
            status="done",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Pay the home care arrears from her account once the Office of the "
            "Public Guardian agrees",
            owner_kind="agency",
            owner_name="Office of the Public Guardian",
            due_in=90,
            status="in_progress",
            outcome=1,
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Valerie met us three times with her advocate and said what "
            "matters to her.",
            referrer_part_details=(
                "The building society froze the attorney's access and tells us of "
                "any new payments (an action in the plan)."
            ),
            stage=DURING,
        ),
        feedback(
            "Told Martin Hebden the enquiry is closing: the Office of the Public Guardian has "
            "the case and the freeze stays until it decides.",
            limited=True,
        ),
    ),
    "marjorie-daycentre": (
        no_advocate_needed(
            "Mrs Hesketh takes part fully; she asked Peter to come to the first meeting."
        ),
        seen_alone(
            "visit",
            "No one is shaping her account, which she gave the same way twice.",
            notes="Saw her at home on her own, then with Peter.",
        ),
        Risk(
            risk_to_person="Another push or fall at the day centre.",
            other_adults_at_risk=YES,
            risk_to_others="The staff member works with about forty older people at Kingsway.",
            source_trust_role="staff",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="not_reported",
            police_decision_reason="Mrs Hesketh did not want the police, the injury was a "
            "graze, and the provider's disciplinary process is under way. Agreed with the "
            "team manager.",
        ),
        RiskAction(
            kind="employer",
            details="Kingsway suspended the staff member and started its disciplinary process.",
        ),
        RiskAction(kind="pipot", details="Referral to the council's PiPoT lead."),
        Involvement(
            person_told="yes",
            person_involvement="Marjorie chose her new day centre and was kept up to date at "
            "each step.",
            referrer_part_details="Peter found the new day centre with his mother and takes her on "
            "Tuesdays.",
            stage=DURING,
        ),
        feedback(
            "Told Peter the enquiry found the push happened and his mother has moved day "
            "centres; we are waiting for the provider's disciplinary outcome."
        ),
    ),
    "wilfred-again": (
        seen_alone(
            "meeting",
            "His nephew has been taking his money and speaking for him. On his own, he asked "
            "for help himself; that is his own wish.",
            indicators=("controls_money", "answers_for_person", "changed_account"),
            notes="Seen by the duty worker in the bank's private room, with no one else there.",
            stage=TRIAGE,
        ),
    ),
    "harold-again": (
        Escalation(
            details="Julie Simkins says she reported bruising from the same agency months "
            "ago, was never told what happened, and now there are more bruises.",
            stage=RAISED,
        ),
    ),
    "derek-again": (
        supported_by(
            "Colin Ollerenshaw (brother)",
            "Colin is the one person Derek trusts, has no part in the concern and agreed to "
            "support him.",
            ("using_or_weighing",),
        ),
        seen_alone(
            "visit",
            "No one is influencing him; he lives alone and sees only Colin.",
            notes="Saw him on the ward, on his own.",
        ),
        Contact(
            method="phone",
            outcome="third_party",
            who_was_present="Colin Ollerenshaw, his brother",
            seen_alone="not_applicable",
            notes="Asked Colin what has helped Derek before, and what has not.",
        ),
        Contact(
            method="visit",
            who_was_present="Connor Bywater, recovery worker",
            seen_alone="no",
            notes="Joint visit at home with the recovery worker after discharge.",
        ),
        unanswered(
            "letter", "Easy-to-read letter with the dates of the next visits.", outcome="sent"
        ),
        SelfNeglect(
            background_and_history="Worked twenty-eight years at Holroyd's foundry until it "
            "closed in 2016. His drinking grew after that and after his divorce. His brother "
            "Colin is the only family he sees.",
            trusted_person="Colin Ollerenshaw, his brother",
        ),
        Risk(risk_to_person="Life-threatening weight loss, leg ulcers and falls at home."),
        Capacity(
            decision="Whether to accept a meal delivered every day and nursing care for his legs",
            support_given="Morning visits at home, before he has had a drink, with Colin "
            "there at his request.",
            understand=able("He explained that not eating could kill him."),
            retain=able("He remembered the meals service from one visit to the next."),
            use_or_weigh=able(
                "He weighed being left alone against being ill, and chose the meals."
            ),
            communicate=able("He told us his decision clearly."),
            impairment=YES,
            impairment_evidence="Suspected alcohol-related brain damage; referred to the "
            "memory clinic.",
            executive_function="He understands the risks but cannot plan or start meals, or "
            "drink less, on his own. He needs meals brought and reminders to eat: the "
            "difficulty is in carrying out his decisions, not in making them.",
            reassess_in=56,
            stage=DURING,
        ),
        Plan(
            person_involvement="Derek chose the meals service himself on the third visit, "
            "with Colin there.",
            pace="One change at a time, and no more than one visit a week.",
            stage=DURING,
        ),
        PlanAction(
            description="Hot meal delivered every day",
            owner_kind="agency",
            owner_name="Northmoor Community Meals",
            due_in=7,
            status="done",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="District nurse for his leg ulcers twice a week",
            owner_kind="agency",
            owner_name="Northmoor Community Health Services",
            due_in=84,
            status="in_progress",
            outcome=0,
            stage=DURING,
        ),
        PlanAction(
            description="Memory clinic assessment",
            owner_kind="agency",
            owner_name="Northmoor Memory Service",
            due_in=14,
            stage=DURING,
        ),
        PlanAction(
            description="Visit on Sundays",
            owner_kind="family",
            owner_name="Colin Ollerenshaw",
            due_in=84,
            status="in_progress",
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Derek chose what to try first and when we visit.",
            referrer_part_details="Ravi Lodhia, the paramedic, shared what the crew found; the "
            "ambulance service now flags the address for welfare checks.",
            stage=DURING,
        ),
    ),
    "cyril-again": (
        no_advocate_needed("Mr Bancroft can take part; his daughter visits every week."),
        seen_alone("visit", "No one is influencing him.", notes="Saw him in his room."),
        Risk(
            risk_to_person="Being given the wrong medicines again.",
            other_adults_at_risk=YES,
            risk_to_others="Every resident on the same medicines round.",
            source_trust_role="staff",
            source_has_contact_with_others_at_risk=YES,
        ),
        RiskAction(kind="regulator", details="The home told the CQC; we checked it was done."),
        RiskAction(
            kind="employer",
            details="The home's manager retrained the nurse and changed the teatime "
            "medicines round.",
        ),
        Involvement(
            person_told="yes",
            person_involvement="Mr Bancroft said what he wanted and checks the new packet "
            "with the nurse.",
            referrer_part_details=(
                "Femi Adeyemi reported the error himself and led the medicines review."
            ),
            stage=DURING,
        ),
        feedback(
            "Told Femi Adeyemi the enquiry is closing: the new medicines checks are working "
            "and Mr Bancroft is satisfied."
        ),
    ),
}

CLOSED: dict[str, tuple[Record, ...]] = {
    "eileen-resident": (
        supported_by(
            "Diane Brackenbury (daughter)",
            "Diane visits every day, knows her mother's wishes and has no part in the concern.",
        ),
        Capacity(
            decision="Whether to keep sitting in the main lounge while Mr D's care is reviewed",
            support_given="Two visits in the lounge at her usual time, with Diane at one; "
            "simple choices, with her own chair in view.",
            understand=unable("She could not say what had happened or why staff were worried."),
            retain=unable("She did not remember the slap, or our talk, the next day."),
            use_or_weigh=unable(
                "She could not weigh her chair by the window against the risk from Mr D."
            ),
            communicate=able("She said clearly, 'That's my chair.'"),
            impairment=YES,
            impairment_evidence="Dementia, diagnosed in 2020; the home's GP confirms it.",
        ),
        Risk(
            risk_to_person="Another assault by the same resident.",
            other_adults_at_risk=YES,
            risk_to_others="Mr D has hit out at two other residents this month.",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="not_reported",
            police_decision_reason="Mr D has advanced dementia; the home and his mental "
            "health team are managing the risk. Agreed with the team manager.",
        ),
        RiskAction(
            kind="employer",
            details="Larchfield reviewed Mr D's care and put an extra member of staff in the "
            "lounge in the afternoons.",
        ),
        BestInterests(
            decision="Where Mrs Brackenbury sits in the afternoons while the risk from Mr D "
            "is reduced",
            past_wishes="She has always sat by the lounge window to watch the birds.",
            present_wishes="She wants her own chair and is upset when moved.",
            consulted=(
                Consultee(
                    "Diane Brackenbury",
                    "family",
                    "Mum should keep her chair if staff are there.",
                ),
                Consultee(
                    "Angela Cropper",
                    "professional",
                    "We can have a member of staff in the lounge every afternoon.",
                ),
            ),
            less_restrictive_options="Keeping her chair with extra staff nearby, instead of "
            "moving her to the quiet lounge.",
            outcome="She keeps her chair by the window, with an extra member of staff in the "
            "lounge every afternoon.",
            reasons="Her wishes are met and the risk is managed where she is happiest.",
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Mrs Brackenbury took part in the lounge, where she is most at "
            "ease; Diane spoke for what her mother would want.",
            referrer_part_details="Angela Cropper put the afternoon staffing in place and reported "
            "any incidents to us every week.",
            stage=DURING,
        ),
        feedback(
            "Told Angela Cropper the enquiry is closing with the afternoon staffing in place "
            "and Mr D's care reviewed."
        ),
    ),
    "shirley-doorstep": (
        no_advocate_needed("Ms Tebbutt takes part fully with a BSL interpreter."),
        seen_alone(
            "visit",
            "No one is influencing her; the traders are strangers.",
            present="A BSL interpreter",
            notes="Visited with a BSL interpreter.",
        ),
        Risk(
            risk_to_person="More visits, and more money taken by the traders.",
            public_at_risk=YES,
            risk_to_others="The traders work the same streets.",
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Fraud; reported together with trading standards.",
        ),
        Involvement(
            person_told="yes",
            person_involvement="Shirley chose the video doorbell and the password scheme.",
            referrer_part_details="Kim Aspinall led the trading standards case and arranged the "
            "video doorbell.",
            stage=DURING,
        ),
        feedback(
            "Told Kim Aspinall the enquiry is closing: the doorbell is fitted and the bank "
            "has refunded part of the money."
        ),
        seen_alone(
            "visit",
            "Still no one influencing her.",
            present="A BSL interpreter",
            notes="Visited with the interpreter after the traders came back.",
            second=True,
        ),
        Risk(
            risk_to_person="The traders came back with a fake council badge.",
            public_at_risk=YES,
            risk_to_others="The traders work the same streets.",
            crime_may_have_been_committed=YES,
            police_decision="reported",
            police_decision_reason="Reported again; the police are looking for the van.",
            second=True,
        ),
        feedback(
            "Told Kim Aspinall the second enquiry is closing: the password scheme is in "
            "place and trading standards are following it up.",
            second=True,
        ),
    ),
    "frank-sensory": (
        RiskAction(
            kind="regulator",
            details="Told the Care Quality Commission that staff at Calder Edge were not "
            "meeting residents' communication needs, and what the home is doing about it.",
        ),
        feedback(
            "Told Margaret the sensory team has trained Frank's keyworkers and he is back at "
            "the dominoes."
        ),
    ),
    "maureen-earlier": (
        Contact(
            method="visit",
            coercion_conclusion="Lives alone; no one else involved.",
            notes="On the doorstep. She said she is fine and does not want help.",
        ),
    ),
    "grace-earlier": (
        Advocacy(
            result="advocate_arranged",
            difficulties=("using_or_weighing",),
            advocate_name="Kwame Asante, Northmoor Advocacy Hub",
        ),
        seen_alone(
            "meeting",
            "The men gave her drugs and she felt she owed them; she was not free to say no. "
            "Away from them she was clear she wants it to stop.",
            indicators=("fear", "controls_money"),
            notes="Met at the community mental health team's base.",
        ),
        Risk(
            risk_to_person="More sexual exploitation and drug use.",
            other_adults_at_risk=YES,
            risk_to_others="The men are thought to target other vulnerable women.",
            source_has_contact_with_others_at_risk=YES,
            crime_may_have_been_committed=YES,
            police_decision="already_aware",
            police_decision_reason="The police found her and are leading on the men.",
        ),
        RiskAction(
            kind="police",
            details="Shared what Grace told us about the Easterfold address with the police.",
        ),
        Involvement(
            person_told="yes",
            person_involvement="Grace chose what to share with Easterfold and met her new "
            "worker before the handover.",
            referrer_part_details=(
                "PC Iveson shared the police plan and will tell us if the men are charged."
            ),
            stage=DURING,
        ),
        feedback("Told PC Iveson the enquiry has passed to Easterfold Council with a joint plan."),
    ),
    "patrick-earlier": (
        no_advocate_needed(
            "Mr Doherty can take part without help when sober, and wants to speak for himself."
        ),
        Contact(
            method="trusted_person",
            outcome="third_party",
            who_was_present="Connor Bywater, recovery worker, by phone",
            seen_alone="not_applicable",
            notes="Asked Connor to let Paddy know we would like to see him at the recovery "
            "service.",
        ),
        seen_alone(
            "meeting",
            "No one is influencing him. He distrusts services after his time in care as a "
            "boy, and says so himself.",
            notes="Met at the recovery service, on his own, when he was sober.",
        ),
        Risk(
            risk_to_person="Being robbed and hurt again when he is drunk outdoors at night.",
            public_at_risk=NOT_KNOWN,
            crime_may_have_been_committed=YES,
            police_decision="already_aware",
            police_decision_reason="The police found him. He chose not to make a statement "
            "and understood what that means.",
        ),
        seen_alone(
            "meeting",
            "The same account and the same wishes as last time.",
            notes="Second meeting at the recovery service. Went through the options again.",
            stage=DURING,
        ),
        Involvement(
            person_told="yes",
            person_involvement="Paddy chose where and when we met, and what we did.",
            options_explained="A police statement; Victim Support; a key worker from adult "
            "social care; help replacing his bus pass and bank card. What each would mean, "
            "including that a statement might lead to a court case.",
            reasons_for_declining="He does not trust 'the social' after time in care as a "
            "boy, and fears losing his flat: 'You lot always make it worse.'",
            referrer_part_details="PC Iveson passed on the crime reference and will tell us if the "
            "men are caught.",
            stage=LATE,
        ),
        feedback(
            "Told PC Iveson the enquiry ended at Mr Doherty's request; his bus pass is "
            "replaced and he knows he can come back through the recovery service."
        ),
    ),
    "ayesha-earlier": (
        no_advocate_needed("She can take part; her husband interprets."),
        Contact(
            method="visit",
            who_was_present="Her husband, who interpreted",
            seen_alone="no",
            notes="Home visit. Husband interpreted. Mrs B said she fell and wants no help.",
        ),
        Involvement(outcomes_not_asked_reason="She said she wants no help."),
    ),
    "lily-earlier": (
        supported_by(
            "Mei Chen (mother)",
            "Lily's mum knows how she communicates and has no part in the concern.",
            ("understanding", "communicating"),
        ),
        seen_alone(
            "meeting",
            "The other student is a friend she wants to keep; no one is pressing her now.",
            notes="Met at college on her own, with pictures.",
        ),
        Risk(risk_to_person="Going without lunch and bus money."),
        Involvement(
            person_told="yes",
            person_involvement="Lily chose, with pictures, to stay friends and do the money "
            "course.",
            referrer_part_details="Mei went through the money-safety booklets with Lily at home.",
            stage=DURING,
        ),
        feedback(
            "Told Mei the college has spoken to both students and Lily has finished the "
            "money-safety course."
        ),
    ),
    "hilda-falls": (
        supported_by(
            "Claire Greenhalgh (granddaughter)",
            "Claire visits every week, knows what matters to her grandmother and has no part "
            "in the concern.",
            ("retaining",),
        ),
        seen_alone("visit", "No one is influencing her.", notes="Saw her in her room."),
        Risk(risk_to_person="More falls.", source_trust_role="staff"),
        RiskAction(
            kind="employer",
            details="Shared the findings with Larchfield's manager, who confirmed the falls "
            "care plan is being followed.",
        ),
        Involvement(
            person_told="yes",
            person_involvement="Mrs Greenhalgh told us she wants to walk to the dining room "
            "herself.",
            referrer_part_details="The hospital team raised it after her admission and shared her "
            "medical notes with the enquiry.",
            stage=DURING,
        ),
        feedback(
            "Her family, who first raised the worry with the hospital team, were told by "
            "phone that the falls were caused by an infection, now treated, and that her "
            "care plan was followed."
        ),
    ),
}

RECORDS: dict[str, tuple[Record, ...]] = {**OPEN, **CLOSED}

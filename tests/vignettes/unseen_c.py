"""A third blind vignette set: twenty stories written from myths.md (the checks
and what each asks) and domain.md (the law and practice) only. The guard's code,
its accuracy notes and the earlier sets' expectations were not read; the earlier
files were opened only to learn the vignette format and the API.

Half the stories are poor practice, recorded the way a rushed practitioner
really writes (short notes, a box ticked "no" to move on, a field left empty),
each expecting one or more check ids. Half are good practice, complete for the
stage they stop at, expecting no finding at all.

Themes differ from the earlier sets: a man with a learning disability in
supported living, money taken by a lodger, a hospital discharge gone wrong, a
carer under strain, cuckooing and scams, an older couple where one cares for
the other, a home care agency letting several people down, fluctuating capacity
in mental illness, a person who declines when the source of risk is a paid
carer, a person who dies during the enquiry, referrers (GP, police, bank) who
hear nothing back, and desired outcomes written in professional jargon.

Where the API refused what a rushed worker might type, the story records what
the API let through instead, and says so. Where the guard disagrees with a
story, the vignette carries a strict ``xfail`` note saying what differed.
"""

from tests.vignettes import record as r
from tests.vignettes.engine import Body, Outcome, Step, Vignette, day

NONE: frozenset[str] = frozenset()
DUTY_LINE = "01632 960 400"


# --- building blocks (this set's own wording) ---------------------------------


def advocacy(reason: str, **fields: object) -> Step:
    body: Body = {**r.ADVOCACY, "assessed_on": day(-26), "reason": reason}
    return ("POST", "advocacy-assessments", {**body, **fields})


def seen(when: int, present: str, conclusion: str, **fields: object) -> Step:
    body: Body = {
        **r.SEEN_ALONE,
        "contacted_on": day(when),
        "who_was_present": present,
        "coercion_conclusion": conclusion,
    }
    return ("POST", "contacts", {**body, **fields})


def attempt(when: int, method: str, outcome: str, **fields: object) -> Step:
    body: Body = {
        "contacted_on": day(when),
        "method": method,
        "outcome": outcome,
        "who_was_present": "",
        "seen_alone": "not_applicable",
    }
    return ("POST", "contacts", {**body, **fields})


def risk(to_person: str, **fields: object) -> Step:
    body: Body = {
        "risk_to_person": to_person,
        "other_adults_at_risk": "no",
        "children_at_risk": "no",
        "public_at_risk": "no",
        "source_trust_role": "none",
        "source_has_contact_with_others_at_risk": "no",
        "crime_may_have_been_committed": "no",
    }
    return ("PUT", "risk-assessment", {**body, **fields})


def risk_action(kind: str, details: str, done_by: str, when: int = -10) -> Step:
    return (
        "POST",
        "risk-actions",
        {"kind": kind, "details": details, "done_by": done_by, "done_on": day(when)},
    )


def plan(involvement: str, pace: str, **fields: object) -> Step:
    return ("PUT", "plan", {"person_involvement": involvement, "pace": pace, **fields})


def action(description: str, owner_kind: str, owner_name: str, due: int = 21) -> Step:
    return (
        "POST",
        "plan-actions",
        {
            "description": description,
            "owner_kind": owner_kind,
            "owner_name": owner_name,
            "due_on": day(due),
            "outcome_id": "{outcome_id}",
        },
    )


def involvement(**fields: object) -> Step:
    return ("PUT", "involvement", dict(fields))


def feedback(said: str, when: int = -2, **fields: object) -> Step:
    return (
        "POST",
        "referrer-feedback",
        {"concern_id": "{concern_id}", "given_on": day(when), "what_was_said": said, **fields},
    )


def concluded(open_door: str, **fields: object) -> Body:
    return {
        "reason": "enquiry_concluded",
        "action_result": "risk_action",
        "risk_outcome": "reduced",
        "msp_asked": "asked_expressed",
        "experience_asked": "survey_to_follow",
        "lacked_capacity": "no",
        "open_door": open_door,
        **fields,
    }


def declined(open_door: str, **fields: object) -> Body:
    return {
        "reason": "person_declined",
        "action_result": "ceased",
        "msp_asked": "asked_expressed",
        "experience_asked": "survey_to_follow",
        "lacked_capacity": "no",
        "open_door": open_door,
        **fields,
    }


def concern(referrer: tuple[str, str, str], what: str, wishes: str, **fields: object) -> Body:
    name, job, organisation = referrer
    return {
        "raised_on": day(-30),
        "raised_via": "partner",
        "referrer_name": name,
        "referrer_job_title": job,
        "referrer_organisation": organisation,
        "what_happened": what,
        "person_wishes": wishes,
        "person_aware": "yes",
        **fields,
    }


def person(given: str, family: str, born: str, **fields: object) -> Body:
    return {"given_name": given, "family_name": family, "date_of_birth": born, **fields}


def able_capacity(decision: str, support: str, executive: str, **fields: object) -> Step:
    body: Body = {
        "decision": decision,
        "assessed_on": day(-18),
        "assessor_name": "Priya Shah, social worker",
        "support_given": support,
        "understand": "able",
        "understand_evidence": "Told me in her own words what each choice would involve.",
        "retain": "able",
        "retain_evidence": "Went over it again unprompted at the next visit.",
        "use_or_weigh": "able",
        "use_or_weigh_evidence": "Weighed what she would gain against what she would lose.",
        "communicate": "able",
        "communicate_evidence": "Clear throughout.",
        "impairment": "no",
        "executive_function": executive,
    }
    return ("POST", "capacity-assessments", {**body, **fields})


# --- poor practice -------------------------------------------------------------

POOR: list[Vignette] = [
    Vignette(
        id="c-p01-paid-carer-declined-no-pipot",
        story="""Maureen's morning carer from an agency has been taking "petrol money"
        from her purse and told her to keep it between them. Maureen, seen alone, wants it
        dropped: she likes the carer. The worker records the options, her reasons, the open
        door, and a risk assessment that says the carer is a paid carer who visits other
        older people, then closes on Maureen's wish. Nobody tells the agency or makes a
        PiPoT referral ("not contacted Brightway as Maureen doesn't want her in trouble"),
        and the note calls the refusal "an unwise decision" with no capacity reasoning.""",
        expected=frozenset({"M1.e", "M3.a", "M6.d"}),
        person=person("Maureen", "Tait", "1950-02-11"),
        concern=concern(
            ("Sandra Tait", "", ""),
            "Mum's morning carer from Brightway Care has taken £20 'for petrol' most weeks "
            "since March and told Mum not to tell anyone.",
            "She likes the carer and does not want her to get into trouble.",
            raised_via="public",
            referrer_relationship="Daughter",
            abuse_types=["financial", "psychological"],
            location_of_risk="own_home",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Carers twice a day since her hip replacement.",
            "experiencing_or_at_risk_evidence": "She confirms the carer takes money most weeks.",
            "unable_to_protect_self_evidence": "Depends on this carer to get up and washed.",
        },
        steps=(
            advocacy("Maureen follows everything and speaks up for herself."),
            attempt(-27, "phone", "spoke", who_was_present="No one else", seen_alone="yes"),
            seen(
                -24,
                "No one else: visited after the carer had left",
                "Seen alone. Says the carer asked her to keep it quiet but she is not scared "
                "of her. Clear she wants it dropped.",
                outcome="declined",
                coercion_indicators=["fear"],
            ),
            attempt(-20, "phone", "declined", who_was_present="No one else", seen_alone="yes"),
            risk(
                "She keeps losing small sums and may be asked for more.",
                other_adults_at_risk="yes",
                source_trust_role="paid_carer",
                source_has_contact_with_others_at_risk="yes",
                risk_to_others="Carer does a round of about ten older people.",
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason="Maureen does not want the police; small amounts.",
            ),
            involvement(
                person_told="yes",
                person_involvement="Two phone calls and a visit with Maureen.",
                options_explained=(
                    "Ask Brightway for a new carer, report it to Brightway or the police, "
                    "or leave it: explained the carer could do the same to other people."
                ),
                reasons_for_declining="'She's good to me, I don't want her losing her job over a few quid.'",
                referrer_part=["gave_information", "received_feedback"],
            ),
            r.note(
                "Maureen has capacity and is making an unwise decision declining any action. "
                "Not contacted Brightway as Maureen doesn't want her in trouble."
            ),
            feedback("Told Sandra that Mum wants no further action and that is her right."),
        ),
        outcomes=(
            Outcome(
                text="I want it to stop but I don't want her sacked.",
                revisions=(
                    {
                        "text": "I just want it left now.",
                        "reason": "Rang her back a few days later.",
                    },
                ),
                rating={"achievement": "partially", "person_view": "I've told her no more money."},
            ),
        ),
        closure=declined(f"Told her she can ring {DUTY_LINE} any time; in her closure letter."),
    ),
    Vignette(
        id="c-p02-lodger-police-told-against-wishes",
        story="""Reg's lodger has held his bank card for months and the rent is in
        arrears. Reg does not want the police ("he's like a son to me"). The worker reports
        it to the police anyway, which may well be right, but records only "it's a crime",
        with no override: no ground, no lawful basis, no one who decided with them, and no
        word on whether Reg was told. The notes call the enquiry an "investigation".""",
        expected=frozenset({"M3.c", "M8.b"}),
        person=person("Reginald", "Oyelaran", "1938-07-02"),
        concern=concern(
            ("Dev Sharma", "Housing officer", "Northmoor Homes"),
            "His lodger has had his bank card since the summer. The rent account is £900 in "
            "arrears though Reg says he gives the lodger the rent to pay in.",
            "Reg does not want the police: 'He's like a son to me.'",
            abuse_types=["financial"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Partially sighted; home care for meals.",
            "experiencing_or_at_risk_evidence": "Rent arrears and card held by the lodger.",
            "unable_to_protect_self_evidence": "Cannot read his statements; relies on lodger.",
        },
        steps=(
            advocacy("Reg talks things through well; large print letters."),
            seen(-25, "No one else, lodger at work", "Reg spoke freely alone, no pressure seen."),
            r.note("S42 investigation visit done. Reg confirmed lodger has his card."),
            risk(
                "He could lose his tenancy and his savings.",
                crime_may_have_been_committed="yes",
                police_decision="reported",
                police_decision_reason="Theft of over £900 - it's a crime and lodger has previous.",
            ),
            r.note("Reported to police as theft, ref 14/55321. Investigation ongoing our end."),
            plan("Went through the plan with Reg.", "Reg wants the card sorted first."),
            action(
                "Set up rent payments by direct debit from Reg's account", "referrer", "Dev Sharma"
            ),
            involvement(
                person_told="yes",
                person_involvement="Visited Reg twice and went through the options with him.",
                options_explained="New card and PIN, rent by direct debit, ending the lodging.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Dev the card is cancelled and rent now goes by direct debit."),
        ),
        outcomes=(
            Outcome(
                text="I want to keep him as my lodger but I want my card back.",
                revisions=(
                    {
                        "text": "Card back, and a rent book so I know it's paid.",
                        "reason": "Second visit, after the bank sent the new card.",
                    },
                ),
                rating={
                    "achievement": "fully",
                    "person_view": "I've got my card and my rent book.",
                },
            ),
        ),
        closure=concluded(f"Reg has the duty line {DUTY_LINE} and Dev's number."),
    ),
    Vignette(
        id="c-p03-discharge-gp-never-told",
        story="""Gwen was sent home from hospital on a Friday evening with no care
        restarted and was found on the floor on Sunday. Her GP raised it. The worker does
        a decent job with Gwen and tells the hospital, but records the GP as "referred
        only" and never tells the GP anything. The plan has no word on Gwen's pace, and
        the worker ticks "not known" for whether a crime may have been committed and leaves
        the police decision blank.""",
        expected=frozenset({"M2.d", "M3.b", "M7.a", "M9.a"}),
        person=person("Gwen", "Pryce", "1936-11-19"),
        concern=concern(
            ("Dr Amir Haddad", "GP", "Castlegate Surgery"),
            "Discharged from Northmoor General on Friday evening with no care package "
            "restarted; neighbour found her on the floor on Sunday, dehydrated.",
            "She wants to stay at home and never go back to that ward.",
            abuse_types=["neglect"],
            location_of_risk="hospital_acute",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Four calls a day before admission.",
            "experiencing_or_at_risk_evidence": "Two days without care after discharge.",
            "unable_to_protect_self_evidence": "Cannot get up from the floor or to the kitchen alone.",
        },
        steps=(
            advocacy("Gwen is clear and able to take part."),
            seen(-26, "No one else", "Seen alone at home; no concerns about anyone at home."),
            risk(
                "Could be sent home again without care.",
                other_adults_at_risk="yes",
                source_trust_role="staff",
                source_has_contact_with_others_at_risk="yes",
                crime_may_have_been_committed="unknown",
            ),
            risk_action(
                "employer",
                "Sent the concern to the hospital safeguarding team to look at the discharge.",
                "Lead worker",
            ),
            plan("Spoke to Gwen about restarting her care package.", ""),
            action("Restart the four calls a day", "agency", "Home care brokerage"),
            involvement(
                person_told="yes",
                person_involvement="Visited Gwen and agreed the care restart with her.",
                options_explained="Care restart, a key safe, and a hospital complaint.",
                referrer_part=["referred_only"],
            ),
            r.note("Hospital asked to look into discharge. Care restarted. GP aware of admission."),
        ),
        outcomes=(
            Outcome(
                text="I want to be safe at home and have my carers come like before.",
                revisions=(
                    {
                        "text": "Carers like before, and a key safe so they can get in.",
                        "reason": "Reviewed with her after the first week of calls.",
                    },
                ),
                rating={"achievement": "fully", "person_view": "They're coming again, all four."},
            ),
        ),
        closure=concluded(f"Gwen has the duty line {DUTY_LINE}."),
    ),
    Vignette(
        id="c-p04-carer-strain-nfa",
        story="""Day centre staff saw Joan, Stan's wife and only carer, grab his arm hard
        and shout at him; she told them she has not slept properly in months. The manager
        decides no enquiry is needed and the response box says only "NFA at present", with
        "information and advice" picked because a response type must be chosen. Nothing
        about a carer's assessment for Joan or a review of Stan's care. Everything else
        (feedback, telling Stan) is done.""",
        expected=frozenset({"M8.a"}),
        person=person("Stanley", "Webb", "1944-04-23", primary_support_reason="memory_cognition"),
        concern=concern(
            ("Gemma Holt", "Day centre officer", "Brook Street Day Centre"),
            "Stan's wife Joan, his only carer, grabbed his arm hard in the car park and "
            "shouted at him; she told staff she has not slept properly in months.",
            "Stan could not say; Joan says she just needs a break.",
            abuse_types=["physical", "psychological"],
            location_of_risk="community",
            sources_of_risk=["known"],
        ),
        decision={
            "result": "none",
            "care_and_support_needs_evidence": "Vascular dementia; day centre three days.",
            "experiencing_or_at_risk": "no",
            "experiencing_or_at_risk_evidence": "One incident, no injury seen.",
            "unable_to_protect_self": "no",
            "unable_to_protect_self_evidence": "Wife with him.",
            "proportionate_response": "information_advice",
            "response_details": "NFA at present.",
        },
        steps=(
            involvement(
                person_told="yes",
                person_involvement="Phoned the house; spoke to Stan briefly.",
                referrer_part=["gave_information"],
            ),
            feedback("Told Gemma no enquiry needed; NFA."),
        ),
        closure={"reason": "no_enquiry", "open_door": f"Day centre can re-refer on {DUTY_LINE}."},
    ),
    Vignette(
        id="c-p05-cuckooing-closed-after-two-tries",
        story="""The police PCSO reports young men using Liam's flat, probably to deal
        drugs; Liam had a black eye. The worker visits once with two of the men in the
        room, does not try to see Liam on his own, and writes nothing about coercion. One
        unanswered phone call later the case is closed as "not engaging": two attempts, no
        options explained, no word on why he might be pushing help away. The open door
        letter and the police decision are fine.""",
        expected=frozenset({"M1.a", "M1.b", "M1.f", "M6.a", "M6.c"}),
        person=person(
            "Liam", "Doherty", "1998-01-30", primary_support_reason="learning_disability"
        ),
        concern=concern(
            ("PCSO Kerry Nolan", "Police community support officer", "Northmoor Police"),
            "Three young men coming and going from Liam's flat at all hours; neighbours "
            "report dealing from the flat. Liam seen with a black eye.",
            "Not known.",
            abuse_types=["physical", "financial"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Mild learning disability; floating support.",
            "experiencing_or_at_risk_evidence": "Black eye; others using his flat.",
            "unable_to_protect_self_evidence": "Struggles to say no to people he sees as friends.",
        },
        steps=(
            advocacy("Communicates well verbally."),
            seen(
                -20,
                "Two of the lads staying at the flat",
                "",
                seen_alone="no",
            ),
            r.note("Liam says they're his mates and he's happy for them to stay."),
            attempt(-12, "phone", "no_answer"),
            r.note("No answer. Closing as not engaging."),
            risk(
                "Could be hurt again or drawn into dealing.",
                crime_may_have_been_committed="yes",
                police_decision="already_aware",
                police_decision_reason="Police raised the concern.",
            ),
            plan("Liam did not want a plan.", "Liam wants to be left alone for now."),
            involvement(
                person_told="yes",
                person_involvement="Saw him once at the flat.",
                outcomes_not_asked_reason="He would not talk about it with his mates there.",
                referrer_part=["gave_information"],
            ),
            feedback("Told PCSO Nolan we are closing as Liam is not engaging."),
        ),
        closure={
            "reason": "stopped_engaging",
            "action_result": "ceased",
            "msp_asked": "no",
            "experience_asked": "survey_to_follow",
            "lacked_capacity": "no",
            "open_door": (
                f"Letter sent: he can ring the duty team on {DUTY_LINE} or tell PCSO Nolan "
                "if he wants help."
            ),
        },
    ),
    Vignette(
        id="c-p06-ld-declines-mum-as-advocate",
        story="""Ben has a learning disability and lives in supported living; his mum
        collects his benefits and he is left with £3 a week. His advocacy screen records
        substantial difficulty understanding and retaining, then names his mum (the person
        alleged to be taking the money) as the appropriate individual, so no advocate. (The
        API refuses "implicated" together with "appropriate individual", so the worker
        leaves the implicated box unticked: that is what the API lets through.) Seen alone at his day centre, Ben says "don't tell on my
        mum" and the case is closed on his refusal with no capacity assessment for that
        decision and no open door recorded.""",
        expected=frozenset({"M1.c", "M1.d", "M4.a"}),
        xfail=(
            "guard missed M4.a: substantial difficulty is recorded and the 'appropriate "
            "individual' is his mum, named in the concern as taking his money; someone "
            "implicated is not appropriate (s68), so an advocate was owed"
        ),
        person=person(
            "Ben", "Akintola", "1996-06-08", primary_support_reason="learning_disability"
        ),
        concern=concern(
            ("Tasha Reid", "Service manager", "Hollins Supported Living"),
            "Ben's mum collects his benefits; he has about £3 a week left and has stopped "
            "the bowling and swimming he loved.",
            "Ben said: 'Don't tell on my mum.'",
            abuse_types=["financial"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "24-hour supported living for a learning disability.",
            "experiencing_or_at_risk_evidence": "Benefits taken; £3 a week left to him.",
            "unable_to_protect_self_evidence": "Does not manage money and trusts his mum fully.",
        },
        steps=(
            advocacy(
                "Mum knows him best.",
                difficulty_understanding=True,
                difficulty_retaining=True,
                appropriate_individual="yes",
                appropriate_individual_name="His mum, Grace Akintola",
                result="appropriate_individual",
            ),
            attempt(-25, "phone", "spoke", who_was_present="Keyworker", seen_alone="no"),
            seen(
                -22,
                "No one else: keyworker waited outside the room",
                "Alone, Ben said mum needs the money for her rent and he doesn't want her upset.",
                outcome="declined",
                coercion_indicators=["controls_money"],
            ),
            seen(
                -15,
                "No one else",
                "Said the same again alone.",
                outcome="declined",
            ),
            risk(
                "Left without money for food and activities.",
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason="Ben doesn't want police. Family matter.",
            ),
            involvement(
                person_told="yes",
                person_involvement="Met Ben twice at the day centre.",
                options_explained=(
                    "An appointee, a new bank account, or us talking to mum with him there."
                ),
                reasons_for_declining="'Don't tell on my mum, she'll be sad.'",
                referrer_part=["gave_information", "ongoing_support"],
            ),
            feedback("Told Tasha that Ben has declined and the case is closing."),
        ),
        outcomes=(
            Outcome(
                text="I want my money for bowling.",
                revisions=({"text": "I don't want anything done.", "reason": "Second visit."},),
                rating={"achievement": "not", "person_view": ""},
            ),
        ),
        closure=declined(""),
    ),
    Vignette(
        id="c-p07-fluctuating-capacity-global-lacks",
        story="""Marcus has bipolar disorder. During a manic spell he sent £6,000 to a
        man he met online. The worker writes "Marcus lacks capacity re finances" (no
        decision, no functional test, assessed while he was unwell and never again), lets
        his sister hold his bank card and online banking "in his best interests" with no
        best-interests decision recorded, and closes with "lacked capacity: yes". The
        outcomes are his sister's, marked as hers, which is right.""",
        expected=frozenset({"M5.a", "M5.b"}),
        person=person("Marcus", "Feld", "1979-09-14", primary_support_reason="mental_health"),
        concern=concern(
            ("Hannah Cole", "Community psychiatric nurse", "Northmoor CMHT"),
            "During a manic episode Marcus transferred £6,000 to a man he met online who says "
            "he is a music producer; more requests for money are coming in.",
            "When well he has said he wants his savings protected.",
            abuse_types=["financial"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Bipolar disorder; CMHT care coordination.",
            "experiencing_or_at_risk_evidence": "£6,000 sent; more requests arriving.",
            "unable_to_protect_self_evidence": "Cannot judge the requests while manic.",
        },
        steps=(
            advocacy(
                "Sister supports him.",
                difficulty_using_or_weighing=True,
                appropriate_individual="yes",
                appropriate_individual_name="Ruth Feld, his sister",
                result="appropriate_individual",
            ),
            seen(
                -24, "No one else", "Spoke alone; no one else involved apart from the online man."
            ),
            r.note("Marcus lacks capacity re finances. Sister Ruth to hold his bank card for now."),
            (
                "POST",
                "restrictions",
                {
                    "kind": "money",
                    "what": "Ruth holds his bank card and online banking login.",
                    "decided_by": "Lead worker with Ruth Feld",
                    "decided_on": day(-22),
                    "basis": "best_interests",
                },
            ),
            risk(
                "Could lose the rest of his savings.",
                crime_may_have_been_committed="yes",
                police_decision="reported",
                police_decision_reason="Ruth reported it to Action Fraud.",
            ),
            plan("Plan agreed with Ruth and Hannah.", "Ruth to manage money until he is well."),
            action(
                "Ask the bank to block payments to the online account", "referrer", "Hannah Cole"
            ),
            involvement(
                person_told="yes",
                person_involvement="Saw Marcus at home and talked about the money.",
                options_explained="Sister to hold card, bank block, appointee.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Hannah the card is with Ruth and the bank has blocked the payee."),
        ),
        outcomes=(
            Outcome(
                text="He'd want his savings kept safe for his studio.",
                whose_words="representative",
                representative_name="Ruth Feld",
                representative_relationship="Sister",
                revisions=(
                    {
                        "text": "He'd want the money safe and no more sent to that man.",
                        "reason": "Spoke to Ruth again after the bank block.",
                        "representative_name": "Ruth Feld",
                        "representative_relationship": "Sister",
                    },
                ),
                rating={"achievement": "partially", "person_view": "Ruth: no more has gone."},
            ),
        ),
        closure=concluded(
            f"Marcus and Ruth have the duty line {DUTY_LINE}.",
            lacked_capacity="yes",
            capacity_support=True,
        ),
    ),
    Vignette(
        id="c-p08-older-couple-jargon-outcomes",
        story="""Iris has Parkinson's and a pressure sore; her husband Walter, 88, is her
        carer and cancelled the night carers. Every visit was with Walter in the room and
        answering for her; nobody tried to see Iris alone. Her "desired outcomes" are typed
        in the person's-own-words box in the worker's language ("reduce risk of further skin
        breakdown..."). Whether Iris knows a concern was raised, and how she took part, are
        left blank, and the district nurse did not know whether Iris was aware.""",
        expected=frozenset({"M2.a", "M6.c", "M7.b", "M8.c"}),
        person=person(
            "Iris", "Bannerman", "1939-03-27", primary_support_reason="physical_personal_care"
        ),
        concern=concern(
            ("Nadia Brooks", "District nurse", "Northmoor Community Health"),
            "Grade 3 pressure sore on her sacrum; Walter has not been turning her at night "
            "and cancelled the night carers last month.",
            "Not asked; Walter says they manage fine.",
            person_aware="unknown",
            abuse_types=["neglect"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Parkinson's; needs turning at night.",
            "experiencing_or_at_risk_evidence": "Grade 3 pressure sore.",
            "unable_to_protect_self_evidence": "Cannot turn herself in bed.",
        },
        steps=(
            advocacy("Iris can speak for herself, slowly."),
            seen(
                -25,
                "Walter (husband)",
                "Walter answered most questions; he is devoted to her.",
                seen_alone="no",
                coercion_indicators=["answers_for_person"],
            ),
            seen(-14, "Walter and the district nurse", "No concerns.", seen_alone="no"),
            risk("Skin could break down further."),
            plan("Plan agreed with Walter at the review.", "Walter wants carers back next week."),
            action(
                "Restart night calls; dressing changes twice weekly", "referrer", "Nadia Brooks"
            ),
            involvement(
                options_explained="Discussed night care and a carer's assessment with Walter.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Nadia night calls restart on Monday."),
        ),
        outcomes=(
            Outcome(
                text="Reduce risk of further skin breakdown and ensure care package meets assessed needs.",
                revisions=(
                    {
                        "text": "Care package increased to meet assessed needs; risk of neglect reduced.",
                        "reason": "Review meeting.",
                    },
                ),
                rating={"achievement": "fully", "person_view": ""},
            ),
        ),
        closure=concluded(f"Walter has the duty line {DUTY_LINE}."),
    ),
    Vignette(
        id="c-p09-scam-third-concern-outcomes-never-revisited",
        story="""The building society stopped Dorothy sending £4,000 to a "Microsoft"
        caller: the third concern about scams this year (gift cards in the spring, a
        doorstep roofer in the summer, each closed with a leaflet). The enquiry is sound,
        but nobody looks at the pattern or calls a risk meeting, her two outcomes are never
        revisited between the first visit and closure, and she is not to be asked about her
        experience.""",
        expected=frozenset({"M2.b", "M8.d", "M11.a"}),
        person=person("Dorothy", "Kemp", "1933-12-05"),
        concern=concern(
            ("Priya Nair", "Vulnerable customer lead", "Northmoor Building Society"),
            "Branch stopped a £4,000 withdrawal: she said a man from 'Microsoft' on the phone "
            "needs it to fix her computer.",
            "She is embarrassed and wants her money kept safe.",
            abuse_types=["financial"],
            location_of_risk="own_home",
            sources_of_risk=["unknown"],
        ),
        earlier=(
            (200, "Bank: she sent £600 in gift cards to a caller.", "Scams leaflet given."),
            (90, "Neighbour: doorstep roofer asked her for £2,500 cash.", "Trusted trader info."),
        ),
        steps=(
            advocacy("Dorothy is sharp and takes part fully."),
            seen(-25, "No one else", "Alone she spoke freely; no one in her life is involved."),
            risk(
                "She may lose her savings to the next caller.",
                public_at_risk="yes",
                crime_may_have_been_committed="yes",
                police_decision="reported",
                police_decision_reason="Reported to Action Fraud with her agreement.",
            ),
            risk_action("police", "Action Fraud report with the caller's number.", "Lead worker"),
            plan("Agreed with Dorothy at home.", "She wanted the call blocker first."),
            action("Fit a call blocker", "agency", "Trading Standards"),
            involvement(
                person_told="yes",
                person_involvement="Two visits; she chose what we did and in what order.",
                options_explained="Call blocker, bank flag on big withdrawals, telling her son.",
                referrer_part=["gave_information", "received_feedback"],
            ),
            feedback("Told Priya the call blocker is in and Action Fraud has the number."),
        ),
        outcomes=(
            Outcome(
                text="I want my money kept safe and these people to stop ringing me.",
                rating={"achievement": "fully", "person_view": "The phone's quiet now."},
            ),
            Outcome(
                text="I don't want my son to know, he'll think I'm losing it.",
                rating={"achievement": "fully", "person_view": "He doesn't know."},
            ),
        ),
        closure=concluded(f"Dorothy has the duty line {DUTY_LINE}.", experience_asked="not_asked"),
    ),
    Vignette(
        id="c-p10-death-in-nursing-home-others-not-considered",
        story="""Cyril had a grade 4 pressure sore at his nursing home, where the pressure
        mattress had been broken for three weeks. He died during the enquiry. The worker
        records the date of death and closes: nothing on whether the other residents are at
        risk, no SAR consideration, and no word to the home's provider, the regulator or
        the commissioners although the risk assessment names staff as the source and other
        residents as at risk.""",
        expected=frozenset({"M3.a", "M3.d"}),
        person=person("Cyril", "Hartley", "1931-08-16"),
        concern=concern(
            ("Martin Hartley", "", ""),
            "Dad has a grade 4 pressure sore at Oakfield Nursing Home; staff say the pressure "
            "mattress has been broken for three weeks.",
            "He wants his bed sorted and to stay at Oakfield: 'it's my home'.",
            raised_via="public",
            referrer_relationship="Son",
            abuse_types=["neglect", "organisational"],
            location_of_risk="care_home_nursing",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Nursing care; bed-bound.",
            "experiencing_or_at_risk_evidence": "Grade 4 sore; broken mattress.",
            "unable_to_protect_self_evidence": "Cannot move himself in bed.",
        },
        steps=(
            advocacy("Cyril is clear and able to take part."),
            seen(-25, "No one else: in his room", "Spoke alone; he is not afraid of staff."),
            risk(
                "The sore could become infected.",
                other_adults_at_risk="yes",
                source_trust_role="staff",
                source_has_contact_with_others_at_risk="yes",
                crime_may_have_been_committed="unknown",
                police_decision="not_reported",
                police_decision_reason="Awaiting the home's own review.",
            ),
            plan("Talked with Cyril in his room.", "He wanted the mattress first."),
            involvement(
                person_told="yes",
                person_involvement="Visited Cyril and talked it through with him and his son.",
                options_explained="New mattress, tissue viability review, moving home.",
                referrer_part=["gave_information", "received_feedback"],
            ),
            ("PUT", "death", {"date_of_death": day(-6)}),
            r.note("Cyril passed away at Oakfield. Case to close."),
            feedback("Told Martin we are closing following his dad's death; condolences."),
        ),
        outcomes=(
            Outcome(
                text="I want them to sort my bed, and I want to stay here, it's my home.",
                revisions=({"text": "Just get the mattress fixed.", "reason": "Second visit."},),
                rating={"achievement": "not", "person_view": "Son: 'They never fixed it in time.'"},
            ),
        ),
        closure={
            "reason": "person_died",
            "action_result": "inconclusive_no_action",
            "msp_asked": "asked_expressed",
            "experience_asked": "survey_to_follow",
            "lacked_capacity": "no",
        },
    ),
]


# --- good practice -------------------------------------------------------------

CHLOE_CONTACTS: tuple[Step, ...] = (
    seen(
        -25,
        "No one else: staff waited outside",
        "Seen alone in her room with easy-read pictures. Not afraid of staff; frightened of "
        "Dean in the kitchen. No one is telling her what to say.",
    ),
    seen(
        -18,
        "Sam Lewis, her advocate, at Chloe's request",
        "Said the same with Sam there as alone.",
        method="meeting",
        seen_alone="no",
    ),
)

GOOD: list[Vignette] = [
    Vignette(
        id="c-g01-ld-supported-living-peer-assault",
        story="""Chloe, who has a learning disability, was pushed into a door frame by
        another tenant in her supported living house. She has substantial difficulty
        understanding and retaining information and no one suitable to support her, so an
        independent advocate is arranged. With easy-read pictures she decides, with
        capacity for that decision, that the police should be told. The other tenants are
        protected too. The police's own investigation is noted in those words, as the
        police use them.""",
        expected=NONE,
        person=person(
            "Chloe", "Barker", "1992-10-03", primary_support_reason="learning_disability"
        ),
        concern=concern(
            ("Omar Said", "Team leader", "Larkfield Support"),
            "Another tenant, Dean, pushed Chloe into a door frame in the shared kitchen; she "
            "has a cut above her eye. Staff say he has shouted at her several times.",
            "Chloe told staff: 'I want Dean to stop being nasty to me.'",
            abuse_types=["physical", "psychological"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Learning disability; 24-hour supported living.",
            "experiencing_or_at_risk_evidence": "Cut above her eye; repeated shouting.",
            "unable_to_protect_self_evidence": "Shares the kitchen with him and cannot avoid him.",
        },
        steps=(
            advocacy(
                "",
                difficulty_understanding=True,
                difficulty_retaining=True,
                difficulty_using_or_weighing=True,
                result="advocate_arranged",
                advocate_arranged_on=day(-26),
                advocate_name="Sam Lewis, Northmoor Advocacy",
            ),
            *CHLOE_CONTACTS,
            able_capacity(
                "Whether to tell the police that Dean pushed her",
                "Easy-read pictures of what the police would do; her advocate there; two short "
                "visits at her best time, after lunch.",
                "She asked staff to ring the police with her, and did so.",
            ),
            risk(
                "Dean could hurt her again in the kitchen.",
                other_adults_at_risk="yes",
                source_has_contact_with_others_at_risk="yes",
                risk_to_others="Dean shares the kitchen with three other tenants.",
                crime_may_have_been_committed="yes",
                police_decision="reported",
                police_decision_reason=(
                    "Chloe decided, with capacity for this, that she wanted the police told; "
                    "other tenants may be at risk."
                ),
            ),
            risk_action("police", "Assault reported with Chloe; PC Hale visited her.", "Omar Said"),
            risk_action(
                "other",
                "Larkfield put staff in the kitchen at mealtimes; Dean's social worker is "
                "reviewing his support and where he lives; other tenants asked how they feel.",
                "Larkfield Support",
            ),
            r.note("The police investigation is led by PC Hale; Chloe has her number."),
            plan(
                "Chloe chose with Sam what went in the plan, using pictures.",
                "She wanted the kitchen to feel safe first, then to talk about Dean moving.",
                next_review_on=day(14),
            ),
            action(
                "Staff in the kitchen at mealtimes; tell Chloe who is on shift",
                "referrer",
                "Omar Said",
            ),
            involvement(
                person_told="yes",
                person_involvement="Chloe took part in every meeting with Sam, and chose who came.",
                options_explained=(
                    "Telling the police (what happens next, a visit from an officer), staff in "
                    "the kitchen, asking for Dean to move: easy-read sheet for each."
                ),
                referrer_part=["gave_information", "meetings", "plan_actions"],
                referrer_part_details="Omar's team staff the kitchen at mealtimes.",
            ),
            feedback("Told Omar what the plan is and that Chloe agreed he could know."),
        ),
        outcomes=(
            Outcome(
                text="I want Dean to stop being nasty to me. I want to cook my tea and not be scared.",
                revisions=(
                    {
                        "text": "I want staff in the kitchen, and to cook when Dean's not there.",
                        "reason": "Reviewed with Chloe and Sam after two weeks.",
                    },
                ),
                rating={
                    "achievement": "partially",
                    "person_view": "I feel better in the kitchen. Dean still shouts sometimes.",
                },
            ),
        ),
        closure=concluded(
            f"Chloe has an easy-read card with {DUTY_LINE}; staff and Sam will help her ring."
        ),
    ),
    Vignette(
        id="c-g02-home-care-agency-several-people",
        story="""A home care agency missed eleven of Ernest's calls in a fortnight, and
        two others on the same round were let down too. Ernest is seen alone, says what he
        wants, and it is revisited. The regulator, the agency and commissioning are all told
        and act for everyone on the round; the police decision is reasoned.""",
        expected=NONE,
        person=person("Ernest", "Lowe", "1940-05-29"),
        concern=concern(
            ("Kim Adeyemi", "Care coordinator", "Northmoor ICB continuing healthcare"),
            "Quickcare Homecare missed 11 of Ernest's lunch and tea calls in a fortnight; he "
            "went without meals timed with his insulin twice. Two others on the round too.",
            "Ernest wants carers who turn up on time; he likes his regular carer, Faye.",
            abuse_types=["neglect", "organisational"],
            location_of_risk="own_home",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Insulin-dependent diabetes; four calls a day.",
            "experiencing_or_at_risk_evidence": "Missed calls and missed meals (call logs).",
            "unable_to_protect_self_evidence": "Cannot make his own meals safely.",
        },
        steps=(
            advocacy("Ernest follows and takes part without help."),
            seen(
                -26,
                "No one else",
                "Alone he said the same as on the phone; no pressure from anyone.",
            ),
            risk(
                "Hypoglycaemia if meals are missed again.",
                other_adults_at_risk="yes",
                source_trust_role="paid_carer",
                source_has_contact_with_others_at_risk="yes",
                risk_to_others="At least two others on the same round had missed calls.",
                crime_may_have_been_committed="unknown",
                police_decision="not_reported",
                police_decision_reason=(
                    "No sign any carer wilfully neglected anyone: the rota had too few staff. "
                    "Commissioning and the CQC are dealing with the agency; we will go to the "
                    "police if that changes."
                ),
            ),
            risk_action(
                "regulator",
                "Told the CQC inspector of missed calls to three people.",
                "Lead worker",
            ),
            risk_action(
                "employer",
                "Wrote to Quickcare's registered manager for a rota recovery plan and a list "
                "of everyone with missed calls.",
                "Lead worker",
            ),
            risk_action(
                "other",
                "Provider concerns process opened; everyone on the round is being checked.",
                "Commissioning team",
            ),
            plan("Planned with Ernest at home.", "He wanted lunch calls fixed first."),
            action("Check the call logs with Ernest every week", "referrer", "Kim Adeyemi"),
            involvement(
                person_told="yes",
                person_involvement="Ernest chose what we asked of the agency and kept Faye.",
                options_explained="Stay with Quickcare with fixes, change agency, or a direct payment.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Kim what the agency and the CQC are doing, with Ernest's agreement."),
        ),
        outcomes=(
            Outcome(
                text="I want my carers to come when they say, and to keep Faye.",
                revisions=(
                    {
                        "text": "Lunch at twelve every day, and Faye at least three days.",
                        "reason": "Talked again after the agency's recovery plan.",
                    },
                ),
                rating={
                    "achievement": "fully",
                    "person_view": "They've been on time three weeks now.",
                },
            ),
        ),
        closure=concluded(f"Ernest has the duty line {DUTY_LINE} and Kim's number."),
    ),
    Vignette(
        id="c-g03-discharge-gp-kept-in",
        story="""Winifred was sent home from hospital late at night with no food in. The
        council causes the hospital to make enquiries into the discharge and checks their
        report; the GP who raised it gives information, takes an action in the plan and is
        told what happened.""",
        expected=NONE,
        person=person("Winifred", "Osei", "1937-01-22"),
        concern=concern(
            ("Dr Tom Baird", "GP", "Riverside Practice"),
            "Sent home by hospital transport at 10pm with no key safe code passed on and no "
            "food in; her neighbour found her on the doorstep at 7am, cold.",
            "She wants to be home, and for it not to happen to anyone else.",
            abuse_types=["neglect"],
            location_of_risk="hospital_acute",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Heart failure; three calls a day.",
            "experiencing_or_at_risk_evidence": "A night outside after an unsafe discharge.",
            "unable_to_protect_self_evidence": "Could not get in or get help on her own.",
        },
        steps=(
            advocacy("Winifred takes a full part with no help needed."),
            seen(-26, "No one else", "Seen alone; no concerns about anyone at home."),
            risk(
                "Another unsafe discharge.",
                other_adults_at_risk="yes",
                source_trust_role="staff",
                source_has_contact_with_others_at_risk="yes",
                risk_to_others="Other patients discharged the same way.",
                crime_may_have_been_committed="unknown",
                police_decision="not_reported",
                police_decision_reason=(
                    "No individual act of wilful neglect found; the discharge process failed. "
                    "The hospital is reviewing it for us; police can be told if that changes."
                ),
            ),
            risk_action(
                "employer",
                "Asked the hospital safeguarding lead to make enquiries into the discharge; "
                "report received and checked: late transport discharges now need a named "
                "contact at home.",
                "Lead worker",
            ),
            plan("Agreed with Winifred at home.", "She wanted the key safe first."),
            action(
                "See her at home within a week of any future discharge", "referrer", "Dr Tom Baird"
            ),
            involvement(
                person_told="yes",
                person_involvement="Winifred set what we asked the hospital and read their report.",
                options_explained="A complaint, our enquiry with the hospital, or both.",
                referrer_part=["gave_information", "plan_actions", "received_feedback"],
            ),
            feedback(
                "Told Dr Baird what the hospital found and changed, with Winifred's agreement."
            ),
        ),
        outcomes=(
            Outcome(
                text="I want to be home, with my carers knowing when I'm coming.",
                revisions=(
                    {
                        "text": "I want my daughter told before they send me home.",
                        "reason": "Read the hospital's report with her.",
                    },
                ),
                rating={"achievement": "fully", "person_view": "They've put it on my notes now."},
            ),
        ),
        closure=concluded(f"Winifred has the duty line {DUTY_LINE}."),
    ),
    Vignette(
        id="c-g04-carer-strain-carers-assessment",
        story="""Rosemary, who has MS, told her OT that her husband Pat shouts at her
        at night when she needs the commode; Pat says he is exhausted. Seen alone, she is
        not afraid of him. No enquiry is needed; the proportionate response is a carer's
        assessment for Pat and a night sitting service, with reasons, feedback to the OT,
        and Rosemary kept informed.""",
        expected=NONE,
        person=person(
            "Rosemary", "Quinn", "1947-08-12", primary_support_reason="physical_personal_care"
        ),
        concern=concern(
            ("Lucy Tran", "Occupational therapist", "Northmoor Community Health"),
            "Rosemary says Pat has shouted at her at night when she needs the commode; Pat "
            "told me he is exhausted. No injuries; both were upset.",
            "She wants Pat to get some help and some sleep; she does not want him in trouble.",
            abuse_types=["psychological"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "result": "none",
            "care_and_support_needs_evidence": "MS; needs help to transfer at night.",
            "experiencing_or_at_risk": "no",
            "experiencing_or_at_risk_evidence": (
                "Shouting twice when exhausted; no pattern of control. Alone she said she is "
                "not afraid of him."
            ),
            "unable_to_protect_self": "no",
            "unable_to_protect_self_evidence": "She speaks up for herself and asked for help.",
            "proportionate_response": "carers_assessment",
            "response_details": (
                "Carer's assessment for Pat booked with the carers' centre; night sitting two "
                "nights a week offered; Rosemary's own care plan reviewed for a night call."
            ),
        },
        steps=(
            advocacy("Rosemary speaks for herself clearly."),
            seen(-27, "No one else: Pat was out", "Alone she said what she told Lucy; not afraid."),
            involvement(
                person_told="yes",
                person_involvement="Rosemary chose the night sitting and asked for Pat's assessment.",
                options_explained="Carer's assessment, night sitting, a night call, respite.",
                referrer_part=["gave_information", "ongoing_support"],
            ),
            feedback("Told Lucy a carer's assessment and night sitting are arranged."),
        ),
        closure={
            "reason": "no_enquiry",
            "open_door": f"Rosemary and Pat have the duty line {DUTY_LINE}; Lucy will check in.",
        },
    ),
    Vignette(
        id="c-g05-romance-scam-bank-kept-in",
        story="""Graham, a widower, has sent £18,000 to a woman he met on a dating site.
        His bank raised it. Assessed for the decision to send more money, he has capacity and
        can act on what he decides. He agrees to report it; the bank takes on an action and
        hears back.""",
        expected=NONE,
        person=person("Graham", "Pettit", "1949-02-17"),
        concern=concern(
            ("Amaka Obi", "Fraud prevention officer", "Castle Bank"),
            "Graham has sent £18,000 over four months to a woman he met on a dating site who "
            "says she is stuck abroad; he asked the branch to raise his transfer limit.",
            "He says he loves her and she will pay it back.",
            abuse_types=["financial"],
            location_of_risk="own_home",
            sources_of_risk=["unknown"],
        ),
        decision={
            "care_and_support_needs_evidence": "COPD; help with shopping and cleaning.",
            "experiencing_or_at_risk_evidence": "£18,000 sent; more asked for.",
            "unable_to_protect_self_evidence": "Isolated since his wife died; trusts the woman.",
        },
        steps=(
            advocacy("Graham takes a full part."),
            seen(
                -25, "No one else", "Alone; no one around him pressing him; the pressure is online."
            ),
            able_capacity(
                "Whether to send more money to 'Elena'",
                "Went through the bank's evidence with him at his pace over two visits.",
                "He has stopped the standing order himself: he can carry out what he decides.",
                assessor_name="Neil Porter, social worker",
                understand_evidence="Explained what the bank found in his own words.",
            ),
            risk(
                "He could lose his home.",
                public_at_risk="yes",
                risk_to_others="The same people target other lonely people online.",
                crime_may_have_been_committed="yes",
                police_decision="reported",
                police_decision_reason="Reported to Action Fraud with Graham, once he had seen the evidence.",
            ),
            risk_action(
                "police",
                "Action Fraud report with the profile and account details.",
                "Graham and lead worker",
            ),
            plan(
                "Graham wrote the plan with me.",
                "One step a week; he wanted to tell his son himself.",
            ),
            action("Call Graham before any transfer over £500", "referrer", "Amaka Obi"),
            involvement(
                person_told="yes",
                person_involvement="Graham decided each step and who was told.",
                options_explained="Reporting, a bank flag, blocking the profile, a befriending service.",
                referrer_part=["gave_information", "plan_actions", "received_feedback"],
            ),
            feedback("Told Amaka the plan, with Graham's agreement."),
        ),
        outcomes=(
            Outcome(
                text="I want to know if Elena is real, and I don't want to lose the house.",
                revisions=(
                    {
                        "text": "I want to stop sending money and get some back if I can.",
                        "reason": "After he saw the bank's evidence.",
                    },
                ),
                rating={
                    "achievement": "partially",
                    "person_view": "The bank got £3,000 back. I feel a fool, but I'm glad I know.",
                },
            ),
        ),
        closure=concluded(f"Graham has the duty line {DUTY_LINE}; the bank will remind him."),
    ),
    Vignette(
        id="c-g06-older-couple-dementia-best-interests",
        story="""Nora has Alzheimer's; her husband Len, 89, her only carer, holds her
        arms to stop her going out at night and has bruised her. Her capacity to decide
        about night care is assessed, decision-specifically; she lacks it. A best-interests
        decision weighs her wishes and consults Len and their daughter, who is her
        appropriate individual. Her own words and her daughter's are both recorded and
        marked as whose they are.""",
        expected=NONE,
        person=person("Nora", "Whitfield", "1935-06-01", primary_support_reason="memory_cognition"),
        concern=concern(
            ("Jade Porter", "Community matron", "Northmoor Community Health"),
            "Nora has finger-mark bruises on both upper arms; her husband Len (89), her only "
            "carer, says he has to hold her to stop her going out at night.",
            "Nora told me she wants to stay at home with Len.",
            abuse_types=["physical"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Alzheimer's disease; Len does all her care.",
            "experiencing_or_at_risk_evidence": "Bruises from being held at night.",
            "unable_to_protect_self_evidence": "Cannot understand the risk or ask for help.",
        },
        steps=(
            advocacy(
                "Alison visits every day, is not implicated, and Nora wants her there.",
                difficulty_understanding=True,
                difficulty_retaining=True,
                difficulty_using_or_weighing=True,
                appropriate_individual="yes",
                appropriate_individual_name="Alison Whitfield (daughter)",
                individual_implicated=False,
                result="appropriate_individual",
            ),
            seen(
                -25, "No one else: Len at the shop", "Alone she was warm about Len and not afraid."
            ),
            seen(
                -20, "Len and Alison", "Family meeting at home.", method="meeting", seen_alone="no"
            ),
            (
                "POST",
                "capacity-assessments",
                {
                    "decision": "Whether to have a night carer and a door sensor at home",
                    "assessed_on": day(-19),
                    "assessor_name": "Priya Shah, social worker",
                    "support_given": (
                        "Mid-morning, her best time, at home; photos of the sensor and the "
                        "carer; short sentences; Alison there at her wish."
                    ),
                    "understand": "unable",
                    "understand_evidence": "Could not say what a night carer would do, after three tries.",
                    "retain": "unable",
                    "retain_evidence": "Had no memory of the photos five minutes later.",
                    "use_or_weigh": "unable",
                    "use_or_weigh_evidence": "Could not weigh going out at night against the danger.",
                    "communicate": "able",
                    "communicate_evidence": "Told us clearly she wants to stay with Len.",
                    "impairment": "yes",
                    "impairment_evidence": (
                        "Alzheimer's disease (memory clinic, 2022); the inability is because of it."
                    ),
                    "reassess_on": day(60),
                },
            ),
            (
                "POST",
                "best-interests-decisions",
                {
                    "capacity_assessment_id": "{last_id}",
                    "decision": "A night carer four nights a week and a door sensor",
                    "past_wishes": "Always said she would never go into a home; loved her walks.",
                    "present_wishes": "Wants to stay with Len; says she goes to find her mum at night.",
                    "beliefs_and_values": "Methodist; very private about personal care.",
                    "consulted": [
                        {
                            "name": "Len Whitfield",
                            "role": "carer",
                            "views": "She'd want to stay home with me.",
                        },
                        {
                            "name": "Alison Whitfield",
                            "role": "family",
                            "views": "Mum would hate a home; she'd accept help if it kept her here.",
                        },
                    ],
                    "less_restrictive_options": (
                        "Door sensor alone; day centre to help her sleep; respite. A care home "
                        "was the most restrictive and was rejected."
                    ),
                    "outcome": "Night carer four nights, sensor alerts the carer or Len, not locks.",
                    "reasons": "Keeps her at home as she wants, and Len no longer needs to hold her.",
                    "decision_maker": "Priya Shah, social worker",
                    "decided_on": day(-16),
                },
            ),
            risk(
                "More bruising or a fall outside at night.",
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason=(
                    "Len held her to keep her safe, not to hurt her; the plan removes the need. "
                    "Talked through with my manager and the police safeguarding hub, who agreed."
                ),
            ),
            plan(
                "Nora was at the family meeting and her wishes lead the plan.",
                "Night carer first, then the sensor, as Len and Alison asked.",
            ),
            action("Check Nora's skin at every weekly visit", "referrer", "Jade Porter"),
            involvement(
                person_told="yes",
                person_involvement="Told Nora in simple words at each visit; she was at the meeting.",
                options_explained="Night carer, sensor, respite, a care home; what each means for her.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Jade the plan; Alison agreed she could know."),
        ),
        outcomes=(
            Outcome(
                text="I want to stay here with Len.",
                revisions=(
                    {
                        "text": "I want to stay home with Len.",
                        "reason": "Asked her again at the meeting.",
                    },
                ),
                rating={"achievement": "fully", "person_view": "'This is my home.'"},
            ),
            Outcome(
                text="Mum would want to stay at home with Dad, and for Dad to get some rest.",
                whose_words="representative",
                representative_name="Alison Whitfield",
                representative_relationship="Daughter",
                rating={"achievement": "fully", "person_view": "Alison: Dad's sleeping again."},
            ),
        ),
        closure=concluded(
            f"Alison and Len have the duty line {DUTY_LINE}.",
            lacked_capacity="yes",
            capacity_support=True,
        ),
    ),
    Vignette(
        id="c-g07-fluctuating-capacity-assessed-when-well",
        story="""Jasmine has schizoaffective disorder; her ex-partner has been collecting
        and selling her medication. While she was unwell the worker waited; once she was well
        her capacity for the decision was assessed and she decided herself, acting on it.
        A reassessment trigger is set for relapse.""",
        expected=NONE,
        person=person("Jasmine", "Clarke", "1985-04-09", primary_support_reason="mental_health"),
        concern=concern(
            ("Ali Rahimi", "Pharmacist", "Highgate Pharmacy"),
            "Jasmine's ex-partner has been collecting her prescriptions and, she says, selling "
            "some of her tablets; she relapsed last month.",
            "She wants him to stop picking up her tablets.",
            abuse_types=["financial", "psychological"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Schizoaffective disorder; CMHT support.",
            "experiencing_or_at_risk_evidence": "Tablets taken; relapse after missed doses.",
            "unable_to_protect_self_evidence": "Could not stop him while she was unwell.",
        },
        steps=(
            advocacy(
                "When well she takes part fully; her crisis plan names her sister if she relapses.",
            ),
            seen(
                -22,
                "No one else",
                "Alone she said he turns up uninvited; she is not under his control now.",
            ),
            able_capacity(
                "Who may collect her prescriptions",
                "Waited until three weeks after discharge, when her care coordinator said she "
                "was well; met at home at her chosen time.",
                "She rang the pharmacy herself to change who collects: she can carry it out.",
                assessor_name="Neil Porter, social worker",
                reassess_on=day(90),
            ),
            risk(
                "Relapse if her tablets go missing again.",
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason=(
                    "Jasmine, with capacity for this, does not want him prosecuted; he has no "
                    "contact with other adults at risk; she can report it at any time."
                ),
            ),
            plan("Jasmine set the plan with me and her care coordinator.", "One change at a time."),
            action(
                "Release her prescriptions only to Jasmine or her sister", "referrer", "Ali Rahimi"
            ),
            involvement(
                person_told="yes",
                person_involvement="Jasmine led each meeting and chose who came.",
                options_explained="Home delivery, a named collector, reporting him to the police.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Ali the collection change, with Jasmine's agreement."),
        ),
        outcomes=(
            Outcome(
                text="I want my tablets to come to me, and him to stop coming round for them.",
                revisions=(
                    {
                        "text": "Tablets delivered, and only my sister can collect.",
                        "reason": "Talked again once she was home and well.",
                    },
                ),
                rating={
                    "achievement": "fully",
                    "person_view": "He hasn't been back. Delivery is better.",
                },
            ),
        ),
        closure=concluded(f"Jasmine has the duty line {DUTY_LINE}; in her crisis plan too."),
    ),
    Vignette(
        id="c-g08-declined-paid-carer-pipot-recorded",
        story="""Phyllis's evening carer shouts at her and left her in wet pads overnight.
        Seen alone, Phyllis declines any action: she fears losing her care. Her reasons and
        the options are recorded, she is told how to come back, and because the carer visits
        other people a PiPoT referral and the employer are told against her wishes, with the
        override recorded, co-signed and explained to her.""",
        expected=NONE,
        person=person("Phyllis", "Grant", "1943-09-30"),
        concern=concern(
            ("Dawn Reilly", "", ""),
            "Phyllis's evening carer from Homeway Care shouts at her and left her in wet pads "
            "overnight; Phyllis told me 'don't make a fuss'.",
            "She does not want a fuss or the carer in trouble.",
            raised_via="public",
            referrer_relationship="Neighbour",
            abuse_types=["neglect", "psychological"],
            location_of_risk="own_home",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Arthritis; three care calls a day.",
            "experiencing_or_at_risk_evidence": "Left wet overnight; shouted at.",
            "unable_to_protect_self_evidence": "Depends on the carer for getting to bed.",
        },
        steps=(
            advocacy("Phyllis speaks up for herself."),
            attempt(-27, "phone", "spoke", who_was_present="No one else", seen_alone="yes"),
            seen(
                -24,
                "No one else: carer not due till six",
                "Alone she is not afraid of the carer; she fears a complaint means losing her "
                "care. No one is pressing her; she says the same as she told Dawn.",
                outcome="declined",
            ),
            seen(-17, "No one else", "Still declines; calm and clear.", outcome="declined"),
            attempt(-16, "letter", "sent"),
            risk(
                "Left wet and frightened again.",
                other_adults_at_risk="yes",
                source_trust_role="paid_carer",
                source_has_contact_with_others_at_risk="yes",
                risk_to_others="The carer visits about a dozen older people.",
                crime_may_have_been_committed="unknown",
                police_decision="not_reported",
                police_decision_reason=(
                    "No sign of deliberate harm yet; the PiPoT process and the employer's "
                    "enquiry come first; police to be told if wilful neglect is found."
                ),
            ),
            (
                "POST",
                "overrides",
                {
                    "kind": "person_wishes",
                    "ground": "position_of_trust",
                    "legal_basis": (
                        "Care Act 2014 s42 and the SAB PiPoT framework; UK GDPR Art 6(1)(e), "
                        "DPA 2018 Sch 1 para 18."
                    ),
                    "rationale": (
                        "The carer visits other older people; the risk to them outweighs "
                        "Phyllis's wish for no action. Only the carer's conduct to her is shared."
                    ),
                    "decided_by": "Team manager",
                    "advised_by": "Safeguarding lead",
                    "decided_on": day(-14),
                    "person_told": True,
                    "person_told_on": day(-13),
                    "cosigner_id": "{manager_id}",
                },
            ),
            ("MANAGER POST", "/overrides/{last_id}/cosign", {}),
            risk_action(
                "pipot", "PiPoT referral about the carer to the PiPoT lead.", "Team manager", -13
            ),
            risk_action(
                "employer",
                "Homeway's registered manager told; carer off lone visits during their enquiry.",
                "Team manager",
                -13,
            ),
            plan(
                "Phyllis agreed one thing: a different evening carer, which she asked for herself.",
                "Nothing more for now; she wants time to think.",
            ),
            action(
                "Pop in Tuesday and Friday evenings and ring us if worried",
                "referrer",
                "Dawn Reilly",
            ),
            involvement(
                person_told="yes",
                person_involvement="Phyllis decided what she wanted from each visit.",
                options_explained=(
                    "A new carer, a complaint, a change of agency, the police; and that we must "
                    "tell the agency because the carer sees other people."
                ),
                reasons_for_declining="'If I complain they'll stop coming and I'll end up in a home.'",
                referrer_part=["gave_information", "ongoing_support"],
            ),
            feedback(
                "Told Dawn that Phyllis has the help she wants; no more, at her wish.",
                limited_by_consent=True,
            ),
        ),
        outcomes=(
            Outcome(
                text="I don't want any fuss, and I want to keep my care.",
                revisions=(
                    {
                        "text": "I want a different girl in the evenings, and that's all.",
                        "reason": "Second visit.",
                    },
                ),
                rating={"achievement": "fully", "person_view": "I've got Mandy now. I'm happier."},
            ),
        ),
        closure=declined(
            f"Told Phyllis, and put in her letter, that she can ring {DUTY_LINE} any time or "
            "ask Dawn or her GP to ring for her; we will call her in a month.",
            action_result="risk_action",
            risk_outcome="reduced",
        ),
    ),
    Vignette(
        id="c-g09-died-during-enquiry-sar-considered",
        story="""Kenneth fell five times in a month at his care home with no falls
        referral, and lay on the floor for a long time before the last call. He died in
        hospital during the enquiry. The worker records that other residents remain at risk,
        tells the regulator, the provider and commissioners, considers the SAR criteria and
        refers to the board, and closes Kenneth's own case once his daughter has been
        told and offered the survey.""",
        expected=NONE,
        person=person("Kenneth", "Moss", "1940-10-10"),
        concern=concern(
            ("Joe Martin", "Paramedic", "Northern Ambulance Service"),
            "Called to Beech Lodge for Kenneth after a fall; staff said he had been on the floor "
            "'a while'. Five falls in a month and no falls referral made.",
            "Kenneth said he wants to walk to the dining room on his own.",
            abuse_types=["neglect", "organisational"],
            location_of_risk="care_home_residential",
            sources_of_risk=["service_provider"],
        ),
        decision={
            "care_and_support_needs_evidence": "Residential care; Parkinson's and falls.",
            "experiencing_or_at_risk_evidence": "Five falls; long lie; no referral.",
            "unable_to_protect_self_evidence": "Cannot get up or call for help after a fall.",
        },
        steps=(
            advocacy("Kenneth takes a full part."),
            seen(
                -26, "No one else: in his room", "Alone; no fear of staff; frustrated about falls."
            ),
            risk(
                "Another fall and a long lie.",
                other_adults_at_risk="yes",
                source_trust_role="staff",
                source_has_contact_with_others_at_risk="yes",
                risk_to_others="Other residents with falls risk at Beech Lodge.",
                crime_may_have_been_committed="unknown",
                police_decision="not_reported",
                police_decision_reason=(
                    "No sign yet of a wilful act; the coroner and the CQC are involved; "
                    "police to be told if the enquiry finds wilful neglect."
                ),
            ),
            risk_action(
                "regulator", "Told the CQC of falls without referral at Beech Lodge.", "Lead worker"
            ),
            risk_action(
                "employer", "Home manager asked for a falls review of all residents.", "Lead worker"
            ),
            plan(
                "Planned with Kenneth before he died.",
                "He wanted a walking frame and a falls review first.",
            ),
            action("Falls clinic review of every resident", "agency", "Community falls team"),
            involvement(
                person_told="yes",
                person_involvement="Kenneth chose the frame and the falls review.",
                options_explained="Falls review, a sensor mat, moving homes.",
                referrer_part=["gave_information", "received_feedback"],
            ),
            (
                "PUT",
                "death",
                {
                    "date_of_death": day(-6),
                    "others_remain_at_risk": "yes",
                    "sar_criteria_may_be_met": "yes",
                    "sar_considerations": (
                        "Neglect may have contributed to his death, and the home, GP and ambulance "
                        "service may not have worked together on his falls."
                    ),
                    "sar_referred_on": day(-4),
                },
            ),
            r.note(
                "Organisational enquiry into Beech Lodge continues for the other residents; "
                "coroner informed by the hospital."
            ),
            feedback("Told Joe what happened, the SAR referral, and the home's falls review."),
        ),
        outcomes=(
            Outcome(
                text="I want to walk to the dining room on my own.",
                revisions=(
                    {
                        "text": "I want my frame and someone to check on me at night.",
                        "reason": "Talked again after the falls team's visit.",
                    },
                ),
                rating={
                    "achievement": "not",
                    "person_view": "Daughter: he never got back on his feet; she wants it to change.",
                },
            ),
        ),
        closure={
            "reason": "person_died",
            "action_result": "risk_action",
            "risk_outcome": "reduced",
            "msp_asked": "asked_expressed",
            "experience_asked": "survey_to_follow",
            "lacked_capacity": "no",
            "open_door": f"His daughter has the duty line {DUTY_LINE}.",
        },
    ),
    Vignette(
        id="c-g10-hoarding-midway-open",
        story="""Veronica's hall and stairs are blocked to the ceiling with papers. Mid-way
        through the enquiry the record holds her history and who she trusts, clutter ratings,
        a decision-specific capacity assessment that asks whether she can act on what she
        decides, fire safety for the neighbours, a plan at her pace and a revisited outcome.
        The case is still open.""",
        expected=NONE,
        person=person("Veronica", "Lyle", "1958-12-20"),
        concern=concern(
            ("Paul Dunn", "Station manager", "Northmoor Fire and Rescue"),
            "Home fire safety visit: hall and stairs blocked to ceiling height with papers and "
            "bags; no working smoke alarm; the gas cooker is surrounded by papers.",
            "She wants to keep her papers and does not want to be moved out.",
            abuse_types=["self_neglect"],
            location_of_risk="own_home",
            sources_of_risk=["known"],
        ),
        decision={
            "care_and_support_needs_evidence": "Depression; arthritis in both knees.",
            "experiencing_or_at_risk_evidence": "Blocked exits and fire risk around the cooker.",
            "unable_to_protect_self_evidence": "Cannot clear a way out on her own.",
        },
        steps=(
            advocacy("Veronica is articulate and takes a full part."),
            seen(
                -25,
                "No one else",
                "Lives alone; spoke on the doorstep then inside; no one else involved.",
            ),
            (
                "PUT",
                "self-neglect",
                {
                    "background_and_history": (
                        "A librarian for 30 years; began keeping papers after her mother died and "
                        "she was made redundant in 2015. She calls them her mum's things and her "
                        "life's work."
                    ),
                    "trusted_person": "Her cousin Elaine, who she phones every Sunday",
                },
            ),
            ("POST", "clutter-ratings", {"room": "Living room", "rating": 7, "rated_on": day(-25)}),
            ("POST", "clutter-ratings", {"room": "Kitchen", "rating": 6, "rated_on": day(-25)}),
            ("POST", "clutter-ratings", {"room": "Bedroom", "rating": 5, "rated_on": day(-25)}),
            able_capacity(
                "Whether to let the fire service fit alarms and clear a path to the front door",
                "Two visits with Elaine on the phone; photos of what the path would look like.",
                "She agreed the path and then cleared a metre herself at the weekend: she can act "
                "on it, with help to sort.",
            ),
            risk(
                "Fire, or being trapped after a fall.",
                public_at_risk="yes",
                risk_to_others="Fire could spread to the houses either side.",
            ),
            risk_action(
                "other",
                "Fire service fitted linked smoke alarms and a fire-retardant letterbox.",
                "Paul Dunn",
            ),
            plan(
                "Veronica decides what goes and what stays.",
                "One room at a time, starting with a path in the hall.",
                next_review_on=day(21),
            ),
            action("Return visit to check the alarms and the hall path", "referrer", "Paul Dunn"),
            involvement(
                person_told="yes",
                person_involvement="Veronica chose where to start and who helps.",
                options_explained="Alarms, a path, a sorting service, a deep clean; what each means.",
                referrer_part=["gave_information", "plan_actions"],
            ),
            feedback("Told Paul the plan so far, with Veronica's agreement.", when=-3),
        ),
        outcomes=(
            Outcome(
                text="I want to keep my papers but not to have a fire.",
                revisions=(
                    {
                        "text": "A clear way out of the front door, and my papers in boxes I can find.",
                        "reason": "Talked again after the alarms were fitted.",
                    },
                ),
            ),
        ),
    ),
]

VIGNETTES: list[Vignette] = [*POOR, *GOOD]

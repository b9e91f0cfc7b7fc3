"""Cases that show each of the eleven myths (see myths.md) handled well and
handled badly. ``myth`` names the myth; ``shows`` names the checks the case is
meant to pass or fail, so the practice guard can be tried against them.

What was recorded during each case (contacts, capacity, risk, the plan ...)
is in ``records/``, by scenario key. A poor closure that leaves a legal duty
unmet carries the team manager's override and reason in its ``ClosureSpec``:
the reasons are the kind a busy team gives, and the practice guard counts them
on the board dashboard."""

from msp.cases.models import CaseState as C
from msp.concerns.codes import AbuseType as A
from msp.concerns.codes import LocationOfRisk as L
from msp.concerns.codes import ProportionateResponse as P
from msp.concerns.codes import RaisedVia
from msp.concerns.codes import SourceOfRisk as S
from msp.demo.scenarios.common import (
    ANONYMOUS,
    BANK,
    DISTRICT_NURSE,
    FIRE,
    GP,
    GP_ALT,
    LARCHFIELD_MANAGER,
    NO,
    NOT_KNOWN,
    POLICE,
    closed_no_enquiry,
    concluded,
    neighbour,
    no_enquiry,
    other_enquiry,
    relative,
    s42,
    staff,
)
from msp.demo.specs import GOOD, POOR, CaseSpec, ClosureSpec, Outcome, Referrer, Revision
from msp.enquiries.codes import Achievement as Ach
from msp.enquiries.codes import ActionResult as AR
from msp.enquiries.codes import ClosureReason as CR
from msp.enquiries.codes import LackedCapacity as LC
from msp.enquiries.codes import MspAsked as MA
from msp.enquiries.codes import RiskOutcome as RO

M1 = (
    CaseSpec(
        key="m1-good-doreen",
        person="doreen",
        myth="M1",
        practice=GOOD,
        shows="M1.a-f: declined support after coercion was explored, seen alone, options "
        "explained, open door recorded, risk to others considered",
        state=C.CLOSED,
        months_ago=5,
        referrer=GP,
        what_happened=(
            "Mrs Ashcombe told me at her review that her son Gary has been 'borrowing' her "
            "pension since he moved back in. She has had no heating on this month and her "
            "fridge was almost empty when the district nurse called. She became tearful and "
            "asked me not to say anything to Gary."
        ),
        abuse_types=(A.FINANCIAL, A.PSYCHOLOGICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        immediate_actions="Food parcel arranged through the practice's social prescriber.",
        person_wishes="She wants to keep her money for her bills but does not want Gary to "
        "leave or be in trouble.",
        decision=s42(
            "Needs help with washing and dressing twice a day after a stroke; cannot get to "
            "the bank without help.",
            "Her pension is being taken by her son; she has gone without heating and food.",
            "Depends on Gary for shopping and is frightened of upsetting him.",
        ),
        outcomes=(
            Outcome(
                "I don't want Gary in trouble. I just want my pension to pay my own bills.",
                achievement=Ach.PARTIALLY,
                person_view="The bills come out first now so the heating is on. Gary still "
                "asks for money but I can say the bank won't let me.",
                revisions=(
                    Revision(
                        "I want my bills paid straight from the bank so there's nothing to "
                        "hand over, and I want to decide about Gary myself.",
                        "Talked through the options with her alone at the day centre; she "
                        "chose direct debits and does not want police involvement.",
                    ),
                ),
            ),
        ),
        closure=concluded(
            AR.CEASED,
            reason=CR.PERSON_DECLINED,
            details=(
                "Seen alone twice at Kingsway Day Centre, away from Gary. She was clear and "
                "consistent both times. No sign she is being told what to say: she was "
                "relaxed, spoke freely and described Gary's behaviour herself. Options "
                "explained in words: police report, a family meeting, an advocate, moving "
                "her bills to direct debit, a third-party mandate with the bank, and what "
                "each would mean for her and for Gary. She chose direct debits and asked us "
                "to stop there; she fears Gary would be homeless. No doubt about her "
                "capacity for this decision. Gary has no contact with other adults at risk "
                "or children. Told her she can come back to us at any time through the day "
                "centre manager or the duty number; the closure letter is held at the day "
                "centre because it is not safe to post it home."
            ),
            open_door="She can come back to us at any time through the day centre manager or "
            "the duty line. Her letter is kept for her at the day centre, as post to her home "
            "is not safe.",
        ),
    ),
    CaseSpec(
        key="m1-poor-wilfred",
        person="wilfred",
        myth="M1",
        practice=POOR,
        shows="Fails M1.a (nephew present, not seen alone), M1.b, M1.d, M1.f",
        state=C.CLOSED,
        months_ago=7,
        referrer=BANK,
        what_happened=(
            "Mr Pennicott came into the branch with his nephew, who did all the talking and "
            "asked to withdraw £2,500 in cash for 'roof repairs'. This is the third large "
            "withdrawal in a month. Mr Pennicott seemed unsure what the money was for."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.COMMUNITY,
        sources=(S.KNOWN,),
        person_aware=NOT_KNOWN,
        decision=s42(
            "Uses a wheelchair outside and has carers for shopping.",
            "Large cash withdrawals with nephew present.",
            "Relies on nephew for transport.",
        ),
        closure=concluded(
            AR.CEASED,
            reason=CR.PERSON_DECLINED,
            msp_asked=MA.NOT_EXPRESSED,
            details="Phoned Mr P. Nephew answered and passed phone over. Mr P said he "
            "doesn't want anything done and the money is his business. Wishes respected. NFA.",
            overrides={
                "M1.a": "Mr Pennicott told the branch manager at the counter that the "
                "withdrawals were his own choice, and the bank now asks for a second signature "
                "on cash withdrawals over £500. Closed at his request; the bank will tell us "
                "at once if the pattern comes back.",
                "M3.b": "Mr Pennicott says the money was his to give; without his account "
                "there is nothing to put to the police.",
            },
        ),
    ),
)

M2 = (
    CaseSpec(
        key="m2-good-bernadette",
        person="bernadette",
        myth="M2",
        practice=GOOD,
        shows="M2.a-d: outcomes in her own words at the start, revisited as things "
        "changed, rated with her view; she set the pace",
        state=C.CLOSED,
        months_ago=9,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Tom Garside",
            "Community psychiatric nurse",
            "Northmoor Community Mental Health Team",
        ),
        what_happened=(
            "Bernie told me her partner Roy has been calling her 'mental' in front of "
            "neighbours, hides her medication and threatened to get her sectioned if she "
            "leaves. She has a bruise on her forearm she says came from him grabbing her."
        ),
        abuse_types=(A.DOMESTIC, A.PSYCHOLOGICAL, A.PHYSICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        immediate_actions="Safety plan agreed with Bernie; referred to the domestic abuse "
        "service (IDVA) with her consent.",
        person_wishes="She wants to feel safe and be in charge of her own tablets.",
        decision=s42(
            "Bipolar disorder; supported by the community mental health team.",
            "Controlling behaviour, threats and a physical assault by her partner.",
            "Roy controls her medication, and her mental health is worse under stress.",
        ),
        outcomes=(
            Outcome(
                "I want to feel safe in my own flat and keep my own tablets.",
                achievement=Ach.FULLY,
                person_view="I've got my own key safe for my tablets and Roy has gone. "
                "I sleep now.",
                revisions=(
                    Revision(
                        "I want to stay at my sister's for a bit while Roy moves out, then "
                        "go home.",
                        "After the MARAC she decided she wanted Roy to leave rather than "
                        "work things out; she chose to wait at her sister's.",
                    ),
                ),
            ),
            Outcome(
                "I want people to stop treating me like I'm making it up.",
                achievement=Ach.PARTIALLY,
                person_view="The police believed me. My neighbour still doesn't talk to me.",
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REDUCED,
            details="Bernie led the pace: three meetings at her request, one at her "
            "sister's. Non-molestation order granted. IDVA support continues. Feedback "
            "given to the CPN.",
        ),
    ),
    CaseSpec(
        key="m2-poor-keith",
        person="keith",
        myth="M2",
        practice=POOR,
        shows="Fails M2.a (outcomes never asked, no reason recorded) and M2.c",
        state=C.CLOSED,
        months_ago=12,
        referrer=POLICE,
        what_happened=(
            "Mr Dunmore was pushed off his mobility scooter at the Moor Lane precinct by two "
            "young men who took his wallet and phone. Minor injuries, treated at the scene."
        ),
        abuse_types=(A.PHYSICAL, A.FINANCIAL),
        location=L.COMMUNITY,
        sources=(S.UNKNOWN,),
        decision=s42(
            "Multiple sclerosis; uses a scooter outdoors.",
            "Robbed and assaulted.",
            "Could not get away on the scooter.",
        ),
        closure=concluded(
            AR.INCONCLUSIVE_NO_ACTION,
            msp_asked=MA.NOT_RECORDED,
            details="Police dealing. Case closed.",
            overrides={
                "M2.a": "Mr Dunmore told PC Iveson he wants the police to deal with this and no "
                "more calls from the council. One of the men has been charged and Victim "
                "Support is in touch with him. He was not asked what he wanted before that; "
                "I have reminded the worker to ask at the first contact."
            },
        ),
    ),
)

M3 = (
    CaseSpec(
        key="m3-good-edna",
        person="edna",
        myth="M3",
        practice=GOOD,
        shows="M3.a-c: paid carer as source of risk; employer, regulator and police told "
        "despite her wish; lawful basis and when she was told are recorded",
        state=C.CLOSED,
        months_ago=8,
        referrer=LARCHFIELD_MANAGER,
        what_happened=(
            "Money has gone missing from Mrs Fairbrother's handbag three times. Our rota "
            "shows the same care assistant on shift each time, and a ring from her room "
            "was later found in the staff room. Mrs Fairbrother says the carer is 'a lovely "
            "girl' and she doesn't want her to lose her job."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.CARE_HOME_RESIDENTIAL,
        sources=(S.SERVICE_PROVIDER,),
        immediate_actions="Care assistant suspended by the home pending the enquiry.",
        person_wishes="She does not want the carer to get into trouble.",
        decision=s42(
            "Lives in residential care; needs help with mobility and personal care.",
            "Repeated theft from her room.",
            "Cannot lock her handbag away herself and is fond of the carer.",
        ),
        outcomes=(
            Outcome(
                "I want my money and my mother's ring kept safe.",
                achievement=Ach.FULLY,
                person_view="My ring is back on my finger. I'm sorry about the girl.",
                revisions=(
                    Revision(
                        "I want my money and my mother's ring kept safe, and a drawer I can "
                        "lock myself.",
                        "Asked again once the ring was found; she wants to keep her own key.",
                    ),
                ),
            ),
            Outcome(
                "I don't want her to lose her job over me.",
                achievement=Ach.NOT,
                person_view="I understand why you had to tell them, because of the others here.",
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REMOVED,
            details=(
                "Her wish was overridden in part: the carer works with other residents, so "
                "the risk to others came first (public interest, Care Act statutory guidance "
                "ch. 14). Decided by Dev Chauhan, safeguarding lead, with the team manager. "
                "Employer's disciplinary process, a person in a position of trust referral, "
                "and CQC notified. Theft reported to police with her knowledge; crime "
                "reference held. Mrs Fairbrother was told by her worker the same day, before "
                "anything was sent, and had the reasons explained. Feedback given to the "
                "home's manager."
            ),
        ),
    ),
    CaseSpec(
        key="m3-poor-harold",
        person="harold",
        myth="M3",
        practice=POOR,
        shows="Fails M3.a and M1.e: a paid carer handled him roughly and no one told the "
        "agency or made a PiPoT referral. (M3.b cannot fail through the record: the risk "
        "assessment insists on a police decision once a crime is possible, so here the "
        "worker recorded no crime at all.)",
        state=C.CLOSED,
        months_ago=10,
        referrer=relative("Julie Simkins", "Daughter", "07700 900318"),
        what_happened=(
            "Dad has fingertip bruises on both upper arms. He says one of the carers from "
            "Brightside Home Care 'yanks him about' when she's in a hurry. He doesn't want "
            "to make a fuss because he's worried they'll stop coming."
        ),
        abuse_types=(A.PHYSICAL,),
        location=L.OWN_HOME,
        sources=(S.SERVICE_PROVIDER,),
        person_wishes="He doesn't want a fuss.",
        decision=s42(
            "Home care four times a day after a fall.",
            "Bruising consistent with rough handling by a paid carer.",
            "Depends on the carers and afraid of losing the service.",
        ),
        closure=concluded(
            AR.CEASED,
            reason=CR.PERSON_DECLINED,
            msp_asked=MA.NOT_EXPRESSED,
            details="Mr S asked us not to do anything. Respected his wishes as he has "
            "capacity. Case closed.",
            overrides={
                "M3.a": "Mr Simkins has capacity and asked us not to contact Brightside, for "
                "fear of losing his calls. His daughter is asking the agency for a different "
                "carer, which takes this carer off his visits.",
                "M1.e": "The carer no longer visits Mr Simkins, and we hold no report of her "
                "harming anyone else.",
            },
        ),
    ),
    CaseSpec(
        key="m3-good-albert-died",
        person="albert",
        myth="M3",
        practice=GOOD,
        shows="M3.d: the enquiry continued after his death because other residents were "
        "at risk; SAR criteria considered; outcomes through his daughter (M5.c)",
        state=C.CLOSED,
        months_ago=14,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Sister Jo Whiteley",
            "Tissue viability nurse",
            "Northmoor General Hospital",
        ),
        what_happened=(
            "Mr Crowther was admitted from Calder Edge with two grade 4 pressure ulcers and "
            "dehydration. Repositioning charts were blank for several days. Staff at the "
            "home told the ambulance crew they were short of nurses on most nights."
        ),
        abuse_types=(A.NEGLECT, A.ORGANISATIONAL),
        location=L.CARE_HOME_NURSING,
        sources=(S.SERVICE_PROVIDER,),
        immediate_actions="Contracts team and CQC told the same day; the council's quality "
        "team visited the home.",
        person_aware=NO,
        decision=s42(
            "Advanced dementia; fully dependent for care in a nursing home.",
            "Severe pressure damage and dehydration with gaps in care records.",
            "Cannot move himself or ask for help.",
        ),
        outcomes=(
            Outcome(
                "Dad would want the people still living there to be looked after properly.",
                representative="Linda Crowther",
                relationship="Daughter",
                achievement=Ach.PARTIALLY,
                person_view="Linda: the home has more night nurses now, but it came too late "
                "for Dad.",
                revisions=(
                    Revision(
                        "Dad would want the people still living there looked after properly, "
                        "and us to know what went wrong.",
                        "Mr Crowther died in hospital. Linda asked that the enquiry go on; "
                        "others at the home are at risk.",
                    ),
                ),
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REDUCED,
            reason=CR.PERSON_DIED,
            lacked_capacity=LC.YES,
            capacity_support=True,
            details=(
                "Mr Crowther died in hospital during the enquiry. The enquiry continued: "
                "twelve other residents depend on the same night staffing. Provider action "
                "plan agreed and monitored; CQC inspected. Referred to the Safeguarding "
                "Adults Board's review group: the criteria for a safeguarding adults review "
                "(s44) are met, as he died and agencies' joint working is in question. "
                "Linda kept informed throughout."
            ),
        ),
    ),
)

M4 = (
    CaseSpec(
        key="m4-good-callum",
        person="callum",
        myth="M4",
        practice=GOOD,
        shows="M4.a: substantial difficulty and no appropriate individual, so an "
        "independent advocate was arranged before outcomes were asked",
        state=C.ENQUIRY,
        months_ago=1.5,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Kerry Ashworth",
            "Support worker",
            "Wren Court supported living",
        ),
        what_happened=(
            "Callum has new 'friends' he met online who collect him in a car late at night. "
            "He came back with a new phone he says he 'has to pay back' and told staff he "
            "has to do things with one of the men's mates or they'll be angry. His money "
            "runs out two days after payday."
        ),
        abuse_types=(A.SEXUAL_EXPLOITATION, A.FINANCIAL),
        location=L.COMMUNITY,
        sources=(S.KNOWN,),
        immediate_actions="Police told (child and adult exploitation team). Staff asked to "
        "note car registrations.",
        decision=s42(
            "Learning disability; lives in supported living with daily support.",
            "Signs of sexual exploitation and debt bondage by adults he met online.",
            "Does not see the men as a risk and finds it hard to say no.",
        ),
        outcomes=(
            Outcome(
                "I want to keep my friends but I don't want to owe them money.",
                revisions=(
                    Revision(
                        "I want to go out on Friday nights with people who are nice to me, "
                        "and I don't want that man to come to my flat.",
                        "Second easy-read session with his advocate, Priti, using pictures "
                        "of places and people.",
                    ),
                ),
            ),
            Outcome("I want to do my college course in the daytime."),
        ),
        tags=("advocate",),
    ),
    CaseSpec(
        key="m4-poor-lorraine",
        person="lorraine",
        myth="M4",
        practice=POOR,
        shows="Fails M4.a: substantial difficulty, no advocate considered; closed after "
        "one call to the day centre. Discriminatory abuse by staff",
        state=C.CLOSED,
        months_ago=6,
        referrer=relative("Mandy Haigh", "Sister", "07700 900561"),
        what_happened=(
            "Lorraine says staff at Kingsway Day Centre call her 'the big baby' and laugh "
            "when she gets upset, and one said she 'shouldn't be allowed out' because of "
            "her disability. She cries before she goes in."
        ),
        abuse_types=(A.DISCRIMINATORY, A.PSYCHOLOGICAL),
        location=L.COMMUNITY_SERVICE,
        sources=(S.SERVICE_PROVIDER,),
        decision=s42(
            "Learning disability; attends a council-funded day service.",
            "Humiliating and disability-related comments from staff.",
            "Would find it very hard to complain to the staff herself.",
        ),
        closure=concluded(
            AR.INCONCLUSIVE_NO_ACTION,
            msp_asked=MA.NO,
            details="Spoke to the day centre manager who says it was banter and staff have "
            "been reminded. No time to arrange a meeting with Lorraine before the 28 days "
            "ran out. Closed.",
            overrides={
                "M4.a": "Lorraine's sister Mandy raised this and is speaking to the day centre "
                "for her, and Lorraine has moved to her keyworker's group. An advocate can be "
                "arranged if either of them asks."
            },
        ),
    ),
)

M5 = (
    CaseSpec(
        key="m5-good-iris",
        person="iris",
        myth="M5",
        practice=GOOD,
        shows="M5.a-c: decision-specific capacity assessment, best interests with her "
        "wishes, outcomes through her daughter (LPA) and in her own words",
        state=C.CLOSED,
        months_ago=4,
        referrer=GP_ALT,
        what_happened=(
            "Mrs Marchbank has lost 6kg in two months. She tells me she is 'always hungry' "
            "and the food comes when she is asleep. Her Parkinson's tablets were missed on "
            "four days last week according to the medicines chart."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.CARE_HOME_NURSING,
        sources=(S.SERVICE_PROVIDER,),
        decision=s42(
            "Dementia and Parkinson's disease; nursing care.",
            "Weight loss and missed time-critical medication.",
            "Cannot ask for food or tablets reliably because of her dementia.",
        ),
        outcomes=(
            Outcome(
                "Mum always said she wanted to be near the garden and have her hair done on "
                "Fridays. She'd want to stay at Calder Edge if they look after her.",
                representative="Susan Marchbank",
                relationship="Daughter, attorney for health and welfare (LPA)",
                achievement=Ach.FULLY,
                person_view="Susan: Mum has put weight back on and her tablets are on time.",
            ),
            Outcome(
                "I like it here. I just want my dinner when I'm awake.",
                achievement=Ach.FULLY,
                person_view="Iris smiled and said the food is 'much better, and hot'.",
                revisions=(
                    Revision(
                        "I like it here. I want my dinner when I'm awake, and hot.",
                        "Asked again at the second visit; she added that her food is often "
                        "cold by the time she is woken.",
                    ),
                ),
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REDUCED,
            lacked_capacity=LC.YES,
            capacity_support=True,
            details=(
                "Capacity for one decision (whether to move to another home) was assessed: "
                "she could say she likes her room but could not retain or weigh the "
                "information about other homes over two visits. Best-interests meeting with "
                "Susan (LPA), her keyworker and GP weighed her past wishes (the garden, "
                "Fridays) and present wish to stay. Decision: stay, with a monitored "
                "nutrition and medicines plan."
            ),
        ),
    ),
    CaseSpec(
        key="m5-poor-stanley",
        person="stanley",
        myth="M5",
        practice=POOR,
        shows="Fails M5.a (a global 'lacks capacity'), M5.b (no best-interests decision), "
        "M5.c (no outcomes through anyone) and M2.a (lacking capacity given as the reason "
        "not to ask)",
        state=C.CLOSED,
        months_ago=3,
        referrer=staff("Nadia Farrow", "Senior practitioner", "Hospital and care homes team"),
        what_happened=(
            "Ward staff found bruising on both of Mr Ormerod's wrists on the third day of his "
            "admission. No explanation in the notes. His son visits daily."
        ),
        abuse_types=(A.PHYSICAL,),
        location=L.HOSPITAL_ACUTE,
        sources=(S.UNKNOWN,),
        person_aware=NO,
        decision=s42(
            "Dementia; admitted with a chest infection.",
            "Unexplained bruising.",
            "Lacks capacity.",
        ),
        closure=concluded(
            AR.INCONCLUSIVE_NO_ACTION,
            msp_asked=MA.NO,
            lacked_capacity=LC.YES,
            capacity_support=False,
            details="Mr O lacks capacity so could not be asked. Cause not established. "
            "Closed on discharge.",
            overrides={
                "M5.a": "Mr Ormerod went to a nursing home at three days' notice and the "
                "ward's assessment was all there was time for. The nursing home's social "
                "worker will assess his capacity for specific decisions at his six-week "
                "review.",
                "M3.a": "The ward manager and the hospital's own safeguarding lead were told "
                "on the day; who caused the bruising was never established.",
                "M5.b": "The hospital discharge team decided where he would go under their "
                "own best-interests process, so no decision was ours to make.",
                "M5.c": "His son was not asked because the cause of the bruising is not "
                "known, and no one else who knows Mr Ormerod could be found before he left "
                "hospital.",
                "M2.a": "Mr Ormerod was not asked, and his son could not be, before he left "
                "hospital; the nursing home's social worker will ask at his six-week review.",
            },
        ),
    ),
)

M6 = (
    CaseSpec(
        key="m6-good-maureen",
        person="maureen",
        myth="M6",
        practice=GOOD,
        shows="M6.a-d: several contact attempts by different routes, her history and a "
        "trusted person recorded, capacity reasoning includes whether she can act on her "
        "decisions",
        state=C.ENQUIRY,
        months_ago=2,
        referrer=FIRE,
        what_happened=(
            "Home fire safety visit: the hall and stairs are blocked by newspapers and "
            "boxes to shoulder height, the cooker is covered, and she is using a camping "
            "stove in the back room. No working smoke alarm. She was polite but would not "
            "let us upstairs."
        ),
        abuse_types=(A.SELF_NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        immediate_actions="Smoke alarms fitted downstairs; fire service agreed a return visit.",
        person_wishes="She wants to be left alone and not to have her things taken.",
        decision=s42(
            "Long-standing depression since her husband died; struggling to cook and wash.",
            "Serious fire risk and no safe way out of the house.",
            "Contact attempts so far: letter (no reply), two calls (no answer), an "
            "unannounced visit (spoke on the doorstep), a joint visit with her neighbour "
            "Pat, whom she trusts (let in). Widowed in 2019; she was a school librarian and "
            "the collecting started after her husband's death. She can explain the risk "
            "clearly but, by her own account, cannot start clearing: a question about "
            "carrying out her decision, not only making it.",
        ),
        outcomes=(
            Outcome(
                "I don't want anyone throwing my things away. I'd like my kitchen back so I "
                "can cook a proper dinner.",
                revisions=(
                    Revision(
                        "I'll let Pat and the fire officer help me clear the stairs, as long "
                        "as I decide what goes.",
                        "Fourth visit, with Pat: she agreed to a clear route from the "
                        "bedroom to the front door first.",
                    ),
                ),
            ),
        ),
    ),
    CaseSpec(
        key="m6-poor-derek",
        person="derek",
        myth="M6",
        practice=POOR,
        shows="Fails M6.a (one letter only), M6.b (no history) and M6.d ('lifestyle "
        "choice' with no capacity reasoning); 'did not engage' also raises the M1 checks "
        "for a person who walked away",
        state=C.CLOSED,
        months_ago=13,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Gemma Holroyd",
            "Housing officer",
            "Northmoor Homes",
            contact="01632 960808",
        ),
        what_happened=(
            "Strong smell from Mr Ollerenshaw's flat; neighbours say he has not been seen "
            "for a week. Through the letterbox: rubbish bags and empty bottles. He opened the "
            "door to me briefly, looked very thin and said he was 'fine'."
        ),
        abuse_types=(A.SELF_NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Alcohol dependence; no services.",
            "Lifestyle choice.",
            "Has capacity.",
            P.NONE_NEEDED,
            "Letter sent offering a visit; no reply. He has made an unwise decision and it "
            "is his lifestyle choice.",
        ),
        # "Did not engage" means he stopped engaging: the guard reads it so and
        # asks the M1 duties of a person who walked away, which a manager waved on.
        closure=ClosureSpec(
            CR.OTHER,
            "Did not engage. Closed.",
            overrides={
                "M1.a": "The housing officer saw him at the door and saw no one else in the "
                "flat; no one else is thought to be involved.",
                "M1.e": "He lives alone, has no carers or visitors, and is the only person at "
                "risk from his drinking.",
            },
        ),
    ),
)

M7 = (
    CaseSpec(
        key="m7-good-gladys",
        person="gladys",
        myth="M7",
        practice=GOOD,
        shows="M7.a-b: the district nurse who raised it owns actions in the plan; Gladys "
        "was told the concern had been raised and why",
        state=C.CLOSING,
        months_ago=2.5,
        referrer=DISTRICT_NURSE,
        what_happened=(
            "Mrs Pemberton has a new grade 2 pressure sore on her sacrum. Her son Neil is "
            "her main carer and says he can't turn her at night because he works shifts. "
            "She is often still in bed at midday when I visit. I have told Gladys I am "
            "raising this and why; she agreed."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        immediate_actions="Pressure-relieving mattress ordered the same day by the nurse.",
        person_wishes="She wants to stay at home with Neil.",
        decision=s42(
            "Housebound after a hip fracture; needs help to move.",
            "Pressure damage from not being turned.",
            "Cannot reposition herself.",
        ),
        outcomes=(
            Outcome(
                "I want to stay at home with Neil and not get any more sores.",
                achievement=Ach.FULLY,
                person_view="The night carers are good. Neil's less tired.",
                revisions=(
                    Revision(
                        "I want to stay at home with Neil, with someone to turn me at night "
                        "so he can sleep.",
                        "Went back to her once the night sitters had started; she wanted "
                        "them to carry on.",
                    ),
                ),
            ),
            Outcome(
                "I'd like to get up for Countdown every day.",
                achievement=Ach.PARTIALLY,
                person_view="Most days, when the morning carer comes on time.",
            ),
        ),
        tags=("carer",),
    ),
    CaseSpec(
        key="m7-poor-terence",
        person="terence",
        myth="M7",
        practice=POOR,
        shows="Fails M7.a (the GP who raised it has no role: 'please sort') and M7.b (not "
        "told, no reason recorded)",
        state=C.ENQUIRY,
        months_ago=0.7,
        referrer=GP,
        what_happened=(
            "Grandson living with Mr Boothroyd. Mr B seemed low and mentioned shouting. "
            "Please could safeguarding sort this out as it is outside what we can do."
        ),
        abuse_types=(A.PSYCHOLOGICAL,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        person_aware=NO,
        decision=s42(
            "COPD; housebound.",
            "Shouting by grandson reported by GP.",
            "Housebound and dependent on grandson.",
        ),
        outcomes=(Outcome("I want our Liam to stop shouting at me and get himself a job."),),
    ),
)

M8 = (
    CaseSpec(
        key="m8-good-arthur",
        person="arthur",
        myth="M8",
        practice=GOOD,
        shows="M8.a: no enquiry, with a proportionate response (a carer's assessment for his wife)",
        state=C.CLOSED,
        months_ago=9,
        referrer=relative("Pauline Linthwaite", "Wife and carer"),
        what_happened=(
            "Pauline rang the duty line herself. She shouted at Arthur last night when he "
            "kept trying to go out at 3am, and she grabbed his arm to stop him. She was in "
            "tears and said she is exhausted and frightened she will do it again."
        ),
        abuse_types=(A.PSYCHOLOGICAL,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Vascular dementia; Pauline is his only carer.",
            "One incident of a raised voice and holding his arm, when Pauline was "
            "exhausted. No injury, no pattern; Arthur is relaxed and affectionate with her.",
            "Pauline asked for help herself and the risk comes from carer strain, which "
            "support can reduce.",
            P.CARERS_ASSESSMENT,
            "Carer's assessment for Pauline on the following Tuesday; two nights a week of "
            "sitting service and a place at the dementia café. Both agreed.",
        ),
        closure=closed_no_enquiry(
            "Pauline says the sitting service lets her sleep. She knows to call us again."
        ),
        tags=("carer",),
    ),
    CaseSpec(
        key="m8-poor-sandra",
        person="sandra",
        myth="M8",
        practice=POOR,
        shows="Fails M8.b ('investigation' wording) and M8.c (Sandra not involved)",
        state=C.CLOSED,
        months_ago=11,
        referrer=POLICE,
        what_happened=(
            "Police called to Ms Kettlewell's home after a neighbour heard screaming. Her "
            "partner had taken her wheelchair and left her on the floor. Partner arrested."
        ),
        abuse_types=(A.DOMESTIC, A.PHYSICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=s42(
            "Spinal injury; wheelchair user.",
            "Domestic abuse; partner removed her wheelchair.",
            "Cannot move without her wheelchair.",
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REMAINED,
            msp_asked=MA.NO,
            details="Safeguarding investigation complete. Police investigation ongoing; "
            "partner on bail. Intervention not needed from ASC.",
        ),
    ),
)

# M8.d: three concerns about one person within a year.
M8_PATTERN = (
    CaseSpec(
        key="m8d-good-nasreen-1",
        person="nasreen",
        myth="M8",
        practice=GOOD,
        shows="First of three concerns in a year (see m8d-good-nasreen-3)",
        state=C.CLOSED,
        months_ago=11,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Ravi Lodhia",
            "Paramedic",
            "Northern Ambulance Service",
        ),
        what_happened=(
            "Called to a fall at home. Mrs Akhtar had been on the floor for some hours; "
            "family were out. House cold. She has sight loss and says she can't find her "
            "way to the kitchen when things are moved."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Registered blind; lives with her son and daughter-in-law.",
            "A single fall; family say they were at a wedding and had arranged a neighbour "
            "to check.",
            "Can use a pendant alarm when she has one.",
            P.REFERRAL,
            "Referred for a pendant alarm and a sensory impairment assessment.",
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="m8d-good-nasreen-2",
        person="nasreen",
        myth="M8",
        practice=GOOD,
        shows="Second of three concerns in a year",
        state=C.CLOSED,
        months_ago=6,
        referrer=GP,
        what_happened=(
            "Mrs Akhtar came to the surgery with her daughter-in-law, who answered every "
            "question. Her repeat prescription has not been collected for six weeks."
        ),
        abuse_types=(A.NEGLECT, A.PSYCHOLOGICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Registered blind; relies on family for medication.",
            "Missed prescriptions; daughter-in-law says they were using an old supply.",
            "Not known: not yet spoken to alone.",
            P.INFORMATION_ADVICE,
            "Pharmacy to deliver in blister packs; advice to the family.",
            protect_answer=NOT_KNOWN,
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="m8d-good-nasreen-3",
        person="nasreen",
        myth="M8",
        practice=GOOD,
        shows="M8.d: the third concern in a year prompted a review of the pattern and a "
        "multi-agency risk meeting; seen alone with a female Urdu interpreter",
        state=C.ENQUIRY,
        months_ago=1,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Amina Sheikh",
            "Rehabilitation officer",
            "Northmoor Sight Support",
        ),
        what_happened=(
            "Mrs Akhtar told me, when we were alone, that she is left in her room most of "
            "the day and her pension goes to her son. She asked me not to tell the family "
            "she had said so."
        ),
        abuse_types=(A.NEGLECT, A.FINANCIAL, A.PSYCHOLOGICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=s42(
            "Registered blind; needs help with meals, medication and getting about.",
            "Third concern in eleven months (a fall left for hours, missed medication, and "
            "now isolation and her pension). Pattern reviewed; multi-agency risk meeting "
            "held with the GP, sight support and the police.",
            "Depends on the family for everything and is afraid of being sent away.",
        ),
        outcomes=(
            Outcome(
                "I want to sit with the family in the day and have my own money for the "
                "mosque and my grandchildren's presents."
            ),
        ),
        tags=("repeat",),
    ),
    CaseSpec(
        key="m8d-poor-kenneth-1",
        person="kenneth",
        myth="M8",
        practice=POOR,
        shows="First of three concerns in a year, each closed on its own",
        state=C.CLOSED,
        months_ago=10,
        referrer=neighbour("Sheila Marsden"),
        what_happened=(
            "Lots of young men coming and going from Ken's flat at all hours. Ken looks "
            "scared and hasn't got any shopping in."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Alcohol misuse.",
            "Visitors to the flat; nothing specific.",
            "Says they are his friends.",
            P.NONE_NEEDED,
            "He says they are friends. No further action.",
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="m8d-poor-kenneth-2",
        person="kenneth",
        myth="M8",
        practice=POOR,
        shows="Second of three concerns in a year, closed without looking back",
        state=C.CLOSED,
        months_ago=5,
        referrer=POLICE,
        what_happened=(
            "Drugs warrant executed at Mr Blakey's flat. Three men found, none of whom live "
            "there. Mr Blakey said they 'look after' his bank card."
        ),
        abuse_types=(A.FINANCIAL, A.MODERN_SLAVERY),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Alcohol misuse.",
            "Police matter.",
            "Police involved.",
            P.REFERRAL,
            "Referred to the drug and alcohol service.",
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="m8d-poor-kenneth-3",
        person="kenneth",
        myth="M8",
        practice=POOR,
        shows="Fails M8.d: third concern in a year; triage has not looked at the pattern "
        "(cuckooing)",
        state=C.TRIAGE,
        months_ago=0.3,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Gemma Holroyd",
            "Housing officer",
            "Northmoor Homes",
        ),
        what_happened=(
            "Mr Blakey's front door has been kicked in and he has a black eye. He is "
            "sleeping at the homeless shelter and says he 'can't go back till they've gone'."
        ),
        abuse_types=(A.PHYSICAL, A.MODERN_SLAVERY, A.FINANCIAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        tags=("repeat",),
    ),
)

M9 = (
    CaseSpec(
        key="m9-good-beryl",
        person="beryl",
        myth="M9",
        practice=GOOD,
        shows="M9.a: the bank that raised the concern was kept involved and given "
        "feedback before closure",
        state=C.CLOSED,
        months_ago=7,
        referrer=BANK,
        what_happened=(
            "Mrs Hartley tried to send £8,000 to a man she met on a dating site who says he "
            "is an engineer on an oil rig and needs money for a flight home. We stopped the "
            "payment. She has sent smaller amounts before."
        ),
        abuse_types=(A.FINANCIAL, A.PSYCHOLOGICAL),
        location=L.OTHER,
        sources=(S.UNKNOWN,),
        immediate_actions="Payment stopped by the bank; Action Fraud report made.",
        person_wishes="She wants to know if he is real.",
        decision=s42(
            "Lonely since her husband died; early memory problems under assessment.",
            "Romance fraud over several months; about £14,000 lost.",
            "Believes the man loves her and hides the payments from her daughter.",
        ),
        outcomes=(
            Outcome(
                "I want to know the truth, and I want some of my money back if I can.",
                achievement=Ach.PARTIALLY,
                person_view="The bank gave some back. I was a fool, but I'm not the only "
                "one, am I?",
                revisions=(
                    Revision(
                        "I know he isn't real now. I want some of my money back, and to meet "
                        "people who are.",
                        "Asked again after the bank showed her the other payments; she wants "
                        "company as much as the money.",
                    ),
                ),
            ),
            Outcome(
                "I don't want my daughter taking over my bank account.",
                achievement=Ach.FULLY,
                person_view="I've still got my own account, with a friend at the bank "
                "keeping an eye.",
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REDUCED,
            details=(
                "Bank kept involved throughout: agreed a trusted-contact flag on her "
                "account. Feedback given to Martin Hebden at the bank by phone on closure "
                "(outcome only, with Beryl's agreement). Joined a befriending group."
            ),
        ),
    ),
    CaseSpec(
        key="m9-poor-norman-1",
        person="norman",
        myth="M9",
        practice=POOR,
        shows="Fails M9.a: the neighbour who raised it never heard back",
        state=C.CLOSED,
        months_ago=1.3,
        referrer=neighbour("Eric Walmsley", "01632 960925"),
        what_happened=(
            "Norman's carers haven't come for two days running. I found him in yesterday's "
            "clothes, no breakfast, and the kitchen floor wet."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.SERVICE_PROVIDER,),
        decision=no_enquiry(
            "Home care four times a day.",
            "Missed calls over a bank holiday.",
            "Neighbour helps.",
            P.REFERRAL,
            "Passed to the contracts team to take up with the agency.",
            at_risk_answer=NOT_KNOWN,
        ),
        closure=ClosureSpec(
            CR.NO_ENQUIRY,
            overrides={
                "M3.a": "The contracts team takes missed calls up with the agency; no one "
                "carer was to blame."
            },
        ),
    ),
    CaseSpec(
        key="m9-poor-norman-2",
        person="norman",
        myth="M9",
        practice=POOR,
        shows="M9.b: the neighbour escalates because nothing came back",
        state=C.RAISED,
        months_ago=0.1,
        referrer=neighbour("Eric Walmsley", "01632 960925"),
        what_happened=(
            "I rang three weeks ago about Norman's carers and heard nothing. It's happened "
            "again: no carer since Saturday tea time, and he's had a fall."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.SERVICE_PROVIDER,),
        tags=("repeat", "escalation"),
    ),
)

M10 = (
    CaseSpec(
        key="m10-good-winifred",
        person="winifred",
        myth="M10",
        practice=GOOD,
        shows="Product duty for M10: a councillor passed on a constituent's concern "
        "through the usual route and got proportionate feedback, no personal details",
        state=C.ENQUIRY,
        months_ago=1.2,
        referrer=Referrer(
            RaisedVia.PUBLIC,
            "Cllr Brian Tolson",
            "Ward councillor, Moorside ward",
            relationship="Passing on a constituent's concern",
        ),
        what_happened=(
            "A constituent whose mother lives at Larchfield House says residents are left in "
            "the lounge in wet pads all afternoon and call bells go unanswered. She named "
            "Mrs Gale as someone she has seen calling out for help."
        ),
        abuse_types=(A.ORGANISATIONAL, A.NEGLECT),
        location=L.CARE_HOME_RESIDENTIAL,
        sources=(S.SERVICE_PROVIDER,),
        person_aware=NOT_KNOWN,
        decision=s42(
            "Dementia; needs full help with continence care.",
            "Reports of unanswered call bells and continence care left undone.",
            "Cannot use the call bell reliably.",
        ),
        outcomes=(
            Outcome(
                "Mum would hate to be left wet; she was always so particular. She'd want "
                "someone to sit with her in the afternoons.",
                representative="Carol Gale",
                relationship="Daughter",
            ),
            Outcome("I want to go to the toilet when I need to, love."),
        ),
        tags=("councillor",),
    ),
    CaseSpec(
        key="m10-poor-cyril",
        person="cyril",
        myth="M10",
        practice=POOR,
        shows="Against M10: a councillor inspected the home personally and was sent the case notes",
        state=C.CLOSED,
        months_ago=8,
        referrer=Referrer(
            RaisedVia.PUBLIC,
            "Cllr Janet Royd",
            "Ward councillor, Calder ward",
            relationship="Councillor",
        ),
        what_happened=(
            "I visited Calder Edge myself on Saturday to see conditions for myself after "
            "complaints. Mr Bancroft was unshaven and his room smelled. I told the manager "
            "this was unacceptable."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.CARE_HOME_NURSING,
        sources=(S.SERVICE_PROVIDER,),
        person_aware=NO,
        decision=no_enquiry(
            "Nursing care after a stroke.",
            "One visit by a councillor; the home's records show personal care given daily.",
            "Can call staff and has a daughter who visits weekly.",
            P.REFERRAL,
            "Passed to the council's quality team. Full case notes emailed to Cllr Royd "
            "at her request.",
        ),
        # A care home as provider: the guard asks who was told (M3.a) even with no
        # enquiry, and a manager closed it on the quality team's word.
        closure=ClosureSpec(
            CR.NO_ENQUIRY,
            overrides={
                "M3.a": "The council's quality team looks after Calder Edge and tells the "
                "Care Quality Commission about any concern it upholds."
            },
        ),
        tags=("councillor",),
    ),
)

M11 = (
    CaseSpec(
        key="m11-good-agnieszka",
        person="agnieszka",
        myth="M11",
        practice=GOOD,
        shows="Anonymous referrer protected; an 'other' enquiry (no care and support "
        "needs); M11.a her experience asked at closure",
        state=C.CLOSED,
        months_ago=6,
        referrer=ANONYMOUS,
        what_happened=(
            "A woman works at the hand car wash on Foundry Street from 7am till late every "
            "day. She sleeps in the unit behind it with four other people. A man collects "
            "their wages and she has told a customer in Polish that he keeps her passport. "
            "She looks exhausted and has a burn on her hand."
        ),
        abuse_types=(A.MODERN_SLAVERY, A.FINANCIAL),
        location=L.OTHER,
        sources=(S.KNOWN,),
        person_aware=NO,
        immediate_actions="Police and the modern slavery helpline told the same day. "
        "Caller gave no name; they were given the case reference to ask what happened.",
        decision=other_enquiry(
            "No care and support needs known: a working-age adult with no illness or "
            "disability recorded.",
            "Strong signs of forced labour: passport held, wages taken, living at work.",
            "Cannot protect herself while her documents and pay are held.",
            needs_answer=NO,
            protect_answer=NO,
        ),
        outcomes=(
            Outcome(
                "I want my passport back and to send money to my mother in Lublin.",
                achievement=Ach.FULLY,
                person_view="Through the interpreter: she has her passport and a bank "
                "account in her own name. She said she felt believed.",
            ),
            Outcome(
                "I don't want to be sent home. I want a proper job.",
                revisions=(
                    Revision(
                        "I want to stay and work legally, and to learn better English first.",
                        "Asked again at the safe house, with the interpreter; she now wants "
                        "English classes before a job.",
                    ),
                ),
                achievement=Ach.PARTIALLY,
                person_view="She is in safe-house support and waiting on the national "
                "referral decision.",
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REMOVED,
            details="Met with a Polish interpreter at a neutral place. Referred into the "
            "National Referral Mechanism with her consent; police operation at the car "
            "wash. Asked about her experience of the enquiry at closure: 'I was afraid of "
            "the police. You stayed with me.'",
        ),
    ),
    CaseSpec(
        key="m11-poor-joyce",
        person="joyce",
        myth="M11",
        practice=POOR,
        shows="Against M11: a confidential referrer was named to the family; M11.a her "
        "experience was not asked",
        state=C.CLOSED,
        months_ago=15,
        referrer=neighbour("Brenda Illingworth", "01632 960974", confidential=True),
        what_happened=(
            "Joyce's daughter comes round on pension day and I hear her shouting for the "
            "money. Joyce has told me she's frightened of her. Please don't tell the "
            "daughter it was me; we live next door."
        ),
        abuse_types=(A.FINANCIAL, A.PSYCHOLOGICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=s42(
            "Arthritis; uses a frame.",
            "Pressure and shouting over her pension.",
            "Frightened of her daughter.",
        ),
        outcomes=(
            Outcome(
                "I want her to stop shouting at me.",
                achievement=Ach.PARTIALLY,
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REMAINED,
            msp_asked=MA.NOT_RECORDED,
            details="Daughter asked who had called; told her it was the neighbour, Mrs I, "
            "as she guessed anyway. Joyce's pension now paid into her own account.",
        ),
    ),
)

MYTH_CASES: tuple[CaseSpec, ...] = (
    *M1,
    *M2,
    *M3,
    *M4,
    *M5,
    *M6,
    *M7,
    *M8,
    *M8_PATTERN,
    *M9,
    *M10,
    *M11,
)

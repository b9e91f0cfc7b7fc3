"""Everyday cases around the myth scenarios: every state, every abuse type,
location and source of risk, repeat concerns, and reopened cases."""

from msp.cases.models import CaseState as C
from msp.concerns.codes import AbuseType as A
from msp.concerns.codes import LocationOfRisk as L
from msp.concerns.codes import ProportionateResponse as P
from msp.concerns.codes import RaisedVia
from msp.concerns.codes import SourceOfRisk as S
from msp.demo.scenarios.common import (
    BANK,
    CALDER_EDGE_MANAGER,
    GP_ALT,
    HOSPITAL_SW,
    LARCHFIELD_MANAGER,
    NOT_KNOWN,
    POLICE,
    WARD_MANAGER,
    closed_no_enquiry,
    concluded,
    neighbour,
    no_enquiry,
    relative,
    s42,
    self_referral,
    staff,
)
from msp.demo.specs import GOOD, POOR, CaseSpec, Outcome, Referrer, Reopening, Revision
from msp.enquiries.codes import Achievement as Ach
from msp.enquiries.codes import ActionResult as AR
from msp.enquiries.codes import ClosureReason as CR
from msp.enquiries.codes import LackedCapacity as LC
from msp.enquiries.codes import MspAsked as MA
from msp.enquiries.codes import RiskOutcome as RO

OPEN = (
    CaseSpec(
        key="grace-ward",
        person="grace",
        state=C.ENQUIRY,
        months_ago=1,
        referrer=WARD_MANAGER,
        what_happened=(
            "Grace says a male patient came into her bedroom on Tuesday night and touched "
            "her breasts while she was drowsy from medication. Night staff were on "
            "observations elsewhere. She is distressed and asking to move wards."
        ),
        abuse_types=(A.SEXUAL,),
        location=L.HOSPITAL_MENTAL_HEALTH,
        sources=(S.KNOWN,),
        immediate_actions="Moved to a female-only bay; police informed with her consent.",
        person_wishes="She wants to feel safe at night and for the police to know.",
        decision=s42(
            "Detained under the Mental Health Act with a psychotic illness.",
            "Sexual assault by another patient.",
            "Sedated at night and dependent on ward staff for safety.",
        ),
        outcomes=(
            Outcome("I want to sleep without being scared and a lock on my door."),
            Outcome("I want him to be dealt with properly, the same as anyone else."),
        ),
    ),
    CaseSpec(
        key="trevor-rehab",
        person="trevor",
        state=C.DECIDED,
        months_ago=0.5,
        referrer=relative("Anne Nuttall", "Wife", "07700 900672"),
        what_happened=(
            "Trevor fell trying to get to the toilet on the rehab ward because his call bell "
            "was out of reach again. He lay there for about 40 minutes. This is the second "
            "time."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.HOSPITAL_COMMUNITY,
        sources=(S.KNOWN,),
        decision=s42(
            "Below-knee amputation; rehabilitation after surgery.",
            "Two falls with call bell out of reach; left on the floor.",
            "Cannot move safely without help and cannot reach the bell.",
        ),
    ),
    CaseSpec(
        key="daniel-hate",
        person="daniel",
        state=C.ENQUIRY,
        months_ago=1.8,
        referrer=self_referral("Daniel Okoro"),
        what_happened=(
            "Daniel emailed: the family across the landing have been shouting racist abuse, "
            "blocking the lift with bikes so he can't get out, and last week someone poured "
            "paint on his wheelchair ramp. He reported it to housing twice."
        ),
        abuse_types=(A.DISCRIMINATORY, A.PSYCHOLOGICAL),
        location=L.COMMUNITY,
        sources=(S.KNOWN,),
        decision=s42(
            "Wheelchair user after a spinal injury; personal assistants daily.",
            "Sustained racist and disability hate incidents.",
            "Cannot leave the building when the lift is blocked.",
        ),
        outcomes=(
            Outcome(
                "I want to get in and out of my own home without being abused.",
                revisions=(
                    Revision(
                        "I want a ground-floor flat, and I want the police to treat this as "
                        "a hate crime.",
                        "He has decided he wants to move rather than wait for things to "
                        "change; housing panel agreed to consider him.",
                    ),
                ),
            ),
        ),
    ),
    CaseSpec(
        key="abdul-neglect",
        person="abdul",
        state=C.TRIAGE,
        months_ago=0.3,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Rubina Chowdhury",
            "Community link worker",
            "Northmoor Bangladeshi Welfare Association",
        ),
        what_happened=(
            "Mr Miah has not been to the lunch club for three weeks. When I visited he was "
            "in bed in soiled clothes. His grandson, who is his carer, was out. He said the "
            "carer 'has his own problems'."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        person_aware=NOT_KNOWN,
    ),
    CaseSpec(
        key="lily-taxi",
        person="lily",
        state=C.ENQUIRY,
        months_ago=2.2,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Helen Cawthorne",
            "Course tutor",
            "Northmoor College",
        ),
        what_happened=(
            "Lily drew a picture of the taxi driver who brings her to college and said he "
            "'does touching' and tells her it is a secret. The taxi is on the council's "
            "contracted transport."
        ),
        abuse_types=(A.SEXUAL,),
        location=L.COMMUNITY,
        sources=(S.SERVICE_PROVIDER,),
        immediate_actions="Transport team suspended the driver; police informed.",
        decision=s42(
            "Learning disability; council-funded transport to college.",
            "Disclosure of sexual touching by a contracted driver.",
            "Told to keep it secret and relies on the transport.",
        ),
        outcomes=(
            Outcome(
                "I want a lady driver. I want to still go to college.",
            ),
            Outcome(
                "Lily wants to keep going to college and to feel safe on the way. She "
                "wants her mum to be there when she talks to the police.",
                representative="Mei Chen",
                relationship="Mother",
            ),
        ),
    ),
    CaseSpec(
        key="patrick-street",
        person="patrick",
        state=C.RAISED,
        months_ago=0.05,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Connor Bywater",
            "Outreach worker",
            "Northmoor Recovery Service",
        ),
        what_happened=(
            "Paddy has been 'taxed' by two lads outside the shop on giro day for the last "
            "month: they take half his money and hit him if he refuses. Fresh cut to his lip."
        ),
        abuse_types=(A.PHYSICAL, A.FINANCIAL),
        location=L.COMMUNITY,
        sources=(S.UNKNOWN,),
    ),
    CaseSpec(
        key="valerie-lpa",
        person="valerie",
        state=C.CLOSING,
        months_ago=3,
        referrer=BANK,
        what_happened=(
            "Mrs Ingham's son holds a lasting power of attorney for her finances. £22,000 "
            "has been transferred to a business account in his wife's name over four "
            "months. Her home care bills are now in arrears."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=s42(
            "Alzheimer's disease; home care twice daily.",
            "Large transfers by her attorney to a relative's business.",
            "Lacks capacity to manage her finances; depends on her attorney.",
        ),
        outcomes=(
            Outcome(
                "Valerie always said her money was for her care and a little for the "
                "grandchildren. She would not want a family row.",
                representative="Rev. Alan Pickup",
                relationship="Independent advocate",
                achievement=Ach.PARTIALLY,
                person_view="The advocate: the money is protected now, but the family has "
                "fallen out.",
                revisions=(
                    Revision(
                        "Valerie always said her money was for her care and a little for the "
                        "grandchildren. She wants to stay at home and not be the cause of a "
                        "row.",
                        "Revisited with her advocate after the building society froze the account.",
                    ),
                ),
            ),
            Outcome("I want to stay in my own home.", achievement=Ach.FULLY),
        ),
    ),
    CaseSpec(
        key="george-domestic",
        person="george",
        state=C.TRIAGE,
        months_ago=0.4,
        referrer=GP_ALT,
        what_happened=(
            "Mr Lumb came in alone for once. He told me his wife pinches him and withholds "
            "his meals if he 'answers back', and that this has gone on for years. He "
            "said he had never told anyone because 'men don't'."
        ),
        abuse_types=(A.DOMESTIC, A.PSYCHOLOGICAL, A.PHYSICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        person_wishes="He wants it to stop but does not want to leave his house.",
    ),
    CaseSpec(
        key="ayesha-domestic",
        person="ayesha",
        state=C.RAISED,
        months_ago=0.02,
        referrer=self_referral("Ayesha Begum"),
        what_happened=(
            "Ayesha rang from a friend's phone. Her husband hit her with her walking stick "
            "last night and has said he will send her back to Sylhet if she tells anyone. "
            "She wants to talk but only when he is at work, 10am to 2pm."
        ),
        abuse_types=(A.DOMESTIC, A.PHYSICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        person_wishes="She wants help but only to be contacted through her friend.",
        tags=("repeat",),
    ),
    CaseSpec(
        key="marjorie-daycentre",
        person="marjorie",
        state=C.CLOSING,
        months_ago=2.7,
        referrer=relative("Peter Hesketh", "Son", "07700 900713"),
        what_happened=(
            "Mum came home from Kingsway Day Centre with a graze on her elbow and said a "
            "member of staff pushed her into her chair because she was 'too slow'. She does "
            "not want to go back."
        ),
        abuse_types=(A.PHYSICAL,),
        location=L.COMMUNITY_SERVICE,
        sources=(S.SERVICE_PROVIDER,),
        decision=s42(
            "Parkinson's disease; attends a day service three days a week.",
            "An alleged push by a staff member, with an injury.",
            "Unsteady and slow to move; cannot get away.",
        ),
        outcomes=(
            Outcome(
                "I want an apology and to go somewhere else on Tuesdays.",
                achievement=Ach.FULLY,
                person_view="I've got a lovely new place and they wait for me.",
            ),
            Outcome("I want to know she won't do it to anyone else."),
        ),
    ),
    CaseSpec(
        key="jamal-seclusion",
        person="jamal",
        state=C.DECIDED,
        months_ago=0.6,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Kwame Asante",
            "Independent mental health advocate",
            "Northmoor Advocacy Hub",
        ),
        what_happened=(
            "Jamal has been secluded four times this month, once overnight with no medical "
            "review recorded. He says staff call him 'a big lad' and go straight to restraint "
            "when he raises his voice."
        ),
        abuse_types=(A.ORGANISATIONAL, A.PSYCHOLOGICAL, A.DISCRIMINATORY),
        location=L.HOSPITAL_MENTAL_HEALTH,
        sources=(S.KNOWN,),
        decision=s42(
            "Detained in hospital with schizophrenia.",
            "Repeated seclusion without the required reviews; possible racial stereotyping.",
            "Detained and dependent on staff; his complaints have not been answered.",
        ),
    ),
    CaseSpec(
        key="hilda-missing",
        person="hilda",
        state=C.RAISED,
        months_ago=0.08,
        referrer=LARCHFIELD_MANAGER,
        what_happened=(
            "Mrs Greenhalgh's engagement ring and £60 from her drawer are missing. She had "
            "several visitors from the church at the weekend and contractors were fitting "
            "windows on her corridor."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.CARE_HOME_RESIDENTIAL,
        sources=(S.UNKNOWN,),
    ),
    CaseSpec(
        key="bernadette-again",
        person="bernadette",
        state=C.RAISED,
        months_ago=0.03,
        referrer=relative("Maeve Quayle", "Sister", "07700 900880"),
        what_happened=(
            "Roy has been turning up outside Bernie's flat at night even though there's a "
            "court order. She's stopped going out."
        ),
        abuse_types=(A.DOMESTIC, A.PSYCHOLOGICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        tags=("repeat",),
    ),
    CaseSpec(
        key="wilfred-again",
        person="wilfred",
        myth="M1",
        practice=GOOD,
        shows="A repeat after a poor M1 closure: this time he was seen alone",
        state=C.TRIAGE,
        months_ago=0.5,
        referrer=BANK,
        what_happened=(
            "Mr Pennicott came in on his own this time and asked us quietly to stop his "
            "nephew taking money. His savings are down to £300. He asked us to call a "
            "social worker while he waited."
        ),
        abuse_types=(A.FINANCIAL, A.PSYCHOLOGICAL),
        location=L.COMMUNITY,
        sources=(S.KNOWN,),
        person_wishes="He wants to change who can use his account.",
        immediate_actions="Seen alone in the bank's private room by the duty worker the "
        "same afternoon.",
        tags=("repeat",),
    ),
    CaseSpec(
        key="harold-again",
        person="harold",
        myth="M3",
        practice=POOR,
        shows="What follows an M3 failure: more bruises from the same agency",
        state=C.RAISED,
        months_ago=0.15,
        referrer=relative("Julie Simkins", "Daughter", "07700 900318"),
        what_happened=(
            "More bruises on Dad's arms, and now a skin tear. It's the same agency. Nobody "
            "ever told me what happened last time."
        ),
        abuse_types=(A.PHYSICAL,),
        location=L.OWN_HOME,
        sources=(S.SERVICE_PROVIDER,),
        tags=("repeat",),
    ),
    CaseSpec(
        key="derek-again",
        person="derek",
        myth="M6",
        practice=GOOD,
        shows="A second go after the poor M6 closure: persistent, curious, trusted person",
        state=C.ENQUIRY,
        months_ago=2.5,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Ravi Lodhia",
            "Paramedic",
            "Northern Ambulance Service",
        ),
        what_happened=(
            "Mr Ollerenshaw found collapsed at home by his brother. Severely underweight, "
            "leg ulcers, no food in the flat. Admitted. He said he stopped caring after he "
            "lost his job at the foundry."
        ),
        abuse_types=(A.SELF_NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=s42(
            "Alcohol dependence with alcohol-related brain damage suspected; not eating.",
            "Life-threatening self-neglect.",
            "Capacity assessment on returning home: he understands the risk but cannot plan "
            "or start meals or drinking less (executive function). Brother Colin is the one "
            "person he trusts. Five contact attempts so far: ward visit, two calls to "
            "Colin, joint visit with the recovery worker, letter.",
        ),
        outcomes=(
            Outcome(
                "I want to go home and not be nagged. I'd have a meal if someone made it.",
                revisions=(
                    Revision(
                        "I'll have meals delivered and Colin can come Sundays. I'll see the "
                        "nurse for my legs.",
                        "Third visit with Colin present; Derek chose the meals service himself.",
                    ),
                ),
            ),
        ),
        tags=("repeat",),
    ),
    CaseSpec(
        key="arthur-daycentre",
        person="arthur",
        state=C.DECIDED,
        months_ago=0.7,
        referrer=staff("Lynne Craven", "Day services officer"),
        what_happened=(
            "Another attendee at the dementia day service pushed Arthur when they both "
            "wanted the same chair. Arthur was unhurt. Staff separated them straight away."
        ),
        abuse_types=(A.PHYSICAL,),
        location=L.COMMUNITY_SERVICE,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Vascular dementia; attends a day service.",
            "A single push between two attendees with dementia; no injury.",
            "Staff were present and acted at once.",
            P.INFORMATION_ADVICE,
            "Day service to review seating and staffing at busy times; Pauline informed "
            "the same day.",
        ),
        tags=("repeat",),
    ),
    CaseSpec(
        key="cyril-again",
        person="cyril",
        state=C.CLOSING,
        months_ago=3.5,
        referrer=CALDER_EDGE_MANAGER,
        what_happened=(
            "Self-reported by the home: Mr Bancroft was given another resident's "
            "medication at teatime. He was drowsy overnight; GP says no lasting harm."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.CARE_HOME_NURSING,
        sources=(S.SERVICE_PROVIDER,),
        decision=s42(
            "Nursing care after a stroke.",
            "Medication error by the home.",
            "Cannot check his own medication.",
        ),
        outcomes=(
            Outcome(
                "I want the right tablets and to know what they're for.",
                achievement=Ach.FULLY,
                person_view="The nurse shows me the packet now.",
                revisions=(
                    Revision(
                        "I want the right tablets, and the nurse to show me the packet each time.",
                        "Asked again after the home's review; he wants to see the packet.",
                    ),
                ),
            ),
        ),
        tags=("repeat",),
    ),
)

CLOSED = (
    CaseSpec(
        key="eileen-resident",
        person="eileen",
        state=C.CLOSED,
        months_ago=6,
        referrer=LARCHFIELD_MANAGER,
        what_happened=(
            "Mrs Brackenbury was slapped across the face by another resident, Mr D, in the "
            "lounge. Red mark, no lasting injury. Mr D has dementia and has hit out at "
            "others twice this month."
        ),
        abuse_types=(A.PHYSICAL,),
        location=L.CARE_HOME_RESIDENTIAL,
        sources=(S.KNOWN,),
        decision=s42(
            "Dementia; residential care.",
            "Assault by another resident with a pattern of hitting out.",
            "Cannot move away quickly and cannot recall to report it.",
        ),
        outcomes=(
            Outcome(
                "Mum wants to sit by the window in the lounge like she always has, and not "
                "be frightened.",
                representative="Diane Brackenbury",
                relationship="Daughter",
                achievement=Ach.FULLY,
                person_view="Diane: Mum has her chair back and seems settled.",
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REDUCED,
            lacked_capacity=LC.YES,
            capacity_support=True,
            details="Mr D's care plan reviewed by the mental health liaison team; extra "
            "staff in the lounge in the afternoon.",
        ),
        reopening=Reopening(
            "Mr D hit Mrs Brackenbury again; the extra afternoon staffing had stopped.",
        ),
    ),
    CaseSpec(
        key="shirley-doorstep",
        person="shirley",
        state=C.CLOSED,
        months_ago=10,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Kim Aspinall",
            "Trading standards officer",
            "Northmoor Council Trading Standards",
        ),
        what_happened=(
            "Doorstep traders charged Ms Tebbutt £6,400 for 'urgent' roof work that was not "
            "needed. They wrote the prices on a notepad because she is deaf and kept coming "
            "back for more."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.OWN_HOME,
        sources=(S.UNKNOWN,),
        decision=s42(
            "Profoundly deaf; BSL user; lives alone.",
            "Targeted doorstep fraud over several visits.",
            "Traders exploit that she cannot use the phone to check with anyone.",
        ),
        outcomes=(
            Outcome(
                "I want them to stop coming and to get my money back.",
                achievement=Ach.PARTIALLY,
                person_view="Through the BSL interpreter: the bank refunded some. The "
                "video doorbell helps.",
            ),
        ),
        closure=concluded(
            AR.RISK_ACTION,
            RO.REMOVED,
            details="Video doorbell fitted; no-cold-calling zone on her street; trading "
            "standards prosecution.",
        ),
        reopening=Reopening(
            "The same traders came back using different names and a different van.",
            state=C.CLOSED,
            decision=s42(
                "Profoundly deaf; BSL user; lives alone.",
                "Return visits by the same traders.",
                "Traders persuaded her to open the door by holding up a fake council badge.",
            ),
            outcomes=(
                Outcome(
                    "I want to know who is at the door before I open it.",
                    revisions=(
                        Revision(
                            "I want to know who is at the door, and a password the "
                            "companies will use.",
                            "Through the interpreter, after trading standards explained the "
                            "password scheme.",
                        ),
                    ),
                    achievement=Ach.FULLY,
                    person_view="Through the interpreter: the doorbell app shows me "
                    "their faces and the password scheme works.",
                ),
            ),
            closure=concluded(
                AR.INCONCLUSIVE_ACTION,
                details="Police could not identify the men; password scheme with the "
                "utility companies and trading standards follow-up.",
            ),
        ),
    ),
    CaseSpec(
        key="frank-sensory",
        person="frank",
        state=C.CLOSED,
        months_ago=4,
        referrer=relative("Margaret Waddington", "Daughter-in-law"),
        what_happened=(
            "Frank's hearing aids have been in the drawer for weeks and no one at Calder "
            "Edge uses his hand signs, so he sits alone all day. He used to love the "
            "dominoes."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.CARE_HOME_NURSING,
        sources=(S.SERVICE_PROVIDER,),
        decision=no_enquiry(
            "Deafblind; nursing care.",
            "Communication needs not met; no harm beyond isolation found on a visit.",
            "The home accepted the gap straight away and asked for help.",
            P.REFERRAL,
            "Referred to the sensory team, who trained his keyworkers in hand-under-hand "
            "signing within a fortnight.",
        ),
        closure=closed_no_enquiry("Sensory team confirmed training done; dominoes restarted."),
    ),
    CaseSpec(
        key="doreen-earlier",
        person="doreen",
        state=C.CLOSED,
        months_ago=16,
        referrer=staff("Lynne Craven", "Day services officer"),
        what_happened=(
            "Mrs Ashcombe mentioned at the day centre that she lent her son money and is "
            "short this week. She laughed it off."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Needs help with washing and dressing.",
            "A one-off loan to her son, her choice.",
            "Manages her own money.",
            P.INFORMATION_ADVICE,
            "Leaflet on keeping money safe, and the day centre will keep an eye.",
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="maureen-earlier",
        person="maureen",
        myth="M6",
        practice=POOR,
        shows="An earlier self-neglect concern closed after one doorstep conversation",
        state=C.CLOSED,
        months_ago=14,
        referrer=neighbour("Pat Greaves"),
        what_happened=(
            "Maureen's garden is full of bags and she hasn't had her bins emptied in months. "
            "I'm worried about her since Ken died."
        ),
        abuse_types=(A.SELF_NEGLECT,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Not known.",
            "Untidy garden.",
            "Says she is fine.",
            P.NONE_NEEDED,
            "She said on the doorstep that she is fine and does not want help.",
            needs_answer=NOT_KNOWN,
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="grace-earlier",
        person="grace",
        state=C.CLOSED,
        months_ago=12,
        referrer=POLICE,
        what_happened=(
            "Grace was found in a flat in Easterfold with older men after being reported "
            "missing. Officers believe she is being given drugs in exchange for sex."
        ),
        abuse_types=(A.SEXUAL_EXPLOITATION,),
        location=L.COMMUNITY,
        sources=(S.KNOWN,),
        decision=s42(
            "Psychotic illness; community mental health team support.",
            "Sexual exploitation by older men.",
            "Her illness makes her trusting and she is using drugs.",
        ),
        outcomes=(
            Outcome(
                "I want to get well and go back to my own flat.",
                achievement=Ach.PARTIALLY,
                person_view="I'm in hospital now but I'm safer.",
                revisions=(
                    Revision(
                        "I want to get well, and to live somewhere those men can't find me.",
                        "Asked again on the ward after her admission.",
                    ),
                ),
            ),
        ),
        closure=concluded(
            AR.RISK_NO_ACTION,
            reason=CR.MOVED_AWAY,
            details="The exploitation took place in Easterfold; enquiry passed to "
            "Easterfold Council with a joint plan agreed before transfer.",
        ),
    ),
    CaseSpec(
        key="daniel-earlier",
        person="daniel",
        state=C.CLOSED,
        months_ago=10,
        referrer=self_referral("Daniel Okoro"),
        what_happened="Daniel reported name-calling from a neighbour's teenage son.",
        abuse_types=(A.DISCRIMINATORY,),
        location=L.COMMUNITY,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Wheelchair user; personal assistants daily.",
            "One incident of verbal abuse.",
            "Daniel reported it himself and wants the police and housing to act.",
            P.REFERRAL,
            "With his agreement, referred to the police hate crime officer and to housing's "
            "anti-social behaviour team.",
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="patrick-earlier",
        person="patrick",
        myth="M1",
        practice=GOOD,
        shows="Declined with the reasons explored and the door left open",
        state=C.CLOSED,
        months_ago=9,
        referrer=POLICE,
        what_happened=(
            "Mr Doherty was found with a head wound after being robbed at the underpass. "
            "He refused hospital and said he'd 'sort it himself'."
        ),
        abuse_types=(A.PHYSICAL, A.FINANCIAL),
        location=L.COMMUNITY,
        sources=(S.UNKNOWN,),
        decision=s42(
            "Alcohol dependence; memory problems.",
            "Robbery with injury.",
            "Often intoxicated outdoors at night.",
        ),
        outcomes=(
            Outcome(
                "I want to be left alone, but I'd like my bus pass back.",
                achievement=Ach.FULLY,
                person_view="Got the bus pass. Still don't want the social.",
                revisions=(
                    Revision(
                        "I'd like my bus pass back, and that's all. Connor can sort the rest.",
                        "Asked again at the second meeting, after going through the options.",
                    ),
                ),
            ),
        ),
        closure=concluded(
            AR.CEASED,
            reason=CR.PERSON_DECLINED,
            details=(
                "Seen alone at the recovery service, twice. He said he distrusts 'the "
                "social' after time in care as a boy, and fears losing his flat. Options "
                "explained: police statement, victim support, a key worker. He chose only "
                "a replacement bus pass. No doubt about capacity when sober; seen sober. "
                "He knows Connor at the recovery service can bring him back to us."
            ),
            open_door="He can come back to us at any time through Connor at the recovery "
            "service, or the duty line.",
        ),
    ),
    CaseSpec(
        key="george-earlier",
        person="george",
        state=C.CLOSED,
        months_ago=8,
        referrer=GP_ALT,
        what_happened=(
            "Brenda Lumb said at the surgery that she 'loses it' with George sometimes and "
            "is worn out caring for him."
        ),
        abuse_types=(A.PSYCHOLOGICAL,),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=no_enquiry(
            "Stroke; his wife is his carer.",
            "Carer stress.",
            "Not asked: George was not spoken to.",
            P.CARERS_ASSESSMENT,
            "Carer's assessment offered to Brenda.",
            protect_answer=NOT_KNOWN,
        ),
        closure=closed_no_enquiry(),
    ),
    CaseSpec(
        key="ayesha-earlier",
        person="ayesha",
        myth="M1",
        practice=POOR,
        shows="Fails M1.a: declined with her husband in the room",
        state=C.CLOSED,
        months_ago=7,
        referrer=Referrer(
            RaisedVia.PARTNER,
            "Dr Farah Siddiqui",
            "Emergency department doctor",
            "Northmoor General Hospital",
        ),
        what_happened=(
            "Mrs Begum attended with a fractured wrist she said was from a fall. Her husband "
            "answered for her. Injury pattern not typical of a fall."
        ),
        abuse_types=(A.DOMESTIC, A.PHYSICAL),
        location=L.OWN_HOME,
        sources=(S.KNOWN,),
        decision=s42(
            "Uses crutches; chronic pain condition.",
            "Injury not consistent with the account.",
            "Husband speaks for her.",
        ),
        closure=concluded(
            AR.CEASED,
            reason=CR.PERSON_DECLINED,
            msp_asked=MA.NOT_EXPRESSED,
            details="Home visit; husband interpreted. Mrs B said she fell and wants no "
            "help. Closed.",
            overrides={
                "M1.a": "Mrs Begum gave the hospital doctor and our worker the same account, "
                "that she fell. There is nothing more to test without her agreement, and a "
                "second visit could raise the risk from her husband if he learns why we came.",
                "M1.e": "No children live in the household and her husband cares for no one "
                "else, so no one else is exposed to him.",
            },
        ),
    ),
    CaseSpec(
        key="lily-earlier",
        person="lily",
        state=C.CLOSED,
        months_ago=14,
        referrer=relative("Mei Chen", "Mother"),
        what_happened=(
            "A girl at college has been getting Lily to buy her lunch every day and "
            "'borrow' her bus money."
        ),
        abuse_types=(A.FINANCIAL,),
        location=L.COMMUNITY_SERVICE,
        sources=(S.KNOWN,),
        decision=s42(
            "Learning disability.",
            "Money taken by a fellow student.",
            "Finds it hard to say no to people she likes.",
        ),
        outcomes=(
            Outcome(
                "I want to keep my money for my lunch and still have friends.",
                achievement=Ach.FULLY,
                person_view="Lily showed a thumbs-up picture.",
                revisions=(
                    Revision(
                        "I want to keep my lunch money, stay friends, and learn to say no.",
                        "Asked again with pictures after the college spoke to both students.",
                    ),
                ),
            ),
        ),
        closure=concluded(
            AR.NO_RISK_ACTION,
            details="College staff spoke to both students; the other student also has a "
            "learning disability and was supported. Lily did a money-safety course.",
        ),
    ),
    CaseSpec(
        key="hilda-falls",
        person="hilda",
        state=C.CLOSED,
        months_ago=11,
        referrer=HOSPITAL_SW,
        what_happened=(
            "Mrs Greenhalgh had three falls in a week at Larchfield. Her family wondered "
            "whether she was being left to walk unaided."
        ),
        abuse_types=(A.NEGLECT,),
        location=L.CARE_HOME_RESIDENTIAL,
        sources=(S.SERVICE_PROVIDER,),
        decision=s42(
            "Frail, in her late nineties; needs help to walk.",
            "Repeated falls.",
            "Cannot walk safely alone.",
        ),
        outcomes=(
            Outcome(
                "I want to walk to the dining room myself, with my frame.",
                achievement=Ach.FULLY,
                person_view="I'm steadier now the infection's gone.",
            ),
        ),
        closure=concluded(
            AR.NO_RISK_NO_ACTION,
            msp_asked=MA.EXPRESSED,
            details="Falls were due to a urine infection; treated. Care plan was being followed.",
        ),
    ),
)

ROUTINE_CASES: tuple[CaseSpec, ...] = OPEN + CLOSED

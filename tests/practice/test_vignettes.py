"""One realistic case per myth, acted out through the action functions: first
badly (the guard names exactly what is missing), then well (it finds nothing).

``good_case`` is an enquiry recorded well in every respect; each vignette
changes only what its story needs, so the findings are those of the story.
"""

import pytest
from django.utils import timezone

from msp.concerns import actions as concern_actions
from msp.enquiries import actions
from msp.people.actions import record_date_of_death
from msp.practice.guard import closure_findings, findings_for
from tests import factories
from tests import record_factories as rf
from tests.factories import CLOSURE, DECISION_NONE, fresh

pytestmark = pytest.mark.django_db


def ids(findings):
    return {f.check_id for f in findings}


def good_case(by, *, contact=True, involvement=None, risk=None, plan=True, **concern):
    """An enquiry recorded well: the person's outcomes asked and revisited, the
    advocacy test done, the person seen alone, risk assessed, a plan at their
    pace, and the referrer kept involved."""
    case = factories.case(by, state="enquiry", **concern)
    for outcome in case.desired_outcomes.all():
        actions.revise_outcome(
            outcome,
            by=by,
            expected_version=outcome.version,
            text="I want to feel safe at home, and to keep seeing my son",
            whose_words="person",
            reason="Talked again after the first meeting.",
        )
    rf.advocacy(case, by)
    rf.involvement(
        case,
        by,
        **{
            "referrer_part_details": "Her home carer checks she has money for shopping.",
            **(involvement or {}),
        },
    )
    if contact:
        rf.contact(
            case,
            by,
            coercion_conclusion="She spoke the same way alone as with her son: no sign of pressure.",
        )
    rf.risk_assessment(case, by, **(risk or {}))
    if plan:
        rf.plan(case, by)
    rf.feedback(case, by)
    return fresh(case)


def to_closing(case, by):
    case = actions.start_closing(case, by=by, expected_version=fresh(case).version)
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(
            outcome,
            by=by,
            expected_version=outcome.version,
            achievement="partially",
            person_view="Better, but I still worry.",
        )
    return fresh(case)


def test_the_good_case_has_no_findings(practitioner):
    case = good_case(practitioner)
    assert findings_for(case) == []
    case = to_closing(case, practitioner)
    assert closure_findings(case, {**CLOSURE, "open_door": "Call us any time."}) == []


# --- M1: "they said no, so we close" -------------------------------------------------

DECLINED = {
    **CLOSURE,
    "reason": "person_declined",
    "action_result": "ceased",
    "risk_outcome": "",
    "msp_asked": "asked_not_expressed",
}


def test_m1_closed_on_a_no_over_the_phone(practitioner):
    """Mrs A's son answers the phone and says she wants nothing done. The
    worker closes. The grandchildren visit the same son every weekend."""
    case = good_case(practitioner, contact=False, risk={"children_at_risk": "yes"})
    rf.contact(
        case,
        practitioner,
        method="phone",
        outcome="declined",
        who_was_present="Her son answered and stayed on the line",
        seen_alone="no",
    )
    case = to_closing(case, practitioner)
    proposed = {**DECLINED, "lacked_capacity": "dont_know", "open_door": ""}
    assert ids(closure_findings(case, proposed)) == {
        "M1.a",  # coercion not considered
        "M1.b",  # options not explained
        "M1.c",  # capacity in doubt, not assessed
        "M1.d",  # no open door
        "M1.e",  # grandchildren at risk, nothing done
        "M1.f",  # reasons not explored
        "M6.a",  # one attempt, one method
        "M6.c",  # never spoken to alone
    }


def test_m1_a_no_that_was_understood_and_explored(practitioner):
    case = good_case(
        practitioner,
        risk={"children_at_risk": "yes"},
        involvement={
            "options_explained": "Police report, a bank protection plan, or nothing for now.",
            "reasons_for_declining": "Does not want her son in trouble; he is all she has.",
        },
    )
    rf.contact(
        case,
        practitioner,
        method="phone",
        outcome="no_answer",
        who_was_present="",
        seen_alone="not_applicable",
    )
    rf.contact(
        case,
        practitioner,
        method="letter",
        outcome="sent",
        who_was_present="",
        seen_alone="not_applicable",
    )
    rf.risk_action(
        case,
        practitioner,
        kind="childrens_services",
        details="Told children's services about the grandchildren.",
    )
    case = to_closing(case, practitioner)
    proposed = {**DECLINED, "open_door": "She has our number and the duty line's hours."}
    assert closure_findings(case, proposed) == []


# --- M2: "just a chat over a cup of tea" -----------------------------------------------


def test_m2_a_plan_without_the_person(practitioner):
    """Mr B's plan was written in the office: no outcomes asked, no pace."""
    case = factories.case(practitioner, state="enquiry", outcomes=0)
    rf.advocacy(case, practitioner)
    rf.involvement(case, practitioner, referrer_part_details="Ward nurse will report any bruising.")
    rf.risk_assessment(case, practitioner)
    rf.plan(case, practitioner, pace="")
    assert ids(findings_for(case)) == {"M2.a", "M2.d"}


def test_m2_outcomes_asked_once_and_never_again(practitioner):
    case = factories.case(practitioner, state="enquiry")
    rf.advocacy(case, practitioner)
    rf.involvement(case, practitioner, referrer_part_details="Ward nurse will report any bruising.")
    rf.risk_assessment(case, practitioner)
    rf.plan(case, practitioner)
    rf.feedback(case, practitioner)
    case = actions.start_closing(case, by=practitioner, expected_version=case.version)
    assert ids(closure_findings(case, CLOSURE)) == {"M2.b", "M2.c"}


def test_m2_outcomes_in_his_words_revisited_and_rated(practitioner):
    case = to_closing(good_case(practitioner), practitioner)
    assert closure_findings(case, CLOSURE) == []


# --- M3: "if we follow their wishes, the abuser goes on" ---------------------------------

CARE_HOME = {
    "abuse_types": ["physical"],
    "location_of_risk": "care_home_residential",
    "sources_of_risk": ["service_provider"],
    "what_happened": "A carer was seen pushing Mr C into his chair.",
}


def test_m3_a_carer_left_in_post(practitioner, manager):
    """Mr C did not want fuss. The worker told his daughter without his
    consent but no manager co-signed; nobody told the carer's employer. Mr C
    then died in hospital, recorded on his person record only."""
    case = good_case(
        practitioner,
        risk={"source_trust_role": "paid_carer", "source_has_contact_with_others_at_risk": "yes"},
        **CARE_HOME,
    )
    rf.override(
        case,
        practitioner,
        cosigner=manager,
        kind="shared_without_consent",
        shared_what="What the carer did",
        shared_with="His daughter",
        shared_on=timezone.localdate(),
    )
    record_date_of_death(case.person, by=practitioner, date_of_death=timezone.localdate())
    assert ids(findings_for(case)) == {"M3.a", "M3.c", "M3.d"}


def test_m3_others_protected_and_the_death_considered(practitioner, manager):
    case = good_case(
        practitioner,
        risk={"source_trust_role": "paid_carer", "source_has_contact_with_others_at_risk": "yes"},
        **CARE_HOME,
    )
    override = rf.override(case, practitioner, cosigner=manager)
    actions.cosign_override(override, by=manager)
    rf.risk_action(
        case, practitioner, kind="pipot", details="PiPoT referral to the home's provider."
    )
    rf.risk_action(case, practitioner, kind="regulator", details="Told the CQC.")
    rf.death(case, practitioner)
    assert findings_for(case) == []


# --- M4: "no time for MSP" -------------------------------------------------------------


def test_m4_no_time_to_ask_about_an_advocate(practitioner):
    case = factories.case(practitioner, state="enquiry", advocacy=False)
    rf.involvement(case, practitioner, referrer_part_details="Day centre keeps an eye on her.")
    rf.risk_assessment(case, practitioner)
    for outcome in case.desired_outcomes.all():
        actions.revise_outcome(
            outcome,
            by=practitioner,
            expected_version=outcome.version,
            text="To go back to the day centre",
            whose_words="person",
            reason="Second visit.",
        )
    assert ids(findings_for(case)) == {"M4.a"}


def test_m4_an_advocate_arranged_at_the_start(practitioner):
    case = factories.case(practitioner, state="enquiry")
    rf.advocacy(
        case,
        practitioner,
        difficulty_understanding=True,
        difficulty_communicating=True,
        result="advocate_arranged",
        advocate_name="Sam Voice, Northmoor Advocacy",
        advocate_arranged_on=timezone.localdate(),
    )
    rf.involvement(case, practitioner, referrer_part_details="Day centre keeps an eye on her.")
    rf.risk_assessment(case, practitioner)
    assert findings_for(case) == []


# --- M5: "impossible when the person lacks capacity" ------------------------------------

LACKS = {
    "understand": "unable",
    "understand_evidence": "Could not say what the money was for, even with pictures.",
    "retain": "unable",
    "retain_evidence": "Forgot our talk within minutes.",
    "impairment": "yes",
    "impairment_evidence": "Advanced Alzheimer's disease, memory clinic 2023.",
}


def test_m5_lacks_capacity_so_nobody_asked(practitioner):
    """Mrs D has dementia. The worker wrote that she lacks capacity for all
    decisions, asked nobody what she would want, and recorded no outcomes.
    Lacking capacity is no reason not to ask (M2.a applies to everyone)."""
    case = good_case(
        practitioner, outcomes=0, involvement={"outcomes_not_asked_reason": "She lacks capacity."}
    )
    rf.capacity(case, practitioner, decision="All decisions", **LACKS)
    assert ids(findings_for(case)) == {"M2.a", "M5.a", "M5.b", "M5.c"}


def test_m5_her_wishes_through_her_daughter(practitioner):
    case = good_case(practitioner, outcomes=0)
    assessment = rf.capacity(
        case, practitioner, decision="Whether her son should manage her money", **LACKS
    )
    rf.best_interests(case, practitioner, capacity_assessment=assessment)
    actions.add_outcome(
        case,
        by=practitioner,
        expected_version=fresh(case).version,
        text="Mum would want to stay at home and keep seeing her son",
        whose_words="representative",
        representative_name="Ann Example",
        representative_relationship="Daughter",
    )
    assert findings_for(case) == []


# --- M6: "refuses help, no way in" ------------------------------------------------------

SELF_NEGLECT = {
    "abuse_types": ["self_neglect"],
    "what_happened": "Neighbours report a strong smell; post piled up behind the door.",
}


def test_m6_a_lifestyle_choice_after_two_tries(practitioner):
    """Mr E's nephew answers the door and says he is fine. After a missed phone
    call the worker writes it off as a lifestyle choice."""
    case = good_case(practitioner, contact=False, **SELF_NEGLECT)
    rf.contact(
        case,
        practitioner,
        method="phone",
        outcome="no_answer",
        who_was_present="",
        seen_alone="not_applicable",
    )
    rf.contact(
        case,
        practitioner,
        method="visit",
        outcome="declined",
        who_was_present="His nephew",
        seen_alone="no",
    )
    rf.clutter_rating(case, practitioner, rating=8)
    rf.note(case, practitioner, text="Has capacity. This is his lifestyle choice.")
    case = to_closing(case, practitioner)
    proposed = {
        **CLOSURE,
        "reason": "other",
        "reason_details": "Not engaging.",
        "action_result": "inconclusive_no_action",
        "risk_outcome": "",
    }
    # "Not engaging." under "other" means the person stopped engaging, so the
    # checks about a person who walked away (M1) run too.
    assert ids(closure_findings(case, proposed)) == {
        "M1.a",
        "M1.b",
        "M1.d",
        "M1.f",
        "M6.a",
        "M6.b",
        "M6.c",
        "M6.d",
    }


def test_m6_a_way_in_through_someone_he_trusts(practitioner):
    case = good_case(practitioner, contact=False, **SELF_NEGLECT)
    rf.contact(
        case,
        practitioner,
        method="phone",
        outcome="no_answer",
        who_was_present="",
        seen_alone="not_applicable",
    )
    rf.contact(
        case,
        practitioner,
        method="visit",
        outcome="declined",
        who_was_present="His nephew",
        seen_alone="tried",
    )
    rf.contact(
        case,
        practitioner,
        method="trusted_person",
        outcome="spoke",
        who_was_present="His friend from the allotment",
        seen_alone="yes",
    )
    rf.self_neglect(case, practitioner)
    rf.clutter_rating(case, practitioner, rating=8)
    rf.capacity(
        case,
        practitioner,
        decision="Whether to let the council clear the hallway",
        executive_function="Says he will clear it but has not managed to start for a year.",
    )
    rf.note(case, practitioner, text="Not simply a lifestyle choice: he cannot start the task.")
    case = to_closing(case, practitioner)
    assert closure_findings(case, CLOSURE) == []


# --- M7: "refer it on and they will sort it" -------------------------------------------

PARTNER = {
    "raised_via": "partner",
    "referrer_name": "Ada Nurse",
    "referrer_job_title": "District nurse",
    "referrer_organisation": "Northmoor Community Health",
    "person_aware": "unknown",
}


def test_m7_referred_and_forgotten(practitioner):
    """The district nurse referred Mr F and stepped back; nobody told Mr F."""
    case = good_case(
        practitioner,
        involvement={"referrer_part": [], "referrer_part_details": "", "person_told": ""},
        **PARTNER,
    )
    assert ids(findings_for(case)) == {"M7.a", "M7.b"}


def test_m7_referred_only_in_words_is_no_part(practitioner):
    """The worker wrote "Referred only." in the detail and ticked that the nurse
    had no other part: the guard reads the choice, and asks."""
    case = good_case(
        practitioner,
        involvement={"referrer_part": ["referred_only"], "referrer_part_details": "Referred only."},
        **PARTNER,
    )
    found = findings_for(case)
    assert ids(found) == {"M7.a"}
    assert "no part beyond raising it" in found[0].missing


def test_m7_a_part_in_the_enquiry_is_enough(practitioner):
    case = good_case(
        practitioner,
        involvement={
            "referrer_part": ["gave_information", "meetings"],
            "referrer_part_details": "",
        },
        **PARTNER,
    )
    assert findings_for(case) == []


def test_m7_the_nurse_keeps_a_part(practitioner):
    case = good_case(
        practitioner,
        involvement={
            "referrer_part": [],
            "referrer_part_details": "",
            "person_told": "no_risk",
            "not_told_reason": "His wife opens his post and would stop the nurse visiting.",
        },
        **PARTNER,
    )
    rf.plan_action(
        case,
        practitioner,
        owner_kind="referrer",
        owner_name="Ada Nurse",
        description="Check his pressure areas at each visit and tell us of any bruising",
    )
    assert findings_for(case) == []


# --- M8: "intervening and investigating" ------------------------------------------------


def test_m8_a_third_investigation(practitioner):
    """Ms G's third concern this year. The worker's note talks of an
    investigation; the pattern across the closed concerns is not looked at."""
    person = factories.person(practitioner)
    factories.case(practitioner, state="closed", about=person)
    factories.case(practitioner, state="closed", about=person)
    case = good_case(practitioner, about=person, involvement={"person_involvement": ""})
    rf.note(case, practitioner, text="Started the safeguarding investigation today.")
    assert ids(findings_for(case)) == {"M8.b", "M8.c", "M8.d"}


def test_m8_the_pattern_reviewed_with_her(practitioner):
    person = factories.person(practitioner)
    factories.case(practitioner, state="closed", about=person)
    factories.case(practitioner, state="closed", about=person)
    case = good_case(
        practitioner,
        about=person,
        involvement={"pattern_review": "Risk meeting with GP and police on the three concerns."},
    )
    rf.note(
        case, practitioner, text="The police investigation continues; our enquiry goes on with her."
    )
    assert findings_for(case) == []


def test_m8_no_enquiry_with_a_proportionate_response(practitioner):
    case = factories.case(practitioner, state="triage")
    concern_actions.record_decision(
        case,
        by=factories.decider_for(practitioner, case),
        expected_version=case.version,
        **DECISION_NONE,
    )
    case = actions.start_closing(fresh(case), by=practitioner, expected_version=fresh(case).version)
    rf.feedback(case, practitioner)
    assert closure_findings(case, {"reason": "no_enquiry"}) == []


# --- M9: "over to the council" ----------------------------------------------------------


def test_m9_the_referrer_never_hears_back(practitioner):
    """The district nurse raised the concern about Mr H and heard nothing more."""
    case = factories.case(practitioner, state="enquiry", **PARTNER)
    for outcome in case.desired_outcomes.all():
        actions.revise_outcome(
            outcome,
            by=practitioner,
            expected_version=outcome.version,
            text="To feel safe when the carers come",
            whose_words="person",
            reason="Revisited at the second visit.",
        )
    rf.advocacy(case, practitioner)
    rf.involvement(case, practitioner, referrer_part_details="Visits weekly and reports changes.")
    rf.risk_assessment(case, practitioner)
    case = to_closing(case, practitioner)
    assert ids(closure_findings(case, CLOSURE)) == {"M9.a"}


def test_m9_feedback_before_closing(practitioner):
    case = to_closing(
        good_case(practitioner, **PARTNER, involvement={"person_told": "yes"}), practitioner
    )
    assert closure_findings(case, CLOSURE) == []


# --- M11: "safeguarding isn't safe" -----------------------------------------------------


def test_m11_closed_without_asking_her(practitioner):
    case = to_closing(good_case(practitioner), practitioner)
    found = closure_findings(case, {**CLOSURE, "experience_asked": "not_asked"})
    assert ids(found) == {"M11.a"}
    # Asked what outcomes she wanted is not asked about her experience
    assert CLOSURE["msp_asked"] == "asked_expressed"
    assert ids(closure_findings(case, {**CLOSURE, "experience_asked": ""})) == {"M11.a"}


def test_m11_asked_at_closure(practitioner):
    case = to_closing(good_case(practitioner), practitioner)
    assert closure_findings(case, {**CLOSURE, "experience_asked": "at_closure"}) == []
    assert closure_findings(case, {**CLOSURE, "experience_asked": "survey_to_follow"}) == []

"""Every check, failed and passed, on snapshots built in memory."""

from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp.practice.checks import CHECKS
from msp.practice.config import DEFAULTS, GuardSettings
from msp.practice.findings import PRINCIPLES, SEVERITIES, STAGES
from msp.practice.guard import evaluate
from msp.practice.snapshot import Consultee, PersonFacts
from tests.practice import builders as b

DECLINED = {"reason": "person_declined", "action_result": "ceased"}
THREE_METHODS = (
    b.contact(id=61, method="phone", outcome="no_answer", seen_alone="not_applicable"),
    b.contact(id=62, method="visit"),
    b.contact(id=63, method="letter", outcome="sent", seen_alone="not_applicable"),
)

# (check id, should it fail?, snapshot, config or None)
CASES = [
    # M1.a: coercion considered when the person declines
    ("M1.a", True, lambda: b.declining(contacts=()), None),
    (
        "M1.a",
        True,
        lambda: b.declining(
            contacts=tuple(
                b.contact(id=i, method=m, coercion_conclusion="")
                for i, m in enumerate(["visit", "phone", "letter"])
            )
        ),
        None,
    ),
    ("M1.a", False, lambda: b.declining(), None),
    ("M1.a", False, lambda: b.closing(contacts=()), None),  # not declining
    # M1.b: options explained
    ("M1.b", True, lambda: b.declining(involvement=b.involvement(options_explained="")), None),
    ("M1.b", False, lambda: b.declining(), None),
    ("M1.b", False, lambda: b.closing(involvement=b.involvement(options_explained="")), None),
    # M1.c: capacity to decline, where there is doubt
    (
        "M1.c",
        True,
        lambda: b.declining(proposed_closure=b.proposed(**DECLINED, lacked_capacity="dont_know")),
        None,
    ),
    (
        "M1.c",
        True,
        lambda: b.declining(advocacy=(b.advocacy(difficulty_retaining=True, result="declined"),)),
        None,
    ),
    (
        "M1.c",
        False,
        lambda: b.declining(
            proposed_closure=b.proposed(**DECLINED, lacked_capacity="dont_know"),
            capacity_assessments=(b.capacity(),),
        ),
        None,
    ),
    ("M1.c", False, lambda: b.declining(), None),  # no reason to doubt
    # M1.d: the open door
    (
        "M1.d",
        True,
        lambda: b.declining(proposed_closure=b.proposed(**DECLINED, open_door="")),
        None,
    ),
    (
        "M1.d",
        True,
        lambda: b.snap(
            case=b.case(state="closed"), latest_closure=b.closure(**DECLINED, open_door="")
        ),
        None,
    ),
    ("M1.d", False, lambda: b.declining(), None),
    (  # reopened: the old closure is history, not the closure being judged
        "M1.d",
        False,
        lambda: b.snap(
            case=b.case(state="triage"), latest_closure=b.closure(**DECLINED, open_door="")
        ),
        None,
    ),
    # M1.e: risk to others from the same source
    ("M1.e", True, lambda: b.declining(risk=None), None),
    ("M1.e", True, lambda: b.declining(risk=b.risk(children_at_risk="yes")), None),
    (
        "M1.e",
        False,
        lambda: b.declining(
            risk=b.risk(children_at_risk="yes"),
            risk_actions=(b.risk_action("childrens_services"),),
        ),
        None,
    ),
    ("M1.e", False, lambda: b.declining(), None),
    ("M1.e", False, lambda: b.closing(risk=None), None),
    # M1.f: reasons for declining
    ("M1.f", True, lambda: b.declining(involvement=b.involvement(reasons_for_declining="")), None),
    ("M1.f", False, lambda: b.declining(), None),
    # M2.a: outcomes in the person's own words
    ("M2.a", True, lambda: b.snap(outcomes=()), None),
    (
        "M2.a",
        True,
        lambda: b.snap(outcomes=(b.outcome(whose_words="representative"),)),
        None,
    ),
    (
        "M2.a",
        False,
        lambda: b.snap(
            outcomes=(), involvement=b.involvement(outcomes_not_asked_reason="In intensive care.")
        ),
        None,
    ),
    (
        "M2.a",
        False,
        lambda: b.snap(
            outcomes=(b.outcome(whose_words="representative", representative_name="Ruth"),)
        ),
        None,
    ),
    (
        "M2.a",
        False,
        lambda: b.snap(case=b.case(state="decided", enquiry_type=""), outcomes=()),
        None,
    ),
    # M2.b: outcomes revisited, once the enquiry has run
    (
        "M2.b",
        True,
        lambda: b.closing(outcomes=(b.outcome(revision_count=1, achievement="fully"),)),
        None,
    ),
    ("M2.b", False, lambda: b.closing(), None),
    ("M2.b", False, lambda: b.snap(outcomes=(b.outcome(revision_count=1),)), None),
    # M2.c: outcomes rated at closure
    ("M2.c", True, lambda: b.closing(outcomes=(b.outcome(achievement=""),)), None),
    ("M2.c", False, lambda: b.closing(), None),
    ("M2.c", False, lambda: b.snap(outcomes=(b.outcome(achievement=""),)), None),
    # M2.d: plan at the person's pace
    ("M2.d", True, lambda: b.snap(plan=b.plan(pace="")), None),
    ("M2.d", True, lambda: b.snap(plan=None), None),  # actions without a plan record
    ("M2.d", False, lambda: b.snap(), None),
    ("M2.d", False, lambda: b.snap(plan=None, plan_actions=()), None),
    # M3.a: others protected from a source in a position of trust
    ("M3.a", True, lambda: b.snap(risk=b.risk(source_trust_role="paid_carer")), None),
    (
        "M3.a",
        True,
        lambda: b.snap(
            risk=b.risk(source_has_contact_with_others_at_risk="yes"),
            risk_actions=(b.risk_action("other"),),
        ),
        None,
    ),
    (
        "M3.a",
        True,
        lambda: b.snap(risk=None, concerns=(b.concern(sources_of_risk=("service_provider",)),)),
        None,
    ),
    (
        "M3.a",
        False,
        lambda: b.snap(
            risk=b.risk(source_trust_role="paid_carer"), risk_actions=(b.risk_action("employer"),)
        ),
        None,
    ),
    (  # the risk assessment is the considered view
        "M3.a",
        False,
        lambda: b.snap(concerns=(b.concern(sources_of_risk=("service_provider",)),)),
        None,
    ),
    # M3.b: police decision with its reason
    ("M3.b", True, lambda: b.snap(risk=b.risk(crime_may_have_been_committed="yes")), None),
    (
        "M3.b",
        True,
        lambda: b.snap(
            risk=b.risk(crime_may_have_been_committed="yes", police_decision="not_reported")
        ),
        None,
    ),
    (
        "M3.b",
        False,
        lambda: b.snap(
            risk=b.risk(
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason="She would not give a statement; police advised no action.",
            )
        ),
        None,
    ),
    ("M3.b", True, lambda: b.snap(risk=b.risk(crime_may_have_been_committed="unknown")), None),
    # M3.c: overrides accountable
    ("M3.c", True, lambda: b.snap(overrides=(b.override(cosigned=False),)), None),
    ("M3.c", True, lambda: b.snap(overrides=(b.override(person_told=None),)), None),
    ("M3.c", True, lambda: b.snap(overrides=(b.override(person_told_on=None),)), None),
    ("M3.c", True, lambda: b.snap(overrides=(b.override(person_told=False),)), None),
    ("M3.c", True, lambda: b.snap(overrides=(b.override(legal_basis=" "),)), None),
    ("M3.c", False, lambda: b.snap(overrides=(b.override(),)), None),
    (
        "M3.c",
        False,
        lambda: b.snap(
            overrides=(
                b.override(
                    person_told=False,
                    person_told_on=None,
                    not_told_reason="Telling her now would alert her son.",
                ),
            )
        ),
        None,
    ),
    # M3.d: after a death
    ("M3.d", True, lambda: b.snap(person=PersonFacts(age=81, date_of_death=b.days_ago(4))), None),
    ("M3.d", True, lambda: b.closing(proposed_closure=b.proposed(reason="person_died")), None),
    ("M3.d", True, lambda: b.snap(death=b.death(sar_considerations="")), None),
    ("M3.d", False, lambda: b.snap(death=b.death()), None),
    ("M3.d", False, lambda: b.snap(), None),
    # M4.a: advocacy
    ("M4.a", True, lambda: b.snap(advocacy=()), None),
    (
        "M4.a",
        True,
        lambda: b.snap(advocacy=(b.advocacy(difficulty_understanding=True),)),
        None,
    ),
    (  # the "appropriate individual" is implicated in the abuse
        "M4.a",
        True,
        lambda: b.snap(
            advocacy=(
                b.advocacy(
                    difficulty_communicating=True,
                    appropriate_individual="yes",
                    individual_implicated=True,
                    result="appropriate_individual",
                ),
            )
        ),
        None,
    ),
    (
        "M4.a",
        False,
        lambda: b.snap(
            advocacy=(
                b.advocacy(
                    difficulty_understanding=True,
                    result="advocate_arranged",
                    advocate_name="Sam Voice",
                ),
            )
        ),
        None,
    ),
    (
        "M4.a",
        False,
        lambda: b.snap(
            advocacy=(
                b.advocacy(
                    difficulty_understanding=True,
                    appropriate_individual="yes",
                    result="appropriate_individual",
                ),
            )
        ),
        None,
    ),
    (  # the latest assessment counts
        "M4.a",
        False,
        lambda: b.snap(
            advocacy=(
                b.advocacy(id=51, difficulty_understanding=True, assessed_on=b.days_ago(24)),
                b.advocacy(id=52, assessed_on=b.days_ago(3)),
            )
        ),
        None,
    ),
    (
        "M4.a",
        False,
        lambda: b.snap(case=b.case(state="triage", enquiry_type=""), advocacy=()),
        None,
    ),
    # M5.a: decision-specific capacity
    (
        "M5.a",
        True,
        lambda: b.snap(
            capacity_assessments=(b.lacking(decision="All decisions"),),
            best_interests=(b.best_interests(),),
        ),
        None,
    ),
    (
        "M5.a",
        True,
        lambda: b.snap(
            capacity_assessments=(b.lacking(communicate_evidence=""),),
            best_interests=(b.best_interests(),),
        ),
        None,
    ),
    (
        "M5.a",
        True,
        lambda: b.snap(
            capacity_assessments=(b.lacking(impairment_evidence=""),),
            best_interests=(b.best_interests(),),
        ),
        None,
    ),
    (
        "M5.a",
        True,
        lambda: b.closing(proposed_closure=b.proposed(lacked_capacity="yes")),
        None,
    ),
    (
        "M5.a",
        False,
        lambda: b.snap(capacity_assessments=(b.lacking(),), best_interests=(b.best_interests(),)),
        None,
    ),
    (
        "M5.a",
        False,
        lambda: b.snap(capacity_assessments=(b.capacity(decision="everything"),)),
        None,
    ),
    # M5.b: best interests
    ("M5.b", True, lambda: b.snap(capacity_assessments=(b.lacking(),)), None),
    (
        "M5.b",
        True,
        lambda: b.snap(
            capacity_assessments=(b.lacking(),), best_interests=(b.best_interests(consulted=()),)
        ),
        None,
    ),
    ("M5.b", True, lambda: b.snap(best_interests=(b.best_interests(past_wishes=""),)), None),
    (
        "M5.b",
        False,
        lambda: b.snap(
            capacity_assessments=(b.lacking(),),
            best_interests=(
                b.best_interests(consulted=(Consultee(name="Ivy IMCA", role="advocate"),)),
            ),
        ),
        None,
    ),
    # M5.c: outcomes still recorded when capacity is lacking
    (
        "M5.c",
        True,
        lambda: b.snap(
            capacity_assessments=(b.lacking(),),
            best_interests=(b.best_interests(),),
            outcomes=(),
            involvement=b.involvement(outcomes_not_asked_reason="She lacks capacity."),
        ),
        None,
    ),
    (
        "M5.c",
        False,
        lambda: b.snap(
            capacity_assessments=(b.lacking(),),
            best_interests=(b.best_interests(),),
            outcomes=(
                b.outcome(
                    whose_words="representative",
                    representative_name="Ruth Example",
                    text="Mum would want to stay in her own home",
                ),
            ),
        ),
        None,
    ),
    (
        "M5.c",
        False,
        lambda: b.snap(
            outcomes=(),
            involvement=b.involvement(outcomes_not_asked_reason="In intensive care."),
        ),
        None,
    ),
    # M6.a: persistence before closing for non-engagement
    ("M6.a", True, lambda: b.declining(contacts=(b.contact(),)), None),
    (
        "M6.a",
        True,
        lambda: b.declining(contacts=tuple(b.contact(id=i, method="phone") for i in range(4))),
        None,
    ),
    (
        "M6.a",
        True,
        lambda: b.closing(contacts=(b.contact(outcome="no_answer", seen_alone="not_applicable"),)),
        None,
    ),
    ("M6.a", True, lambda: b.declining(), GuardSettings(min_contact_attempts=4)),
    ("M6.a", False, lambda: b.declining(), None),
    ("M6.a", False, lambda: b.closing(contacts=(b.contact(),)), None),  # engaged
    # M6.b: self-neglect history and a trusted person
    ("M6.b", True, lambda: b.snap(concerns=(b.concern(abuse_types=("self_neglect",)),)), None),
    (
        "M6.b",
        True,
        lambda: b.snap(
            clutter_ratings=(b.clutter(8),), self_neglect=b.self_neglect(trusted_person="")
        ),
        None,
    ),
    (
        "M6.b",
        False,
        lambda: b.snap(
            concerns=(b.concern(abuse_types=("self_neglect",)),), self_neglect=b.self_neglect()
        ),
        None,
    ),
    (
        "M6.b",
        False,
        lambda: b.snap(
            case=b.case(state="triage", enquiry_type=""),
            concerns=(b.concern(abuse_types=("self_neglect",)),),
        ),
        None,
    ),
    # M6.c: spoken to alone when someone else was there
    (
        "M6.c",
        True,
        lambda: b.snap(contacts=(b.contact(who_was_present="Her son", seen_alone="no"),)),
        None,
    ),
    (
        "M6.c",
        True,
        lambda: b.snap(contacts=(b.contact(outcome="third_party", seen_alone="not_applicable"),)),
        None,
    ),
    (
        "M6.c",
        False,
        lambda: b.snap(
            contacts=(
                b.contact(id=1, who_was_present="Her son", seen_alone="no"),
                b.contact(id=2, who_was_present="Her son", seen_alone="tried"),
            )
        ),
        None,
    ),
    (
        "M6.c",
        False,
        lambda: b.snap(contacts=(b.contact(who_was_present="No one.", seen_alone="no"),)),
        None,
    ),
    (
        "M6.c",
        False,
        lambda: b.snap(contacts=(b.contact(who_was_present="No one else", seen_alone="no"),)),
        None,
    ),
    # M6.d: "lifestyle choice" needs executive function reasoning
    ("M6.d", True, lambda: b.snap(notes=(b.note("This is her lifestyle choice."),)), None),
    (
        "M6.d",
        True,
        lambda: b.snap(
            contacts=(b.contact(notes="An unwise decision but hers to make."),),
            capacity_assessments=(b.capacity(executive_function=""),),
        ),
        None,
    ),
    (
        "M6.d",
        False,
        lambda: b.snap(
            notes=(b.note("Her lifestyle choices are hers."),),
            capacity_assessments=(b.capacity(),),
        ),
        None,
    ),
    (  # the person's own words are not judged
        "M6.d",
        False,
        lambda: b.snap(outcomes=(b.outcome(text="Respect my lifestyle choice"),)),
        None,
    ),
    # M7.a: the referrer keeps a role
    (
        "M7.a",
        True,
        lambda: b.snap(involvement=b.involvement(referrer_part=(), referrer_part_details="")),
        None,
    ),
    # "Referred only." in the words, with the choice that says so: fails
    (
        "M7.a",
        True,
        lambda: b.snap(
            involvement=b.involvement(
                referrer_part=("referred_only",), referrer_part_details="Referred only."
            )
        ),
        None,
    ),
    # Free-text detail alone is not read as a part
    (
        "M7.a",
        True,
        lambda: b.snap(
            involvement=b.involvement(referrer_part=(), referrer_part_details="Gave us the rota.")
        ),
        None,
    ),
    (
        "M7.a",
        False,
        lambda: b.snap(involvement=b.involvement(referrer_part=("meetings",))),
        None,
    ),
    # Being told what happened is not a part in the enquiry
    (
        "M7.a",
        True,
        lambda: b.snap(
            involvement=b.involvement(
                referrer_part=("received_feedback",), referrer_part_details=""
            )
        ),
        None,
    ),
    (
        "M7.a",
        False,
        lambda: b.snap(
            involvement=b.involvement(referrer_part=(), referrer_part_details=""),
            plan_actions=(b.plan_action(owner_kind="referrer"),),
        ),
        None,
    ),
    (
        "M7.a",
        False,
        lambda: b.snap(
            involvement=b.involvement(referrer_part_details=""),
            concerns=(b.concern(referrer_anonymous=True, raised_via="public"),),
        ),
        None,
    ),
    ("M7.a", False, lambda: b.snap(), None),
    # M7.b: the person told about the concern
    (
        "M7.b",
        True,
        lambda: b.snap(
            concerns=(b.concern(person_aware="unknown"),), involvement=b.involvement(person_told="")
        ),
        None,
    ),
    (
        "M7.b",
        True,
        lambda: b.snap(
            concerns=(b.concern(person_aware="no"),),
            involvement=b.involvement(person_told="no_risk"),
        ),
        None,
    ),
    (
        "M7.b",
        False,
        lambda: b.snap(
            concerns=(b.concern(person_aware="no"),),
            involvement=b.involvement(
                person_told="no_risk", not_told_reason="Her son reads her post and would retaliate."
            ),
        ),
        None,
    ),
    (
        "M7.b",
        False,
        lambda: b.snap(involvement=b.involvement(person_told="")),  # aware when raised
        None,
    ),
    # M8.a: proportionate response when there is no enquiry
    (
        "M8.a",
        True,
        lambda: b.snap(
            case=b.case(state="decided", enquiry_type=""),
            decision=b.decision(result="none", proportionate_response="", response_details=""),
        ),
        None,
    ),
    (
        "M8.a",
        False,
        lambda: b.snap(
            case=b.case(state="decided", enquiry_type=""),
            decision=b.decision(
                result="none",
                proportionate_response="information_advice",
                response_details="Gave her the bank's fraud line.",
            ),
        ),
        None,
    ),
    ("M8.a", False, lambda: b.snap(), None),
    # M8.b: "enquiry", not "investigation"
    ("M8.b", True, lambda: b.snap(notes=(b.note("We will investigate the missing money."),)), None),
    (
        "M8.b",
        True,
        lambda: b.closing(
            proposed_closure=b.proposed(reason="other", reason_details="Investigation finished.")
        ),
        None,
    ),
    (
        "M8.b",
        False,
        lambda: b.snap(notes=(b.note("The police are investigating the theft."),)),
        None,
    ),
    (
        "M8.b",
        False,
        lambda: b.snap(notes=(b.note("The home is under CQC investigation."),)),
        None,
    ),
    # M8.c: the person's involvement
    ("M8.c", True, lambda: b.snap(involvement=b.involvement(person_involvement="")), None),
    ("M8.c", False, lambda: b.snap(), None),
    # M8.d: repeat concerns
    ("M8.d", True, lambda: b.snap(other_concern_dates=(b.days_ago(100), b.days_ago(200))), None),
    (
        "M8.d",
        False,
        lambda: b.snap(
            other_concern_dates=(b.days_ago(100), b.days_ago(200)),
            involvement=b.involvement(
                pattern_review="Risk meeting held 3 June with police and GP."
            ),
        ),
        None,
    ),
    ("M8.d", False, lambda: b.snap(other_concern_dates=(b.days_ago(100), b.days_ago(400))), None),
    (
        "M8.d",
        False,
        lambda: b.snap(other_concern_dates=(b.days_ago(100), b.days_ago(200))),
        GuardSettings(repeat_concern_count=4),
    ),
    # M9.a: feedback to the person who raised the concern
    ("M9.a", True, lambda: b.closing(feedback=()), None),
    ("M9.a", False, lambda: b.closing(), None),
    (
        "M9.a",
        False,
        lambda: b.closing(
            feedback=(), concerns=(b.concern(referrer_anonymous=True, raised_via="public"),)
        ),
        None,
    ),
    ("M9.a", False, lambda: b.snap(feedback=()), None),
    # M11.a: the person asked at closure
    (
        "M11.a",
        True,
        lambda: b.closing(proposed_closure=b.proposed(experience_asked="not_asked")),
        None,
    ),
    ("M11.a", True, lambda: b.closing(proposed_closure=b.proposed(experience_asked="")), None),
    # Asked about outcomes is not asked about their experience
    (
        "M11.a",
        True,
        lambda: b.closing(
            proposed_closure=b.proposed(msp_asked="asked_expressed", experience_asked="")
        ),
        None,
    ),
    ("M11.a", False, lambda: b.closing(), None),
    (
        "M11.a",
        False,
        lambda: b.closing(proposed_closure=b.proposed(experience_asked="survey_to_follow")),
        None,
    ),
    # Closed saying "asked at closure": the answers must be recorded
    (
        "M11.a",
        True,
        lambda: b.snap(
            case=b.case(state="closed"),
            latest_closure=b.closure(experience_asked="at_closure", experience_answered=False),
        ),
        None,
    ),
    (
        "M11.a",
        False,
        lambda: b.snap(
            case=b.case(state="closed"),
            latest_closure=b.closure(experience_asked="not_asked", experience_answered=True),
        ),
        None,
    ),
    (
        "M11.a",
        False,
        lambda: b.closing(
            case=b.case(state="closing", enquiry_type=""),
            proposed_closure=b.proposed(reason="no_enquiry", msp_asked=""),
        ),
        None,
    ),
]


def _id(case):
    check_id, fails, _, _ = case
    return f"{check_id}-{'fails' if fails else 'passes'}"


@pytest.mark.parametrize("check_id,fails,build,config", CASES, ids=[_id(c) for c in CASES])
def test_check(check_id, fails, build, config):
    spec = CHECKS[check_id]
    finding = spec.fn(build(), config or DEFAULTS)
    if not fails:
        assert finding is None, finding and finding.missing
        return
    assert finding is not None
    assert finding.check_id == check_id
    assert finding.severity == spec.severity
    assert finding.stage == spec.stage
    assert finding.question.endswith("?")
    assert finding.missing.strip().endswith(".")
    assert finding.reality and finding.principles
    assert finding.fix.url_name


def test_every_check_has_a_failing_and_a_passing_case():
    failing = {c[0] for c in CASES if c[1]}
    passing = {c[0] for c in CASES if not c[1]}
    assert failing == set(CHECKS)
    assert passing == set(CHECKS)


@pytest.mark.parametrize(
    "build", [b.snap, b.closing, b.declining], ids=["enquiry", "closing", "declining"]
)
def test_a_good_record_has_no_findings(build):
    assert evaluate(build(), DEFAULTS) == []


def test_findings_come_in_check_id_order():
    s = b.declining(
        contacts=(),
        involvement=b.involvement(person_involvement="", options_explained=""),
        other_concern_dates=(b.days_ago(40), b.days_ago(50)),
        proposed_closure=b.proposed(**DECLINED, experience_asked="not_asked"),
    )
    ids = [f.check_id for f in evaluate(s, DEFAULTS)]
    assert ids == ["M1.a", "M1.b", "M6.a", "M8.c", "M8.d", "M11.a"]


def test_specs_are_well_formed():
    for check_id, spec in CHECKS.items():
        assert spec.check_id == check_id
        assert spec.severity in SEVERITIES
        assert spec.stage in STAGES
        assert spec.principles and set(spec.principles) <= set(PRINCIPLES)
        assert len(set(spec.principles)) == len(spec.principles)
        assert spec.question.endswith("?")
        if check_id != "M8.b":  # the one check about the word
            assert "investigat" not in (spec.question + spec.reality).lower()
        assert spec.fix.url_name.count(":") == 1
        assert spec.fix.anchor.startswith("#")
        assert spec.fn.__doc__, f"{check_id} must say when it applies"


def test_missing_says_which_records_fall_short():
    s = b.snap(
        overrides=(
            b.override(id=1, decided_on=b.days_ago(12), cosigned=False),
            b.override(id=2, decided_on=b.days_ago(3), person_told=None),
        )
    )
    finding = CHECKS["M3.c"].fn(s, DEFAULTS)
    assert finding is not None
    assert finding.missing == (
        "The override of 21 May 2025 lacks a manager's co-signature. "
        "The override of 30 May 2025 lacks whether the person was told."
    )


def test_m6a_names_the_expected_numbers():
    finding = CHECKS["M6.a"].fn(b.declining(contacts=(b.contact(),)), DEFAULTS)
    assert finding is not None
    assert finding.missing == (
        "1 contact attempt using 1 method recorded: at least 3 attempts and 2 different "
        "methods are expected before closing."
    )


def test_m8b_says_where_the_word_is():
    s = b.snap(
        notes=(b.note("Investigation started."), b.note("Still investigating.")),
        decision=b.decision(care_and_support_needs_evidence="Our investigation found needs."),
    )
    finding = CHECKS["M8.b"].fn(s, DEFAULTS)
    assert finding is not None
    assert "2 case notes and the section 42 decision" in finding.missing


def test_a_failing_check_gives_a_specific_fix_where_it_differs():
    finding = CHECKS["M1.e"].fn(b.declining(risk=b.risk(public_at_risk="yes")), DEFAULTS)
    assert finding is not None
    assert finding.fix.url_name == "enquiries:risk-action-new"
    finding = CHECKS["M1.e"].fn(b.declining(risk=None), DEFAULTS)
    assert finding is not None
    assert finding.fix.url_name == "enquiries:risk"
    finding = CHECKS["M2.d"].fn(b.snap(plan=b.plan(pace="")), DEFAULTS)
    assert finding is not None
    assert finding.fix.anchor == "#pace"


def test_snapshots_cannot_be_changed():
    s = b.snap()
    with pytest.raises(FrozenInstanceError):
        s.case = b.case(state="closed")
    assert isinstance(s.contacts, tuple)


PARTS = {
    "case": st.sampled_from(
        [
            b.case(),
            b.case(state="closing"),
            b.case(state="closed"),
            b.case(state="triage", enquiry_type=""),
        ]
    ),
    "outcomes": st.lists(
        st.builds(
            b.outcome,
            whose_words=st.sampled_from(["person", "representative"]),
            representative_name=st.sampled_from(["", "Ruth"]),
            revision_count=st.integers(1, 3),
            achievement=st.sampled_from(["", "fully", "not"]),
        ),
        max_size=3,
    ).map(tuple),
    "contacts": st.lists(
        st.builds(
            b.contact,
            method=st.sampled_from(["visit", "phone", "letter"]),
            outcome=st.sampled_from(["spoke", "declined", "no_answer", "third_party"]),
            who_was_present=st.sampled_from(["", "No one else", "Her son"]),
            seen_alone=st.sampled_from(["yes", "tried", "no", "not_applicable"]),
            coercion_conclusion=st.sampled_from(["", "None seen."]),
        ),
        max_size=4,
    ).map(tuple),
    "capacity_assessments": st.lists(
        st.sampled_from([b.capacity(), b.lacking(), b.lacking(decision="All decisions")]),
        max_size=2,
    ).map(tuple),
    "proposed_closure": st.sampled_from(
        [None, b.proposed(), b.proposed(reason="person_declined", lacked_capacity="yes")]
    ),
    "risk": st.sampled_from(
        [None, b.risk(), b.risk(source_trust_role="staff", crime_may_have_been_committed="yes")]
    ),
    "other_concern_dates": st.lists(st.integers(0, 800).map(b.days_ago), max_size=4).map(tuple),
}


@given(st.fixed_dictionaries(PARTS))
def test_any_record_gets_well_formed_findings(parts):
    s = b.snap(**parts)
    findings = evaluate(s, DEFAULTS)
    assert findings == evaluate(s, DEFAULTS)  # the same record, the same answer
    ids = [f.check_id for f in findings]
    assert ids == [i for i in CHECKS if i in ids]  # in order, each at most once
    for f in findings:
        assert f.missing.strip()
        assert f.severity == CHECKS[f.check_id].severity

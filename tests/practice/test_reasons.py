"""Closure reasons that match practice, triggers from facts, and words that
give no reason."""

import pytest

from msp.enquiries.codes import ClosureReason
from msp.practice import reasons
from msp.practice.checks import CHECKS
from msp.practice.config import DEFAULTS, GuardSettings
from msp.practice.guard import evaluate
from msp.practice.snapshot import PersonFacts
from tests.practice import builders as b


def test_the_guard_knows_every_closure_reason_the_forms_offer():
    assert set(reasons.listed_reasons()) == set(ClosureReason.values)


def test_moved_away_keeps_its_stored_value_and_says_what_it_means():
    assert ClosureReason.MOVED_AWAY.value == "moved_away"
    assert "another council" in ClosureReason.MOVED_AWAY.label


# Every way of recording "the person walked away", listed or in words.
WALKED_AWAY = [
    {"reason": "person_declined"},
    {"reason": "stopped_engaging"},
    {"reason": "could_not_contact"},
    {"reason": "enquiry_concluded", "action_result": "ceased"},
    {"reason": "other", "reason_details": "Not engaging."},
    {"reason": "other", "reason_details": "She disengaged after the first visit"},
    {"reason": "other", "reason_details": "Could not contact him despite three letters"},
    {"reason": "other", "reason_details": "No reply to calls or letters"},
    {"reason": "other", "reason_details": "He declined any further involvement"},
    {"reason": "other", "reason_details": "Doesn't want us involved"},
    {"reason": "other", "reason_details": "Refused support"},
]
NOT_WALKED_AWAY = [
    {"reason": "enquiry_concluded"},
    {"reason": "no_enquiry"},
    {"reason": "resolved_proportionately"},
    {"reason": "moved_away"},
    {"reason": "person_died"},
    {"reason": "other", "reason_details": "Duplicate of case 1234, opened in error"},
]
M1_CHECKS = ("M1.a", "M1.b", "M1.c", "M1.d", "M1.e", "M1.f")


@pytest.mark.parametrize("values", WALKED_AWAY, ids=lambda v: str(v))
def test_every_ending_without_agreed_outcome_runs_the_walked_away_checks(values):
    s = b.closing(
        proposed_closure=b.proposed(**{"action_result": "", "open_door": "", **values}),
        contacts=(),
        involvement=b.involvement(options_explained="", reasons_for_declining=""),
        risk=None,
    )
    found = {f.check_id for f in evaluate(s, DEFAULTS)}
    assert {"M1.a", "M1.b", "M1.d", "M1.e", "M1.f", "M6.a"} <= found


@pytest.mark.parametrize("values", NOT_WALKED_AWAY, ids=lambda v: str(v))
def test_other_endings_do_not(values):
    s = b.closing(
        proposed_closure=b.proposed(**{"action_result": "", **values}),
        involvement=b.involvement(options_explained="", reasons_for_declining=""),
    )
    found = {f.check_id for f in evaluate(s, DEFAULTS)}
    assert not found & set(M1_CHECKS)


@pytest.mark.parametrize(
    "details,meant",
    [
        ("Sadly passed away on 3 May", "person_died"),
        ("Moved to another council area", "moved_away"),
        ("Out of area now", "moved_away"),
        ("Advice given to daughter, resolved", "resolved_proportionately"),
        ("Not engaging", "stopped_engaging"),
        ("Unable to contact", "could_not_contact"),
        ("Declined", "person_declined"),
        ("Opened in error", "other"),
        ("", "other"),
    ],
)
def test_an_other_reason_is_read_as_the_reason_its_words_mean(details, meant):
    assert reasons.meant_reason("other", details) == meant


def test_a_listed_reason_is_not_second_guessed():
    assert reasons.meant_reason("enquiry_concluded", "He declined at first") == "enquiry_concluded"


def test_questions_for_the_person_stop_once_they_have_died():
    s = b.declining(
        person=PersonFacts(age=81, date_of_death=b.days_ago(3)),
        involvement=b.involvement(options_explained="", reasons_for_declining=""),
        proposed_closure=b.proposed(reason="person_declined", action_result="ceased", open_door=""),
        risk=None,
    )
    found = {f.check_id for f in evaluate(s, DEFAULTS)}
    assert not found & {"M1.b", "M1.c", "M1.d", "M1.f", "M7.b"}
    assert {"M1.e", "M3.d"} <= found  # risk to others and the death still count


@pytest.mark.parametrize(
    "details", ["The person has died", "Died in hospital", "Passed away at home"]
)
def test_a_death_recorded_as_other_is_considered(details):
    s = b.closing(proposed_closure=b.proposed(reason="other", reason_details=details))
    assert "M3.d" in {f.check_id for f in evaluate(s, DEFAULTS)}


# M3.a: the source of risk may harm others, known from the concern at any stage.
PROVIDER = {"sources_of_risk": ("service_provider",)}


@pytest.mark.parametrize(
    "concern",
    [
        PROVIDER,
        {"location_of_risk": "care_home_nursing"},
        {"location_of_risk": "care_home_residential"},
        {"location_of_risk": "hospital_acute"},
        {"location_of_risk": "hospital_mental_health"},
        {"location_of_risk": "hospital_community"},
        {"location_of_risk": "community_service"},
    ],
    ids=str,
)
@pytest.mark.parametrize(
    "stage",
    ["triage", "no_enquiry_closing", "enquiry", "closing_died"],
)
def test_risk_to_others_duty_follows_the_concern_at_every_stage(concern, stage):
    if stage == "triage":
        s = b.snap(case=b.case(state="triage", enquiry_type=""), risk=None, decision=None)
    elif stage == "no_enquiry_closing":
        s = b.closing(
            case=b.case(state="closing", enquiry_type=""),
            risk=None,
            proposed_closure=b.proposed(reason="no_enquiry"),
        )
    elif stage == "enquiry":
        s = b.snap(risk=None)
    else:
        s = b.closing(risk=None, proposed_closure=b.proposed(reason="person_died"))
    s = s.__class__(**{**s.__dict__, "concerns": (b.concern(**concern),)})
    assert CHECKS["M3.a"].fn(s, DEFAULTS) is not None
    with_pipot = s.__class__(**{**s.__dict__, "risk_actions": (b.risk_action("pipot"),)})
    assert CHECKS["M3.a"].fn(with_pipot, DEFAULTS) is None


@pytest.mark.parametrize("role", ["paid_carer", "staff", "volunteer", "unknown"])
def test_risk_to_others_from_every_trust_role_including_not_known(role):
    assert CHECKS["M3.a"].fn(b.snap(risk=b.risk(source_trust_role=role)), DEFAULTS) is not None


@pytest.mark.parametrize("answer", ["yes", "unknown"])
def test_contact_with_others_at_risk_yes_or_not_known(answer):
    s = b.snap(risk=b.risk(source_has_contact_with_others_at_risk=answer))
    assert CHECKS["M3.a"].fn(s, DEFAULTS) is not None


def test_a_risk_assessment_that_rules_it_out_is_believed():
    s = b.snap(concerns=(b.concern(**PROVIDER),), risk=b.risk())
    assert CHECKS["M3.a"].fn(s, DEFAULTS) is None


@pytest.mark.parametrize("answer,fails", [("yes", True), ("unknown", True), ("no", False)])
def test_a_crime_that_may_have_been_committed(answer, fails):
    s = b.snap(risk=b.risk(crime_may_have_been_committed=answer))
    assert (CHECKS["M3.b"].fn(s, DEFAULTS) is not None) == fails


def test_every_check_declares_its_triggers_in_its_definition():
    assert CHECKS["M1.a"].applies_when
    assert CHECKS["M3.a"].applies_when and CHECKS["M3.b"].applies_when
    assert CHECKS["M7.b"].unless
    for spec in CHECKS.values():
        for trigger in (*spec.applies_when, *spec.unless):
            assert trigger.says.strip()


# Empty words.
@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "No further action",
        "NFA",
        "N.F.A.",
        "n/a",
        "N/A.",
        "none",
        "Unable to say",
        "x",
        "-",
        "see notes",
        "See notes.",
        "?",
    ],
)
def test_placeholder_words_are_not_a_reason(text):
    assert reasons.is_empty_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "She would not give a statement; police advised no action.",
        "No further action: the carer was dismissed and referred to the DBS",
    ],
)
def test_real_reasons_are(text):
    assert not reasons.is_empty_reason(text)


def test_the_list_is_the_settings_list():
    config = GuardSettings(placeholder_phrases="as discussed\nnfa")
    assert reasons.is_empty_reason("As discussed.", config)
    assert not reasons.is_empty_reason("see notes", config)


@pytest.mark.parametrize("words", ["NFA", "n/a", "see notes", "Unable to say"])
def test_checks_that_read_a_reason_refuse_empty_words(words):
    cases = {
        "M3.b": b.snap(
            risk=b.risk(
                crime_may_have_been_committed="yes",
                police_decision="not_reported",
                police_decision_reason=words,
            )
        ),
        "M8.a": b.snap(
            decision=b.decision(
                result="none", proportionate_response="none_needed", response_details=words
            )
        ),
        "M1.f": b.declining(involvement=b.involvement(reasons_for_declining=words)),
        "M1.b": b.declining(involvement=b.involvement(options_explained=words)),
        "M3.c": b.snap(overrides=(b.override(rationale=words),)),
        "M7.b": b.snap(
            concerns=(b.concern(person_aware="no"),),
            involvement=b.involvement(person_told="no_risk", not_told_reason=words),
        ),
    }
    for check_id, s in cases.items():
        assert CHECKS[check_id].fn(s, DEFAULTS) is not None, check_id

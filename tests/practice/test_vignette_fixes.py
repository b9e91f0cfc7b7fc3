"""The rules changed after the blind vignettes (issue 9 item 8): each with a
record it must catch and a close one it must leave alone."""

from dataclasses import replace

import pytest

from msp.practice import reasons
from msp.practice.checks import CHECKS
from msp.practice.checks.text import says_acted_against_wishes, someone_else_present
from msp.practice.config import DEFAULTS
from tests.practice import builders as b


def run(check_id, s):
    return CHECKS[check_id].fn(s, DEFAULTS)


# --- Words that give no reason, with words around them -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No further action required.",
        "None needed at this time",
        "NFA, already known",
        "N/A - already known",
        "Not required.",
        "NFA and n/a",
    ],
)
def test_placeholders_with_filler_words_are_not_a_reason(text):
    assert reasons.is_empty_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "No further action and advice given about the pharmacy",
        "No, she was moved to her daughter's the same day",
        "Already known to the mental health team, who visit weekly",
        "Not required: the GP reviewed her medicines on Monday",
    ],
)
def test_a_placeholder_beside_a_real_reason_is_a_reason(text):
    assert not reasons.is_empty_reason(text)


# --- M8.a: the proportionate response ----------------------------------------------------


def no_enquiry(details):
    return b.snap(
        case=b.case(enquiry_type="", state="decided"),
        decision=b.decision(
            result="none", proportionate_response="none_needed", response_details=details
        ),
    )


def test_m8a_no_further_action_required_is_no_reason():
    finding = run("M8.a", no_enquiry("No further action required."))
    assert finding is not None and "'No further action required.' gives no reason" in (
        finding.missing
    )


def test_m8a_a_reason_why_none_is_needed_passes():
    assert run("M8.a", no_enquiry("The bruise was from a fall her carer saw.")) is None


# --- M7.b: told the person ---------------------------------------------------------------


def test_m7b_not_yet_told_is_not_told_even_if_the_concern_said_she_knew():
    s = b.snap(involvement=b.involvement(person_told="not_yet"))
    assert s.concerns[0].person_aware == "yes"
    finding = run("M7.b", s)
    assert finding is not None and "not yet been told" in finding.missing


def test_m7b_not_told_because_of_risk_with_n_a_is_no_reason():
    s = b.snap(involvement=b.involvement(person_told="no_risk", not_told_reason="N/A"))
    finding = run("M7.b", s)
    assert finding is not None and "but not why" in finding.missing


def test_m7b_the_concern_answers_when_the_involvement_record_is_blank():
    assert run("M7.b", b.snap(involvement=b.involvement(person_told=""))) is None
    s = b.snap(involvement=b.involvement(person_told=""), concerns=(b.concern(person_aware="no"),))
    assert run("M7.b", s) is not None


def test_m7b_a_person_who_raised_it_knows():
    s = b.snap(
        involvement=b.involvement(person_told="not_yet"),
        concerns=(b.concern(raised_via="self"),),
    )
    assert run("M7.b", s) is None


# --- M9.a: feedback that says something --------------------------------------------------


def test_m9a_feedback_of_n_a_is_no_feedback():
    s = b.closing(feedback=(replace(b.feedback(), what_was_said="n/a"),))
    finding = run("M9.a", s)
    assert finding is not None and "does not say what the person who raised it was told" in (
        finding.missing
    )


def test_m9a_feedback_in_words_passes():
    assert run("M9.a", b.closing()) is None


# --- M3.c: acting against wishes without an override record ------------------------------

AGAINST = "Reported to the police even though she asked us not to."


def test_m3c_a_note_saying_we_reported_against_her_wishes_needs_an_override():
    finding = run("M3.c", b.snap(notes=(b.note(AGAINST),)))
    assert finding is not None and "A case note says “Reported to the police" in finding.missing


def test_m3c_an_override_record_answers_the_note():
    s = b.snap(notes=(b.note(AGAINST),), overrides=(b.override(),))
    assert run("M3.c", s) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "He moved in against her wishes.",  # the source of risk, not us
        "He took her money without her consent.",
        "We did not report it against her wishes.",
        "Shared the plan with her GP with her consent.",
    ],
)
def test_m3c_sentences_that_are_not_our_override(sentence):
    assert not says_acted_against_wishes(sentence)
    assert run("M3.c", b.snap(notes=(b.note(sentence),))) is None


# --- M2.a and M5.c: lacking capacity is no reason not to ask ----------------------------


def lacks_so_not_asked():
    return b.snap(
        outcomes=(),
        involvement=b.involvement(
            outcomes_not_asked_reason="Lacks capacity, unable to express wishes."
        ),
    )


def test_m2a_lack_of_capacity_as_the_reason_not_to_ask_fails():
    finding = run("M2.a", lacks_so_not_asked())
    assert finding is not None and "not a reason not to ask" in finding.missing


def test_m5a_and_m5c_read_the_reason_as_a_statement_of_lacking_capacity():
    s = lacks_so_not_asked()
    a = run("M5.a", s)
    assert a is not None and "The involvement record says “Lacks capacity" in a.missing
    assert run("M5.c", s) is not None


def test_m2a_another_reason_not_to_ask_passes():
    s = b.snap(
        outcomes=(),
        involvement=b.involvement(
            outcomes_not_asked_reason="She was in intensive care for the whole enquiry."
        ),
    )
    assert run("M2.a", s) is None and run("M5.c", s) is None


# --- M2.a: service language in the person's own words -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reduce risk of further skin breakdown and ensure care package meets assessed needs.",
        "Care package increased to meet assessed needs; risk of neglect reduced.",
        "To ensure the adult is safeguarded and engages with the support plan.",
        "Service user to comply with the care provider's monitoring.",
    ],
)
def test_m2a_a_services_summary_marked_as_the_persons_words_fails(text):
    finding = run("M2.a", b.snap(outcomes=(b.outcome(text=text),)))
    assert finding is not None and "service's summary" in finding.missing
    assert text[:40] in finding.missing


@pytest.mark.parametrize(
    "text",
    [
        "I want my care package to stay the same and the carers to ensure I get my tablets.",
        "Lunch at twelve every day, and Faye at least three days.",
        "Just get the mattress fixed.",
        "Carers like before, and a key safe so they can get in.",
        "Keep my placement, I like it here.",
        "Ensure the door is locked at night.",  # one service term only
    ],
)
def test_m2a_the_persons_own_words_pass_even_with_a_service_word(text):
    assert run("M2.a", b.snap(outcomes=(b.outcome(text=text),))) is None


def test_m2a_a_representatives_words_are_not_read_for_service_language():
    summary = "Care package increased to meet assessed needs; risk of neglect reduced."
    words = b.outcome(text=summary, whose_words="representative", representative_name="Sam, son")
    assert run("M2.a", b.snap(outcomes=(words,))) is None


# --- M6.c: who was present ---------------------------------------------------------------


@pytest.mark.parametrize(
    "words", ["No one else, he said", "No one else: her grandson was at work", "Nobody (phone)"]
)
def test_m6c_no_one_else_with_a_comment_is_no_one(words):
    assert not someone_else_present(words)
    contact = b.contact(who_was_present=words, seen_alone="not_applicable")
    assert run("M6.c", b.snap(contacts=(contact,))) is None


@pytest.mark.parametrize("words", ["Her husband", "No one, but her son arrived later"])
def test_m6c_someone_present_is_someone(words):
    assert someone_else_present(words)
    contact = b.contact(who_was_present=words, seen_alone="no")
    assert run("M6.c", b.snap(contacts=(contact,))) is not None


# --- M3.c: the police told although the person did not want them -------------------------


def told_police(wishes: str, **kw):
    return b.snap(
        concerns=(b.concern(person_wishes=wishes),),
        risk=b.risk(
            crime_may_have_been_committed="yes",
            police_decision="reported",
            police_decision_reason="Theft of over 900 pounds: it's a crime.",
        ),
        **kw,
    )


@pytest.mark.parametrize(
    "wishes",
    [
        "Reg does not want the police: 'He's like a son to me.'",
        "She doesn't want any police involvement.",
        "Asked us not to tell the police.",
        "He refused the police.",
    ],
)
def test_m3c_police_told_against_recorded_wishes_without_an_override_fails(wishes):
    finding = run("M3.c", told_police(wishes))
    assert finding is not None
    assert finding.missing.startswith("The police were told, but a concern says")


@pytest.mark.parametrize(
    "wishes",
    [
        "She wants the police told.",
        "Did not want the police at first but agreed after we talked it through.",
        "Wants the lodger out; not asked about the police.",
    ],
)
def test_m3c_police_told_with_the_persons_agreement_passes(wishes):
    assert run("M3.c", told_police(wishes)) is None


def test_m3c_an_override_record_answers_the_police_decision():
    s = told_police("Reg does not want the police.", overrides=(b.override(),))
    assert run("M3.c", s) is None


def test_m3c_not_reported_is_not_acting_against_wishes():
    s = b.snap(
        concerns=(b.concern(person_wishes="Does not want the police."),),
        risk=b.risk(police_decision="not_reported", police_decision_reason="Her choice."),
    )
    assert run("M3.c", s) is None


# --- Curly apostrophes, as phones and word processors type them -------------------------


def test_m3c_reads_a_curly_apostrophe_like_a_straight_one():
    finding = run("M3.c", told_police("Reg doesn\u2019t want the police."))
    assert finding is not None and "doesn't want the police" in finding.missing


def test_a_denial_with_a_curly_apostrophe_is_still_a_denial():
    from msp.practice.checks.text import says_lacks_capacity, sentences

    [denied] = sentences("She doesn\u2019t lack capacity to decide where she lives.")
    assert not says_lacks_capacity(denied)
    [stated] = sentences("She lacks capacity to decide where she lives.")
    assert says_lacks_capacity(stated)

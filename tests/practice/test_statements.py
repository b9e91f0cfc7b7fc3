"""Free text is read: a worker who writes that the person "lacks capacity", or
that someone "stopped her son visiting", has stated a fact the capacity and
best-interests checks (M5.a, M5.b) need as a record. Without the record, the
checks ask for it and quote the sentence; with it, or when the sentence denies
or doubts, they stay quiet."""

import pytest

from msp.practice.checks import CHECKS
from msp.practice.checks.text import restriction_kind, says_lacks_capacity
from msp.practice.config import DEFAULTS
from tests.practice import builders as b

LACKS = [
    "She lacks capacity.",
    "Mrs A lacks the capacity to manage her money",
    "He has no capacity to decide where to live.",
    "She doesn't have capacity so her daughter decides.",
    "He does not have capacity around finances.",
    "Mr B is not capacitous.",
    "Her GP says she has lost capacity.",
]
NOT_LACKS = [
    "She has capacity.",
    "She has capacity to decide about her money.",
    "No concerns about capacity.",
    "No capacity concerns raised by the GP.",
    "There is no capacity assessment yet.",
    "She does not lack capacity.",
    "There is no evidence she lacks capacity.",
    "I don't think he lacks capacity.",
    "We will assess whether she lacks capacity to decide about her care.",
    "If she lacks capacity we will hold a best-interests meeting.",
]


@pytest.mark.parametrize("sentence", LACKS)
def test_statements_that_the_person_lacks_capacity(sentence):
    assert says_lacks_capacity(sentence)


@pytest.mark.parametrize("sentence", NOT_LACKS)
def test_denials_and_doubts_are_not_statements(sentence):
    assert not says_lacks_capacity(sentence)


RESTRICTED = [
    ("Her daughter stopped her son visiting.", "contact"),
    ("The home has stopped all visits from her brother.", "contact"),
    ("The manager banned him from visiting.", "contact"),
    ("Her nephew took control of his money in March.", "money"),
    ("Daughter controls her finances now.", "money"),
    ("She is not allowed to leave the flat.", "leaving"),
    ("They moved her into a care home last week.", "moving_home"),
    ("The home changed the door code so she cannot go out.", "leaving"),
]
NOT_RESTRICTED = [
    "Her son stopped visiting after the argument.",
    "Nobody has stopped her son visiting.",
    "She was never stopped from seeing her son.",
    "She is allowed to leave whenever she likes.",
    "She manages her own money.",
    "She stopped answering after our visit; June says she wants to be left alone.",
    "She cannot go out since her fall.",
]


@pytest.mark.parametrize("sentence,kind", RESTRICTED)
def test_statements_of_a_restriction(sentence, kind):
    assert restriction_kind(sentence) == kind


@pytest.mark.parametrize("sentence", NOT_RESTRICTED)
def test_sentences_that_restrict_nothing(sentence):
    assert restriction_kind(sentence) == ""


def m5a(s):
    return CHECKS["M5.a"].fn(s, DEFAULTS)


def m5b(s):
    return CHECKS["M5.b"].fn(s, DEFAULTS)


def test_a_note_saying_she_lacks_capacity_asks_for_the_assessment_and_quotes_it():
    s = b.snap(notes=(b.note("Visited. She lacks capacity. Son was there."),))
    finding = m5a(s)
    assert finding is not None
    assert "A case note says “She lacks capacity.”" in finding.missing
    assert "no capacity assessment found" in finding.missing


def test_the_concern_is_read_too():
    s = b.snap(concerns=(b.concern(what_happened="Mum has no capacity and her son has her card."),))
    finding = m5a(s)
    assert finding is not None and "A concern says “Mum has no capacity" in finding.missing


def test_an_assessment_that_found_the_lack_answers_the_statement():
    s = b.snap(
        notes=(b.note("She lacks capacity to manage her money."),),
        capacity_assessments=(b.lacking(),),
        best_interests=(b.best_interests(),),
    )
    assert m5a(s) is None


@pytest.mark.parametrize("sentence", NOT_LACKS)
def test_negative_sentences_raise_nothing(sentence):
    s = b.snap(notes=(b.note(sentence),), contacts=(b.contact(notes=sentence),))
    assert m5a(s) is None and m5b(s) is None


def test_a_contact_record_saying_visits_were_stopped_asks_for_the_restriction():
    s = b.snap(
        contacts=(b.contact(notes="The care home stopped her son visiting on Monday."),),
        capacity_assessments=(b.lacking(),),
        best_interests=(b.best_interests(),),
    )
    finding = m5b(s)
    assert finding is not None
    assert "A contact record says “The care home stopped her son visiting on Monday.”" in (
        finding.missing
    )
    assert finding.fix.url_name == "enquiries:restriction-new"


def test_a_restriction_where_capacity_is_in_question_needs_its_record():
    """A sentence that states the lack is enough to put capacity in question."""
    s = b.snap(
        notes=(
            b.note("The home changed the door code so she cannot go out, as she lacks capacity."),
        )
    )
    finding = m5b(s)
    assert finding is not None and "door code" in finding.missing


def test_a_restriction_of_a_person_with_capacity_is_not_a_best_interests_matter():
    """Her husband keeping her bank card is the abuse itself (M1.a asks about
    coercion), not a decision made for someone who lacks capacity."""
    s = b.snap(
        concerns=(
            b.concern(
                what_happened="Her husband will not let her see the GP and keeps her bank card."
            ),
        )
    )
    assert m5b(s) is None


def test_a_recorded_restriction_of_that_kind_answers_the_statement():
    s = b.snap(
        contacts=(b.contact(notes="The care home stopped her son visiting."),),
        capacity_assessments=(b.lacking(),),
        best_interests=(b.best_interests(),),
        restrictions=(b.restriction(),),
    )
    assert m5a(s) is None and m5b(s) is None


def test_a_restriction_of_another_kind_does_not_answer_it():
    s = b.snap(
        notes=(b.note("Her nephew took control of his money."),),
        capacity_assessments=(b.lacking(),),
        best_interests=(b.best_interests(),),
        restrictions=(b.restriction(),),  # about contact, not money
    )
    finding = m5b(s)
    assert finding is not None and "took control of his money" in finding.missing


def test_at_most_two_sentences_are_quoted():
    s = b.snap(notes=tuple(b.note(f"Visit {n}. She lacks capacity.") for n in range(5)))
    finding = m5a(s)
    assert finding is not None and finding.missing.count("“") == 2


# --- The restriction record -------------------------------------------------------------


def test_a_best_interests_restriction_with_its_assessment_and_decision_passes():
    s = b.snap(
        capacity_assessments=(b.lacking(),),
        best_interests=(b.best_interests(),),
        restrictions=(b.restriction(),),
    )
    assert m5a(s) is None and m5b(s) is None


def test_a_best_interests_restriction_without_an_assessment():
    s = b.snap(
        best_interests=(b.best_interests(capacity_assessment_id=None),),
        restrictions=(b.restriction(capacity_assessment_id=None),),
    )
    finding = m5a(s)
    assert finding is not None and "no capacity assessment is linked to it" in finding.missing


def test_an_assessment_after_the_restriction_or_global_does_not_count():
    late = b.lacking(assessed_on=b.days_ago(1))
    s = b.snap(
        capacity_assessments=(late,),
        best_interests=(b.best_interests(),),
        restrictions=(b.restriction(),),
    )
    finding = m5a(s)
    assert finding is not None and "does not find, before the decision" in finding.missing
    global_ = b.lacking(decision="All decisions")
    s = b.snap(
        capacity_assessments=(global_,),
        best_interests=(b.best_interests(),),
        restrictions=(b.restriction(),),
    )
    assert "does not find, before the decision" in m5a(s).missing


def test_a_best_interests_restriction_without_a_decision():
    s = b.snap(
        capacity_assessments=(b.lacking(),),
        best_interests=(b.best_interests(),),
        restrictions=(b.restriction(best_interests_decision_id=None),),
    )
    finding = m5b(s)
    assert finding is not None and "no best-interests decision is linked" in finding.missing


@pytest.mark.parametrize(
    "basis,details,fails",
    [
        ("consent", "", False),
        ("court_order", "Court of Protection order of 3 March, no contact", False),
        ("court_order", "", True),
        ("mental_health_act", "Section 3", False),
        ("other_legal_power", "", True),
        ("none_yet", "", True),
    ],
)
def test_a_restriction_rests_on_consent_or_a_named_legal_power(basis, details, fails):
    s = b.snap(
        restrictions=(
            b.restriction(
                basis=basis,
                basis_details=details,
                capacity_assessment_id=None,
                best_interests_decision_id=None,
            ),
        )
    )
    assert m5a(s) is None
    assert (m5b(s) is not None) is fails

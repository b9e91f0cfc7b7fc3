"""Questions 1 and 2 from the closure record: the one derivation the survey and
the statutory return (SG4a) share."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msp.concerns import actions as concern_actions
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.codes import Achievement
from msp.survey.derive import closure_msp, overall_achievement, response_msp
from tests import factories
from tests.survey.conftest import record

RATING = st.sampled_from(["fully", "partially", "not"])


@pytest.mark.parametrize(
    ("ratings", "overall"),
    [
        (["fully"], "fully"),
        (["fully", "fully", "fully"], "fully"),
        (["fully", "not"], "partially"),
        (["fully", "partially"], "partially"),
        (["partially", "partially"], "partially"),
        (["partially", "not"], "partially"),
        (["not"], "not"),
        (["not", "not"], "not"),
        ([], None),
        (["", ""], None),
        (["fully", ""], "fully"),
    ],
)
def test_overall_achievement(ratings, overall):
    assert overall_achievement(ratings) == overall


@given(st.lists(RATING, min_size=1))
def test_overall_achievement_matches_its_definition(ratings):
    overall = overall_achievement(ratings)
    assert overall in Achievement.values
    assert (overall == "fully") == all(r == "fully" for r in ratings)
    assert (overall == "not") == all(r == "not" for r in ratings)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ratings", "achieved"),
    [(("fully", "fully"), "fully"), (("fully", "not"), "partially"), (("not", "not"), "not")],
)
def test_closure_msp_reads_the_closure_and_the_ratings(closed_case, ratings, achieved):
    case = closed_case(days=2, ratings=ratings)
    assert closure_msp(case.closures.get()) == ("asked_expressed", achieved)


@pytest.mark.django_db
def test_no_achievement_when_no_outcomes_were_expressed(closed_case, manager):
    # The practice guard asks for outcomes in the person's words (M2.a); a
    # manager overrides it here, as they would for someone who said nothing.
    case = closed_case(
        days=2,
        ratings=(),
        by=manager,
        msp_asked="asked_not_expressed",
        duty_overrides={"M2.a": "She did not want to say what she wanted to happen."},
    )
    assert closure_msp(case.closures.get()) == ("asked_not_expressed", None)


@pytest.mark.django_db
def test_no_achievement_when_not_asked_even_if_outcomes_exist(closed_case):
    case = closed_case(days=2, ratings=("fully",), msp_asked="no")
    assert closure_msp(case.closures.get()) == ("no", None)


@pytest.mark.django_db
@pytest.mark.parametrize("ratings", [("fully",), ("partially", "not"), ("not",)])
def test_the_survey_at_closure_answers_1_and_2_as_the_closure_does(
    closed_case, practitioner, ratings
):
    case = closed_case(days=1, ratings=ratings)
    response = record(case, practitioner, method="lead_enquirer_at_closure")
    assert response_msp(response) == closure_msp(case.closures.get())
    # Nothing stored for questions 1 and 2: they cannot drift from the closure
    assert sorted(response.answers.values_list("question__number", flat=True)) == [3, 4, 5, 6, 7]


@pytest.mark.django_db
def test_an_independent_survey_keeps_the_persons_own_answers(closed_case, colleague):
    case = closed_case(days=1, ratings=("fully",))
    response = record(case, colleague)
    assert response_msp(response) == ("asked_expressed", "partially")
    assert closure_msp(case.closures.get()) == ("asked_expressed", "fully")


@pytest.mark.django_db
def test_a_case_closed_without_an_enquiry_counts_as_not_recorded(practitioner):
    case = factories.case(practitioner, state="triage")
    concern_actions.record_decision(
        case,
        by=factories.decider_for(practitioner, case),
        expected_version=case.version,
        **factories.DECISION_NONE,
    )
    case = enquiry_actions.start_closing(
        factories.fresh(case), by=practitioner, expected_version=case.version + 1
    )
    closure = enquiry_actions.close_case(
        case, by=practitioner, expected_version=case.version, reason="no_enquiry"
    )
    assert closure_msp(closure) == ("not_recorded", None)

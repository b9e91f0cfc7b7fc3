"""M11.a reads the person's experience of safeguarding (the survey's questions
4 to 7), not whether they were asked what outcomes they wanted."""

import pytest

from msp.practice.guard import findings_for
from tests.survey.conftest import record

pytestmark = pytest.mark.django_db


def ids(case):
    return {f.check_id for f in findings_for(case)}


def test_asked_at_closure_needs_the_answers_recorded(closed_case, practitioner):
    case = closed_case(days=2, experience_asked="at_closure", msp_asked="asked_expressed")
    assert "M11.a" in ids(case)
    record(case, practitioner, method="lead_enquirer_at_closure")
    assert "M11.a" not in ids(case)


def test_a_survey_to_follow_is_enough_at_closure(closed_case):
    assert "M11.a" not in ids(closed_case(days=2, experience_asked="survey_to_follow"))


def test_asked_about_outcomes_is_not_asked_about_the_experience(closed_case, colleague):
    case = closed_case(days=2, experience_asked="", msp_asked="asked_expressed")
    assert "M11.a" in ids(case)
    # An independent survey answered later settles it
    record(case, colleague)
    assert "M11.a" not in ids(case)

"""The action function on its own: the rules hold whatever page calls it."""

import pytest
from django.core.exceptions import ValidationError

from msp.audit.models import AuditEvent
from msp.cases.errors import ActionError
from msp.survey.models import SurveyResponse
from tests import factories
from tests.survey.conftest import days_ago, record

pytestmark = pytest.mark.django_db


def test_one_response_per_closure_and_method(closed_case, practitioner, colleague):
    case = closed_case(days=5)
    record(case, colleague)
    # Another colleague who did not work on the case (the manager decided it)
    with pytest.raises(ActionError, match="already been recorded"):
        record(case, factories.user("practitioner", first_name="Ivy"))
    record(case, practitioner, method="lead_enquirer_at_closure")
    assert SurveyResponse.objects.count() == 2
    assert AuditEvent.objects.filter(action="survey.response_recorded").count() == 2


def test_the_lead_worker_cannot_record_an_independent_survey(closed_case, practitioner):
    with pytest.raises(ValidationError) as error:
        record(closed_case(days=5), practitioner)
    assert "not independent" in error.value.message_dict["method"][0]
    assert not SurveyResponse.objects.exists()


def test_only_closed_cases(practitioner, colleague):
    case = factories.case(practitioner, state="enquiry")
    with pytest.raises(ActionError, match="for closed cases"):
        record(case, colleague)


def test_every_problem_at_once(closed_case, colleague):
    with pytest.raises(ValidationError) as error:
        record(
            closed_case(days=5),
            colleague,
            respondent="representative",
            asked_on=days_ago(6),
            answers={1: ("asked_expressed", ""), 3: ("maybe", "")},
        )
    assert set(error.value.message_dict) == {
        "representative_role",
        "asked_on",
        "q2",
        "q3",
        "q4",
        "q5",
        "q6",
        "q7",
    }
    assert not AuditEvent.objects.filter(action="survey.response_recorded").exists()

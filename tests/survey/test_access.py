"""Who may record and read survey responses: the same rules as the case."""

import pytest
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.survey.models import SurveyResponse
from tests.survey.conftest import post_answers, record
from tests.web.conftest import text_of, views_of

pytestmark = pytest.mark.django_db

QUERY = "?respondent=adult&method=independent_after_closure"


def test_outsiders_get_404(client_for, outsider, colleague, closed_case):
    case = closed_case(days=5)
    saved = record(case, colleague)
    new = reverse("survey:new-response", args=[case.pk])
    client = client_for(outsider)
    assert client.get(new).status_code == 404
    assert client.get(new + QUERY).status_code == 404
    assert client.post(new + QUERY, post_answers(saved.asked_on)).status_code == 404
    assert client.get(reverse("survey:response", args=[saved.pk])).status_code == 404
    assert SurveyResponse.objects.count() == 1


def test_board_members_get_403_on_the_list_and_404_on_cases(
    client_for, board_member, colleague, closed_case
):
    case = closed_case(days=5)
    saved = record(case, colleague)
    client = client_for(board_member)
    assert client.get(reverse("survey:work-list")).status_code == 403
    assert client.get(reverse("survey:new-response", args=[case.pk])).status_code == 404
    assert client.post(reverse("survey:new-response", args=[case.pk])).status_code == 404
    assert client.get(reverse("survey:response", args=[saved.pk])).status_code == 404


def test_managers_of_other_teams_may_read_but_not_record(
    client_for, other_manager, colleague, closed_case
):
    case = closed_case(days=5)
    saved = record(case, colleague)
    client = client_for(other_manager)
    assert client.get(reverse("survey:new-response", args=[case.pk])).status_code == 403
    assert client.post(reverse("survey:new-response", args=[case.pk]) + QUERY).status_code == 403
    page = client.get(reverse("survey:response", args=[saved.pk]))
    assert page.status_code == 200
    assert "Outcome survey" in text_of(page)


def test_a_missing_response_is_404(client_for, practitioner):
    assert client_for(practitioner).get(reverse("survey:response", args=[999])).status_code == 404


def test_wrong_methods_are_405(client_for, practitioner, colleague, closed_case):
    case = closed_case(days=5)
    saved = record(case, colleague)
    client = client_for(practitioner)
    assert client.put(reverse("survey:new-response", args=[case.pk])).status_code == 405
    assert client.post(reverse("survey:response", args=[saved.pk])).status_code == 405


def test_reading_a_survey_is_audited(client_for, practitioner, colleague, closed_case):
    case = closed_case(days=5)
    saved = record(case, colleague)
    before = views_of(case)
    client_for(practitioner).get(reverse("survey:response", args=[saved.pk]))
    client_for(colleague).get(reverse("survey:new-response", args=[case.pk]))
    assert views_of(case) == before + 2
    assert AuditEvent.objects.filter(action="view", user=practitioner, case_id=case.pk).exists()

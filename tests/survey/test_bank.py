"""The question bank: loaded from the fixture, national labels kept exact, and
versions that keep the words people answered."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.survey.bank import FIXTURE, save_question
from msp.survey.models import AnsweredQuestionChanged, SurveyQuestion
from tests import factories
from tests.survey.conftest import record
from tests.web.conftest import text_of

pytestmark = pytest.mark.django_db

SG4A_ASKED = [
    "Yes they were asked and outcomes were expressed",
    "Yes they were asked but no outcomes were expressed",
    "No",
    "Don't Know",
    "Not Recorded",
]
SG4A_ACHIEVED = ["Fully Achieved", "Partially Achieved", "Not Achieved"]


def labels(question):
    return [option["label"] for option in question.options]


def test_the_migration_loads_seven_active_questions():
    active = list(SurveyQuestion.objects.active())
    assert [q.number for q in active] == [1, 2, 3, 4, 5, 6, 7]
    assert all(q.version == 1 and q.adult_text and q.representative_text for q in active)


def test_questions_1_and_2_use_the_national_sac_labels_exactly():
    assert labels(SurveyQuestion.objects.get(number=1, active=True)) == SG4A_ASKED
    assert labels(SurveyQuestion.objects.get(number=2, active=True)) == SG4A_ACHIEVED


def test_locally_written_wording_is_marked_for_checking():
    for question in SurveyQuestion.objects.active():
        assert question.wording_source == "local"
        assert "LOCAL VERSION" in question.note
        assert "LGA" in question.note
    fixture = json.loads(FIXTURE.read_text())
    assert all("LOCAL VERSION" in entry["fields"]["note"] for entry in fixture)


def test_each_question_has_two_wordings():
    q6 = SurveyQuestion.objects.get(number=6, active=True)
    assert "you" in q6.text_for("adult").lower()
    assert "the person" in q6.text_for("representative")
    assert q6.text_for("adult") != q6.text_for("representative")


def test_the_national_answers_cannot_be_edited():
    q2 = SurveyQuestion.objects.get(number=2, active=True)
    q2.options = [*q2.options, {"code": "na", "label": "Not applicable"}]
    with pytest.raises(ValidationError) as error:
        save_question(q2, by=None)
    assert "national statutory return labels" in str(error.value)
    assert labels(SurveyQuestion.objects.get(pk=q2.pk)) == SG4A_ACHIEVED


def test_malformed_options_are_refused():
    q4 = SurveyQuestion.objects.get(number=4, active=True)
    for bad in ([], [{"code": "yes"}], [{"code": "a", "label": "A"}, {"code": "a", "label": "B"}]):
        q4.options = bad
        with pytest.raises(ValidationError):
            q4.full_clean()


def test_editing_an_unanswered_question_changes_it_in_place():
    q5 = SurveyQuestion.objects.get(number=5, active=True)
    q5.adult_text = "Did people listen to you?"
    saved = save_question(q5, by=None)
    assert (saved.pk, saved.version) == (q5.pk, 1)
    assert (
        SurveyQuestion.objects.get(number=5, active=True).adult_text == "Did people listen to you?"
    )
    assert AuditEvent.objects.filter(action="survey.question_saved").count() == 1


def test_a_response_keeps_the_version_it_answered(client_for, practitioner, colleague, closed_case):
    case = closed_case(days=3)
    response = record(case, colleague)
    q5 = SurveyQuestion.objects.get(number=5, active=True)
    old_pk, old_words = q5.pk, q5.adult_text
    q5.adult_text = "Did the people helping you really listen?"
    new = save_question(q5, by=None)

    assert new.version == 2 and new.pk != old_pk
    assert SurveyQuestion.objects.get(number=5, active=True).pk == new.pk
    old = SurveyQuestion.objects.get(number=5, version=1)
    assert (old.adult_text, old.active) == (old_words, False)
    answered = response.answers.get(question__number=5)
    assert answered.question.version == 1

    page = text_of(client_for(colleague).get(reverse("survey:response", args=[response.pk])))
    assert old_words in page
    assert "really listen" not in page


def test_answered_wording_cannot_be_changed_behind_the_banks_back(colleague, closed_case):
    record(closed_case(days=3), colleague)
    q4 = SurveyQuestion.objects.get(number=4, version=1)
    q4.adult_text = "Something else"
    with pytest.raises(AnsweredQuestionChanged):
        q4.save()


def test_the_admin_saves_an_edit_of_an_answered_question_as_a_new_version(
    colleague, closed_case, client
):
    record(closed_case(days=3), colleague)
    admin = factories.user("administrator", team_name=None, username="root", is_staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    q7 = SurveyQuestion.objects.get(number=7, version=1)
    url = reverse("admin:survey_surveyquestion_change", args=[q7.pk])
    response = client.post(
        url,
        {
            "topic": q7.topic,
            "adult_text": "Were you treated with respect?",
            "representative_text": q7.representative_text,
            "options": json.dumps(q7.options),
            "active": "on",
            "wording_source": "local",
            "note": q7.note,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = SurveyQuestion.objects.filter(number=7).order_by("version")
    assert [(q.version, q.active) for q in versions] == [(1, False), (2, True)]
    assert versions[0].adult_text != "Were you treated with respect?"
    assert versions[1].adult_text == "Were you treated with respect?"


def test_the_admin_adds_a_new_active_version(client):
    admin = factories.user("administrator", team_name=None, username="root", is_staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    q3 = SurveyQuestion.objects.get(number=3, version=1)
    response = client.post(
        reverse("admin:survey_surveyquestion_add"),
        {
            "number": 3,
            "version": 2,
            "topic": q3.topic,
            "adult_text": "Did you have someone on your side?",
            "representative_text": q3.representative_text,
            "options": json.dumps(q3.options),
            "active": "on",
            "wording_source": "local",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SurveyQuestion.objects.get(number=3, active=True).version == 2


def _fixture_with(tmp_path, change):
    entries = json.loads(FIXTURE.read_text())
    change(entries)
    path = tmp_path / "questions.json"
    path.write_text(json.dumps(entries))
    return path


def test_the_load_command_adds_new_versions(tmp_path, capsys):
    def add_version(entries):
        entries[3]["fields"]["active"] = False
        entries.append(
            {
                "model": "survey.surveyquestion",
                "fields": {
                    **entries[3]["fields"],
                    "version": 2,
                    "active": True,
                    "adult_text": "Were you part of the decisions?",
                },
            }
        )

    call_command("load_survey_questions", "--file", str(_fixture_with(tmp_path, add_version)))
    assert "Added question 4 version 2" in capsys.readouterr().out
    assert SurveyQuestion.objects.get(number=4, active=True).adult_text == (
        "Were you part of the decisions?"
    )
    call_command("load_survey_questions", "--file", str(_fixture_with(tmp_path, add_version)))
    assert "up to date" in capsys.readouterr().out


def test_the_load_command_refuses_to_reword_an_answered_version(tmp_path, colleague, closed_case):
    record(closed_case(days=3), colleague)

    def reword(entries):
        entries[5]["fields"]["adult_text"] = "Changed"
        entries[2]["fields"]["adult_text"] = "Also changed"

    with pytest.raises(CommandError, match="question 6 version 1 has been answered"):
        call_command("load_survey_questions", "--file", str(_fixture_with(tmp_path, reword)))
    # Nothing was loaded, not even the other change
    assert SurveyQuestion.objects.get(number=3, version=1).adult_text != "Also changed"

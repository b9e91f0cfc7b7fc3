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


def test_the_migrations_load_bank_version_2_and_keep_version_1():
    active = list(SurveyQuestion.objects.active())
    assert [q.number for q in active] == [1, 2, 3, 4, 5, 6, 7]
    assert all(q.version == 2 and q.text for q in active)
    old = SurveyQuestion.objects.filter(version=1)
    assert [q.number for q in old] == [1, 2, 3, 4, 5, 6, 7]
    assert not any(q.active for q in old)


def test_only_questions_4_to_7_have_a_representative_version():
    for question in SurveyQuestion.objects.active():
        assert question.has_versions == (question.number in (4, 5, 6, 7)), question


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


def test_questions_4_to_7_have_an_adult_and_a_representative_version():
    q6 = SurveyQuestion.objects.get(number=6, active=True)
    assert q6.text_for("adult") == "Do you feel safer now because of the help you had?"
    assert q6.label_of("a_little_safer", "adult") == "Yes, I feel a little safer"
    assert q6.text_for("representative") == (
        "Does the person feel safer now because of the help they had?"
    )
    assert q6.label_of("a_little_safer", "representative") == "Yes, they feel a little safer"


def test_questions_1_to_3_have_one_wording_for_whoever_answers():
    for number in (1, 2, 3):
        question = SurveyQuestion.objects.get(number=number, active=True)
        assert question.text_for("adult") == question.text_for("representative")
        assert question.choices_for("adult") == question.choices_for("representative")
        assert "you" not in question.text.lower().split()


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
    q5.text = "Did people listen to you?"
    saved = save_question(q5, by=None)
    assert (saved.pk, saved.version) == (q5.pk, 2)
    assert SurveyQuestion.objects.get(number=5, active=True).text == "Did people listen to you?"
    assert AuditEvent.objects.filter(action="survey.question_saved").count() == 1


def test_a_response_keeps_the_version_it_answered(client_for, practitioner, colleague, closed_case):
    case = closed_case(days=3)
    response = record(case, colleague)
    q5 = SurveyQuestion.objects.get(number=5, active=True)
    old_pk, old_words = q5.pk, q5.text
    q5.text = "Did the people helping you really listen?"
    new = save_question(q5, by=None)

    assert new.version == 3 and new.pk != old_pk
    assert SurveyQuestion.objects.get(number=5, active=True).pk == new.pk
    old = SurveyQuestion.objects.get(number=5, version=2)
    assert (old.text, old.active) == (old_words, False)
    answered = response.answers.get(question__number=5)
    assert answered.question.version == 2

    page = text_of(client_for(colleague).get(reverse("survey:response", args=[response.pk])))
    assert old_words in page
    assert "really listen" not in page


def test_answered_wording_cannot_be_changed_behind_the_banks_back(colleague, closed_case):
    record(closed_case(days=3), colleague)
    q4 = SurveyQuestion.objects.get(number=4, version=2)
    q4.text = "Did you feel part of it?"
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
    q7 = SurveyQuestion.objects.get(number=7, version=2)
    url = reverse("admin:survey_surveyquestion_change", args=[q7.pk])
    response = client.post(
        url,
        {
            "topic": q7.topic,
            "text": "Were you treated with respect?",
            "options": json.dumps(q7.options),
            "representative_text": q7.representative_text,
            "representative_options": json.dumps(q7.representative_options),
            "active": "on",
            "wording_source": "local",
            "note": q7.note,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = SurveyQuestion.objects.filter(number=7).order_by("version")
    assert [(q.version, q.active) for q in versions] == [(1, False), (2, False), (3, True)]
    assert versions[1].text != "Were you treated with respect?"
    assert versions[2].text == "Were you treated with respect?"


def test_the_admin_adds_a_new_active_version(client):
    admin = factories.user("administrator", team_name=None, username="root", is_staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    q3 = SurveyQuestion.objects.get(number=3, version=2)
    response = client.post(
        reverse("admin:survey_surveyquestion_add"),
        {
            "number": 3,
            "version": 3,
            "topic": q3.topic,
            "text": "Did the person have someone on their side?",
            "options": json.dumps(q3.options),
            "representative_text": "",
            "representative_options": "[]",
            "active": "on",
            "wording_source": "local",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SurveyQuestion.objects.get(number=3, active=True).version == 3


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
                    "version": 3,
                    "active": True,
                    "text": "Were you part of the decisions?",
                },
            }
        )

    call_command("load_survey_questions", "--file", str(_fixture_with(tmp_path, add_version)))
    assert "Added question 4 version 3" in capsys.readouterr().out
    assert SurveyQuestion.objects.get(number=4, active=True).text == (
        "Were you part of the decisions?"
    )
    call_command("load_survey_questions", "--file", str(_fixture_with(tmp_path, add_version)))
    assert "up to date" in capsys.readouterr().out


def test_the_load_command_refuses_to_reword_an_answered_version(tmp_path, colleague, closed_case):
    record(closed_case(days=3), colleague)

    def reword(entries):
        entries[5]["fields"]["text"] = "Do you feel any safer?"
        entries[2]["fields"]["text"] = "Did the person have help?"

    with pytest.raises(CommandError, match="question 6 version 2 has been answered"):
        call_command("load_survey_questions", "--file", str(_fixture_with(tmp_path, reword)))
    # Nothing was loaded, not even the other change
    assert SurveyQuestion.objects.get(number=3, version=2).text != "Did the person have help?"

"""Question wordings: every question and its answers speak in one voice,
representative versions only where the framework has them, and local wordings
marked in the admin until the published ones are loaded."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.survey.bank import FIXTURE, read_fixture
from msp.survey.codes import Voice
from msp.survey.models import SurveyQuestion
from msp.survey.voice import answer_problems, question_problem
from tests import factories
from tests.survey.conftest import record
from tests.web.conftest import text_of

pytestmark = pytest.mark.django_db


def wording_problems(question):
    problems = []
    for voice, text, labels in question.wordings():
        problem = question_problem(text, voice)
        problems += [problem] if problem else []
        problems += answer_problems(labels, voice)
    return problems


def test_every_questions_answers_agree_with_its_voice():
    questions = list(SurveyQuestion.objects.active())
    questions += [SurveyQuestion(**fields) for fields in read_fixture(FIXTURE)]
    assert len(questions) == 14
    for question in questions:
        assert wording_problems(question) == [], question


def test_the_first_banks_mismatch_is_what_the_check_finds():
    """Version 1 asked "Were you asked..." and answered "Yes they were asked":
    kept for the answers given to it, and exactly what the check catches."""
    q1 = SurveyQuestion.objects.get(number=1, version=1)
    assert q1.text.startswith("Were you asked")
    assert question_problem(q1.text, Voice.ABOUT_PERSON)


@pytest.mark.parametrize(
    ("text", "voice", "wrong"),
    [
        ("Did you feel safe?", Voice.TO_PERSON, False),
        ("Did the person feel safe?", Voice.TO_PERSON, True),
        ("Did they feel safe?", Voice.TO_PERSON, True),
        ("Did the person feel safe?", Voice.ABOUT_PERSON, False),
        ("Did you feel the person was safe?", Voice.ABOUT_PERSON, True),
        ("Were the outcomes achieved?", Voice.ABOUT_PERSON, False),
    ],
)
def test_question_voice(text, voice, wrong):
    assert bool(question_problem(text, voice)) is wrong


@pytest.mark.parametrize(
    ("label", "voice", "wrong"),
    [
        ("Yes, I felt safe", Voice.TO_PERSON, False),
        ("Yes they were asked", Voice.TO_PERSON, True),
        ("Yes, you were safe", Voice.TO_PERSON, True),
        ("Yes, they felt safe", Voice.ABOUT_PERSON, False),
        ("Yes, I\u2019m safe", Voice.ABOUT_PERSON, True),
        ("Don't know", Voice.TO_PERSON, False),
        ("Don't know", Voice.ABOUT_PERSON, False),
    ],
)
def test_answer_voice(label, voice, wrong):
    assert bool(answer_problems([label], voice)) is wrong


def edited(number, **changes):
    question = SurveyQuestion.objects.get(number=number, active=True)
    for key, value in changes.items():
        setattr(question, key, value)
    return question


def test_answers_in_another_voice_are_refused_next_to_the_field():
    q4 = edited(4)
    q4.options = [{**q4.options[0], "label": "Yes, they felt involved"}, *q4.options[1:]]
    with pytest.raises(ValidationError) as error:
        q4.full_clean()
    assert error.value.message_dict["options"] == [
        "The answer “Yes, they felt involved” uses “they”: answer with “I”"
    ]


def test_a_representative_question_put_to_you_is_refused():
    q5 = edited(5, representative_text="Did you feel listened to?")
    with pytest.raises(ValidationError) as error:
        q5.full_clean()
    assert "must not use “you”" in error.value.message_dict["representative_text"][0]


def test_representative_answers_need_the_same_codes():
    q6 = edited(6)
    q6.representative_options = q6.representative_options[1:]
    with pytest.raises(ValidationError) as error:
        q6.full_clean()
    assert "same codes" in error.value.message_dict["representative_options"][0]


def test_representative_versions_only_where_the_framework_has_them():
    q3 = edited(3, representative_text="Did the person have help?")
    q3.representative_options = q3.options
    with pytest.raises(ValidationError) as error:
        q3.full_clean()
    assert "one wording in the framework" in error.value.message_dict["representative_text"][0]
    q7 = edited(7, representative_text="", representative_options=[])
    with pytest.raises(ValidationError) as error:
        q7.full_clean()
    assert (
        "adult and a representative version" in (error.value.message_dict["representative_text"][0])
    )


@pytest.fixture
def admin_client_(client):
    admin = factories.user("administrator", team_name=None, username="root", is_staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    return client


def test_the_admin_list_marks_local_wordings_and_filters_by_mark(admin_client_):
    SurveyQuestion.objects.filter(number=2, active=True).update(wording_source="published")
    listing = admin_client_.get(reverse("admin:survey_surveyquestion_changelist"))
    html = listing.content.decode()
    assert html.count("LOCAL: to be replaced") == 13
    assert html.count("<span>Published</span>") == 1
    published = admin_client_.get(
        reverse("admin:survey_surveyquestion_changelist") + "?wording_source__exact=published"
    )
    assert "LOCAL: to be replaced" not in published.content.decode()
    assert "Outcomes achieved" in published.content.decode()


def test_the_change_page_warns_about_a_local_wording(admin_client_):
    q4 = SurveyQuestion.objects.get(number=4, active=True)
    page = admin_client_.get(reverse("admin:survey_surveyquestion_change", args=[q4.pk]))
    assert "This is a local wording" in text_of(page)
    SurveyQuestion.objects.filter(pk=q4.pk).update(wording_source="published")
    page = admin_client_.get(reverse("admin:survey_surveyquestion_change", args=[q4.pk]))
    assert "This is a local wording" not in text_of(page)


def test_a_one_wording_question_saves_with_the_representative_fields_empty(admin_client_):
    q3 = SurveyQuestion.objects.get(number=3, active=True)
    response = admin_client_.post(
        reverse("admin:survey_surveyquestion_change", args=[q3.pk]),
        {
            "topic": q3.topic,
            "text": "Did the person have someone on their side?",
            "options": json.dumps(q3.options),
            "representative_text": "",
            "representative_options": "",
            "active": "on",
            "wording_source": "local",
            "note": "",
        },
    )
    assert response.status_code == 302
    q3.refresh_from_db()
    assert (q3.text, q3.representative_options) == (
        "Did the person have someone on their side?",
        [],
    )


def test_the_admin_shows_a_voice_mismatch_next_to_the_answers(admin_client_):
    q4 = SurveyQuestion.objects.get(number=4, active=True)
    options = [{**q4.options[0], "label": "Yes, they felt involved"}, *q4.options[1:]]
    response = admin_client_.post(
        reverse("admin:survey_surveyquestion_change", args=[q4.pk]),
        {
            "topic": q4.topic,
            "text": q4.text,
            "options": json.dumps(options),
            "representative_text": q4.representative_text,
            "representative_options": json.dumps(q4.representative_options),
            "active": "on",
            "wording_source": "local",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "The answer “Yes, they felt involved” uses “they”: answer with “I”" in text_of(response)
    q4.refresh_from_db()
    assert q4.options[0]["label"] == "Yes, I felt involved all of the time"


PUBLISHED_Q4 = {
    "number": 4,
    "text": "Did you feel involved in the safeguarding enquiry?",
    "options": [
        {"code": "always", "label": "Yes, I felt completely involved"},
        {"code": "sometimes", "label": "Yes, I felt partly involved"},
        {"code": "no", "label": "No, I did not feel involved"},
        {"code": "dont_know", "label": "Don't know"},
        {"code": "prefer_not_to_say", "label": "Prefer not to say"},
    ],
    "representative_text": "Did the person feel involved in the safeguarding enquiry?",
    "representative_options": [
        {"code": "always", "label": "Yes, they felt completely involved"},
        {"code": "sometimes", "label": "Yes, they felt partly involved"},
        {"code": "no", "label": "No, they did not feel involved"},
        {"code": "dont_know", "label": "Don't know"},
        {"code": "prefer_not_to_say", "label": "Prefer not to say"},
    ],
}


def published_file(tmp_path, *questions):
    path = tmp_path / "published.json"
    path.write_text(json.dumps({"source": "Test edition", "questions": list(questions)}))
    return str(path)


def test_loading_a_published_wording_replaces_the_local_one(tmp_path, capsys):
    q4 = SurveyQuestion.objects.get(number=4, active=True)
    call_command("load_published_wordings", published_file(tmp_path, PUBLISHED_Q4))
    out = capsys.readouterr().out
    assert "Replaced the local wording of question 4 version 2" in out
    assert "Still local wording: question 1, 2, 3, 5, 6, 7" in out
    now = SurveyQuestion.objects.get(number=4, active=True)
    assert (now.pk, now.wording_source, now.text) == (q4.pk, "published", PUBLISHED_Q4["text"])
    assert now.label_of("always", "representative") == "Yes, they felt completely involved"
    [event] = AuditEvent.objects.filter(action="survey.published_wording_loaded")
    assert event.changes["wording_source"] == ["local", "published"]
    call_command("load_published_wordings", published_file(tmp_path, PUBLISHED_Q4))
    assert "already loaded" in capsys.readouterr().out


def test_answers_keep_the_local_words_they_replied_to(tmp_path, client_for, colleague, closed_case):
    response = record(closed_case(days=3), colleague)
    call_command("load_published_wordings", published_file(tmp_path, PUBLISHED_Q4))
    versions = SurveyQuestion.objects.filter(number=4).order_by("version")
    assert [(q.version, q.active, q.wording_source) for q in versions] == [
        (1, False, "local"),
        (2, False, "local"),
        (3, True, "published"),
    ]
    page = text_of(client_for(colleague).get(reverse("survey:response", args=[response.pk])))
    assert "Did you feel involved in the decisions about what would happen?" in page
    assert "Yes, I felt involved all of the time" in page
    assert PUBLISHED_Q4["text"] not in page


def test_a_published_file_in_the_wrong_voice_loads_nothing(tmp_path):
    wrong = {**PUBLISHED_Q4, "representative_text": "Did you feel the person was involved?"}
    q1 = {
        "number": 1,
        "text": "Was the individual asked what they wanted?",
        "options": SurveyQuestion.objects.get(number=1, active=True).options,
    }
    with pytest.raises(CommandError, match="Question 4: This question is about the person"):
        call_command("load_published_wordings", published_file(tmp_path, q1, wrong))
    assert not SurveyQuestion.objects.filter(wording_source="published").exists()


def test_a_published_file_cannot_change_the_statutory_answers(tmp_path):
    q2 = {
        "number": 2,
        "text": "Were the outcomes achieved?",
        "options": [{"code": "yes", "label": "Yes"}, {"code": "no", "label": "No"}],
    }
    with pytest.raises(CommandError, match="national statutory return labels"):
        call_command("load_published_wordings", published_file(tmp_path, q2))


@pytest.mark.parametrize("content", ["not json", "[]", '{"questions": [{"text": "x"}]}'])
def test_a_file_that_is_not_a_published_wording_file_is_refused(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError):
        call_command("load_published_wordings", str(path))

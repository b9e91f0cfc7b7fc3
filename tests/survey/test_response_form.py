"""Recording a survey: who answered and how, then their answers, with errors
next to the fields and what was typed kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.enquiries import actions as enquiry_actions
from msp.survey.actions import is_independent
from msp.survey.models import SurveyAnswer, SurveyResponse
from tests import factories
from tests.survey.conftest import ANSWERS_3_TO_7, days_ago, post_answers, record
from tests.web.conftest import text_of, whole_case

pytestmark = pytest.mark.django_db

INDEPENDENT = {"respondent": "adult", "method": "independent_after_closure"}
AT_CLOSURE = {"respondent": "adult", "method": "lead_enquirer_at_closure"}
WITH_Q1_Q2 = {1: ("asked_expressed", ""), 2: ("fully", "Mostly, yes.")}


def url(case, **query):
    base = reverse("survey:new-response", args=[case.pk])
    if not query:
        return base
    return base + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def test_the_first_step_asks_who_answered_and_how(client_for, colleague, closed_case):
    case = closed_case(days=10)
    text = text_of(client_for(colleague).get(url(case)))
    assert "Who answered the survey?" in text
    assert "How was the survey done?" in text
    window_end = days_ago(10) + datetime.timedelta(days=56)
    assert f"Closes on {window_end:%-d %B %Y} (46 days left)" in text
    assert "You, Cal Reyes: independent of the case" in text


def test_the_first_step_needs_both_answers(client_for, colleague, closed_case):
    case = closed_case(days=10)
    response = client_for(colleague).get(url(case, step="choose"))
    html = response.content.decode()
    assert '<a href="#respondent">Select who answered the survey</a>' in html
    assert '<a href="#method">Select how the survey was done</a>' in html
    assert "<title>Error: Record an outcome survey" in html


def test_the_lead_worker_cannot_record_an_independent_survey(client_for, practitioner, closed_case):
    case = closed_case(days=10)
    response = client_for(practitioner).get(url(case, step="choose", **INDEPENDENT))
    text = text_of(response)
    assert "You, Pat Okafor: not independent, because you worked on the case" in text
    assert "You worked on this case, so your interview is not independent" in text
    assert 'value="adult" checked' in response.content.decode()


def test_anyone_who_recorded_on_the_case_is_not_independent(
    client_for, colleague, manager, closed_case
):
    case = closed_case(days=10)
    assert is_independent(case, manager)
    # Reading the case does not make someone part of the enquiry...
    whole_case(client_for(manager), case.pk)
    assert is_independent(case, manager)
    # ...recording something on it does.
    case = enquiry_actions.reopen_case(
        case,
        by=manager,
        expected_version=case.version,
        reason="A new concern came in.",
        **factories.new_concern(),
    )
    assert not is_independent(case, manager)
    assert is_independent(case, colleague)


def test_the_adults_wording(client_for, colleague, closed_case):
    case = closed_case(days=10)
    response = client_for(colleague).get(url(case, **INDEPENDENT))
    text = text_of(response)
    assert "Record the person's answers" in text
    assert "Do you feel safer now because of the help you had?" in text
    assert "Do you think the person is safer now" not in text
    assert "Who is the representative?" not in text
    # All seven questions, each with a place for the person's own words
    for n in range(1, 8):
        assert f'name="q{n}"' in response.content.decode()
        assert f"What did they say about question {n}? (optional)" in text


def test_the_representatives_wording(client_for, colleague, closed_case):
    case = closed_case(days=10)
    query = {**INDEPENDENT, "respondent": "representative"}
    text = text_of(client_for(colleague).get(url(case, **query)))
    assert "Record the representative's answers" in text
    assert "Does the person feel safer now because of the help they had?" in text
    assert "Yes, they feel a little safer" in text
    assert "Do you feel safer now because of the help you had?" not in text
    assert "Yes, I feel a little safer" not in text
    # Question 3 has one wording, about the person, whoever answers
    assert "Did the person have the help they needed to take part" in text
    assert "Who is the representative?" in text


def test_the_persons_wording(client_for, colleague, closed_case):
    case = closed_case(days=10)
    text = text_of(client_for(colleague).get(url(case, **INDEPENDENT)))
    assert "Record the person's answers" in text
    assert "Do you feel safer now because of the help you had?" in text
    assert "Yes, I feel a little safer" in text
    assert "Does the person feel safer" not in text
    assert "Yes, they feel a little safer" not in text
    assert "Did the person have the help they needed to take part" in text


def test_at_closure_questions_1_and_2_come_from_the_closure(client_for, practitioner, closed_case):
    case = closed_case(days=1, ratings=("fully", "not"))
    response = client_for(practitioner).get(url(case, **AT_CLOSURE))
    html, text = response.content.decode(), text_of(response)
    assert "From the closure record" in text
    assert "Yes they were asked and outcomes were expressed" in text
    assert "Partially Achieved" in text
    assert 'name="q1"' not in html and 'name="q2"' not in html
    assert 'name="q3"' in html


def test_save_an_independent_survey(client_for, practitioner, colleague, closed_case):
    case = closed_case(days=10)
    client = client_for(colleague)
    asked_on = days_ago(2)
    response = client.post(
        url(case, **INDEPENDENT),
        post_answers(asked_on, WITH_Q1_Q2 | ANSWERS_3_TO_7),
    )
    saved = SurveyResponse.objects.get()
    assert response["Location"] == reverse("survey:response", args=[saved.pk])
    assert (saved.respondent, saved.method, saved.asked_on) == (
        "adult",
        "independent_after_closure",
        asked_on,
    )
    assert saved.interviewer == colleague and saved.interviewer_independent
    assert saved.closure == case.closures.get()
    answers = {a.question.number: (a.option, a.comment) for a in saved.answers.all()}
    assert answers[2] == ("fully", "Mostly, yes.")
    assert answers[3] == ("yes", "My advocate came to every meeting.")
    assert len(answers) == 7

    event = AuditEvent.objects.get(action="survey.response_recorded")
    assert (event.case_id, event.user, event.object_id) == (case.pk, colleague, str(saved.pk))
    assert event.changes["method"] == [None, "independent_after_closure"]
    assert event.changes["answers"][1]["question_3"]["comment"] == (
        "My advocate came to every meeting."
    )

    page = text_of(client.get(response["Location"]))
    assert "Outcome survey recorded" in page
    assert "In their words: “My advocate came to every meeting.”" in page
    assert "Cal Reyes: independent of the case" in page
    case_page = text_of(whole_case(client_for(practitioner), case.pk))
    assert "Outcome survey recorded by Cal Reyes" in case_page


def test_save_a_representatives_survey_at_closure(client_for, practitioner, closed_case):
    case = closed_case(days=0)
    client = client_for(practitioner)
    query = {**AT_CLOSURE, "respondent": "representative"}
    missing = client.post(url(case, **query), post_answers(timezone.localdate()))
    assert (
        '<a href="#representative_role">Enter who the representative is, for example daughter'
        in missing.content.decode()
    )
    response = client.post(
        url(case, **query),
        post_answers(
            timezone.localdate(), representative_role="Daughter, lasting power of attorney"
        ),
    )
    assert response.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.representative_role == "Daughter, lasting power of attorney"
    assert not saved.interviewer_independent
    page = text_of(client.get(response["Location"]))
    assert "A representative (Daughter, lasting power of attorney)" in page
    assert (
        "Did the things the person, or their representative, wanted to happen, happen? "
        "Fully Achieved" in page
    )
    assert "From the closure record" in page
    # The representative's answers are shown in the words they were given
    assert "Did the person feel involved in the decisions about what would happen?" in page
    assert "Yes, they felt involved all of the time" in page
    assert "Yes, I felt involved" not in page


def test_errors_sit_next_to_the_fields_and_keep_what_was_typed(client_for, colleague, closed_case):
    case = closed_case(days=10)
    data = post_answers(days_ago(1), {3: ("yes", "She said the advocate helped.")})
    data["asked_on-day"] = "31"
    data["asked_on-month"] = "2"
    response = client_for(colleague).post(url(case, **INDEPENDENT), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Record the person&#x27;s answers" in html
    assert '<a href="#asked_on-day">Date they were asked must be a real date</a>' in html
    assert '<a href="#q1">Select an answer to question 1</a>' in html
    assert '<a href="#q4">Select an answer to question 4</a>' in html
    assert '<a href="#q3">' not in html
    assert '<a href="#q2">' not in html  # only needed when outcomes were expressed
    assert 'id="q4-error"' in html
    assert ">She said the advocate helped.</textarea>" in html
    assert 'value="31"' in html
    assert 'value="yes" checked' in html
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    ("closed", "asked", "message"),
    [
        (
            10,
            11,
            "The date they were asked must be the same as or after {closed_on}, when the case closed",
        ),
        (10, -1, "The date they were asked must be today or in the past"),
        (60, 2, "The survey window closed on {window_end}"),
    ],
)
def test_the_date_asked(client_for, colleague, closed_case, closed, asked, message):
    case = closed_case(days=closed)
    response = client_for(colleague).post(
        url(case, **INDEPENDENT), post_answers(days_ago(asked), {**WITH_Q1_Q2})
    )
    closed_on = days_ago(closed)
    expected = message.format(
        closed_on=f"{closed_on:%-d %B %Y}",
        window_end=f"{closed_on + datetime.timedelta(days=56):%-d %B %Y}",
    )
    assert f'<a href="#asked_on-day">{expected}</a>' in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_the_last_day_of_the_window_is_allowed(client_for, colleague, closed_case):
    case = closed_case(days=60)
    response = client_for(colleague).post(
        url(case, **INDEPENDENT),
        post_answers(days_ago(60 - 56), WITH_Q1_Q2 | ANSWERS_3_TO_7),
    )
    assert response.status_code == 302


def test_a_closed_window_is_pointed_out(client_for, colleague, closed_case):
    case = closed_case(days=60)
    window_end = days_ago(60) + datetime.timedelta(days=56)
    text = text_of(client_for(colleague).get(url(case)))
    assert f"The survey window closed on {window_end:%-d %B %Y}." in text


def test_question_2_only_when_outcomes_were_expressed(client_for, colleague, closed_case):
    case = closed_case(days=10)
    answers = {1: ("no", ""), 2: ("fully", ""), **ANSWERS_3_TO_7}
    response = client_for(colleague).post(
        url(case, **INDEPENDENT), post_answers(days_ago(1), answers)
    )
    assert "Answer question 2 only if they were asked and outcomes were expressed" in text_of(
        response
    )
    del answers[2]
    response = client_for(colleague).post(
        url(case, **INDEPENDENT), post_answers(days_ago(1), answers)
    )
    assert response.status_code == 302
    assert not SurveyAnswer.objects.filter(question__number=2).exists()


def test_an_open_case_cannot_have_a_survey(client_for, practitioner):
    case = factories.case(practitioner, state="closing")
    for response in (
        client_for(practitioner).get(url(case, **AT_CLOSURE)),
        client_for(practitioner).post(url(case, **AT_CLOSURE), post_answers(days_ago(0))),
    ):
        assert response.status_code == 409
        assert "The outcome survey is for closed cases. This case is at 'Closing'." in text_of(
            response
        )
    assert not SurveyResponse.objects.exists()


def test_one_independent_survey_per_closure(client_for, colleague, manager, closed_case):
    case = closed_case(days=10)
    record(case, colleague)
    first = client_for(manager).get(url(case, step="choose", **INDEPENDENT))
    assert (
        "A survey asked by someone independent, after the case closed has already been recorded"
        in text_of(first)
    )
    # Sending answers straight to the second step goes back to the first
    response = client_for(manager).post(
        url(case, **INDEPENDENT),
        post_answers(days_ago(1), WITH_Q1_Q2 | ANSWERS_3_TO_7),
    )
    assert "has already been recorded" in text_of(response)
    assert SurveyResponse.objects.count() == 1


def test_change_goes_back_to_the_first_step(client_for, colleague, closed_case):
    case = closed_case(days=10)
    response = client_for(colleague).get(url(case, **INDEPENDENT, change=1))
    html = response.content.decode()
    assert "Who answered the survey?" in text_of(response)
    assert 'value="independent_after_closure" checked' in html

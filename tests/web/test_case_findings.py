"""The practice guard's open findings on the case page: questions, grouped by
the stage of the case they are about, each saying what is missing, why it
matters and where to record it. A question goes once the record answers it."""

from django.urls import reverse

from tests import factories
from tests import record_factories as rf
from tests.web.conftest import date_parts, part_of, text_of


def questions_of(response) -> str:
    return part_of(response, 'id="questions"', '<h2 class="govuk-heading-m">The person</h2>')


def test_a_finding_is_a_question_with_its_fix(client_for, practitioner):
    case = factories.case(practitioner, state="enquiry", advocacy=False)
    response = client_for(practitioner).get(reverse("cases:detail", args=[case.pk]))
    html = response.content.decode()
    questions = questions_of(response)
    assert "Questions about this case" in questions
    assert "About the enquiry" in questions
    # The question as a heading, what is missing, why, the check id and the tag
    assert (
        '<h4 class="govuk-summary-card__title">Would the person have substantial difficulty '
        "being involved" in html
    )
    assert "No advocacy assessment (the section 68 test and its result) is recorded." in questions
    assert "Why this matters" in questions and "Principles: Empowerment, Protection." in questions
    assert "Check M4.a" in questions and "Legal duty" in questions
    fix = reverse("enquiries:advocacy-new", args=[case.pk]) + "#difficulty_understanding"
    assert f'<a class="govuk-link" href="{fix}">Record this' in html
    # Questions, never a list of boxes to tick
    assert 'type="checkbox"' not in html
    # It sits near the top: before the person and the record
    assert html.index('id="questions"') < html.index('id="outcomes"')


def test_good_practice_questions_are_labelled_as_such(client_for, practitioner, case_in):
    case = case_in("enquiry")
    questions = questions_of(client_for(practitioner).get(reverse("cases:detail", args=[case.pk])))
    assert "Good practice" in questions and "Check M7.a" in questions
    assert "Legal duty" not in questions  # the factory case records the advocacy test


def test_a_finding_disappears_once_the_record_answers_it(client_for, practitioner):
    case = factories.case(practitioner, state="enquiry", advocacy=False)
    client = client_for(practitioner)
    before = text_of(client.get(reverse("cases:detail", args=[case.pk])))
    assert "Check M4.a" in before
    response = client.post(
        reverse("enquiries:advocacy-new", args=[case.pk]),
        {
            **date_parts("assessed_on", rf.today()),
            "appropriate_individual": "no",
            "result": "not_required",
            "reason_not_required": "She took a full part in every meeting.",
        },
    )
    assert response.status_code == 302
    after = text_of(client.get(reverse("cases:detail", args=[case.pk])))
    assert "Check M4.a" not in after
    assert "Would the person have substantial difficulty being involved" not in after


def test_involvement_questions_go_when_involvement_is_recorded(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    page = client.get(reverse("cases:detail", args=[case.pk]))
    fix = reverse("enquiries:involvement", args=[case.pk]) + "#person_involvement"
    assert f'href="{fix}"' in page.content.decode()
    assert "Check M8.c" in questions_of(page)
    client.post(
        reverse("enquiries:involvement", args=[case.pk]),
        {
            "version": "",
            "person_involvement": "Chose who came to her meetings.",
            "referrer_part": ["gave_information", "ongoing_support"],
            "referrer_part_details": "Her GP reviews her medicines monthly.",
        },
    )
    page = client.get(reverse("cases:detail", args=[case.pk]))
    assert "Check M8.c" not in text_of(page) and "Check M7.a" not in text_of(page)


def test_questions_are_grouped_by_stage_in_case_order(client_for, practitioner):
    case = factories.case(practitioner, state="closing", advocacy=False)
    questions = questions_of(client_for(practitioner).get(reverse("cases:detail", args=[case.pk])))
    assert questions.index("About the enquiry") < questions.index("About closing the case")
    enquiry, closing = questions.split("About closing the case")
    assert "Check M4.a" in enquiry and "Check M2.c" in closing


def test_readers_who_cannot_change_the_case_get_no_links(client_for, other_manager, practitioner):
    case = factories.case(practitioner, state="enquiry", advocacy=False)
    response = client_for(other_manager).get(reverse("cases:detail", args=[case.pk]))
    assert "Check M4.a" in questions_of(response)
    assert "Record this" not in text_of(response)


def test_no_questions_before_the_enquiry(client_for, practitioner, case_in):
    case = case_in("triage")
    response = client_for(practitioner).get(reverse("cases:detail", args=[case.pk]))
    assert 'id="questions"' not in response.content.decode()

"""The close page in steps: check before closing (the guard's preview with
these answers), check your answers (with ways back to change them), then
close. Nothing typed is lost on the way; a repeated close closes nothing more."""

import re

import pytest
from django.urls import reverse

from msp.enquiries.forms.workflow import check_question
from msp.enquiries.models import Closure
from msp.practice.models import ClosureFinding
from tests import factories
from tests import record_factories as rf
from tests.web.conftest import summary_of, text_of

OPEN_DOOR = "Ring the duty team on 01234 567890, any weekday."


def rate_all(case, by):
    from msp.enquiries import actions

    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(outcome, by=by, expected_version=outcome.version, achievement="fully")


@pytest.fixture
def closing(practitioner):
    """Ready to close, except that the advocacy test (a legal duty) is missing."""
    case = factories.case(practitioner, state="closing", advocacy=False)
    rate_all(case, practitioner)
    return factories.fresh(case)


def typed(case, **extra):
    return {**factories.CLOSURE, "version": case.version, "open_door": OPEN_DOOR, **extra}


def hidden_fields(response) -> dict[str, str]:
    html = response.content.decode()
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_check_before_closing_shows_what_this_reason_would_meet(client_for, practitioner, closing):
    client = client_for(practitioner)
    url = reverse("enquiries:close", args=[closing.pk])
    form = client.get(url).content.decode()
    assert 'value="check"' in form and "Check before closing" in form
    assert 'formaction="' + url + '#preview"' in form

    page = client.post(url, {**typed(closing, reason="person_declined"), "step": "check"})
    assert page.status_code == 200
    text = text_of(page)
    assert "If you closed the case with these answers" in text
    assert "It could not close yet" in text
    # The checks for a person who stopped the enquiry now show, named by their question
    assert check_question("M1.a") in text
    assert check_question("M4.a") in text
    # Nothing typed is lost, nothing is saved, and no error is shown for asking
    html = page.content.decode()
    assert 'value="person_declined" checked' in html and OPEN_DOOR in html
    assert "There is a problem" not in text
    assert factories.fresh(closing).state == "closing"

    # A different reason, a different preview
    concluded = text_of(client.post(url, {**typed(closing), "step": "check"}))
    assert check_question("M1.a") not in concluded


def test_the_preview_lists_what_is_still_to_answer_with_links_here(
    client_for, practitioner, closing
):
    page = client_for(practitioner).post(
        reverse("enquiries:close", args=[closing.pk]),
        {"version": closing.version, "reason": "other", "step": "check"},
    )
    html = page.content.decode()
    assert "You still need to answer" in html
    assert '<a class="govuk-link" href="#reason_details">Enter why the case is closing</a>' in html
    assert 'href="#action_result"' in html


def test_continue_with_errors_keeps_input_and_links_to_fields(client_for, practitioner, closing):
    rf.advocacy(closing, practitioner)
    page = client_for(practitioner).post(
        reverse("enquiries:close", args=[closing.pk]),
        {"version": closing.version, "reason": "other", "open_door": OPEN_DOOR, "step": "answers"},
    )
    assert "Check your answers" not in text_of(page)
    summary = summary_of(page)
    assert "Enter why the case is closing" in summary
    html = page.content.decode()
    assert '<a href="#reason_details">' in html and '<a href="#msp_asked">' in html
    assert 'value="other" checked' in html and OPEN_DOOR in html


def test_a_duty_stops_continue_for_a_practitioner(client_for, practitioner, closing):
    page = client_for(practitioner).post(
        reverse("enquiries:close", args=[closing.pk]), {**typed(closing), "step": "answers"}
    )
    summary = summary_of(page)
    assert "This case cannot close yet" in summary
    assert check_question("M4.a") in summary and "M4.a" not in summary
    assert '<a href="#check-M4-a">' in page.content.decode()
    assert "Check your answers" not in text_of(page)


def test_check_answers_change_and_close(client_for, practitioner, closing):
    rf.advocacy(closing, practitioner)
    client = client_for(practitioner)
    url = reverse("enquiries:close", args=[closing.pk])
    form = client.get(url)
    token = hidden_fields(form)["submission_token"]
    answers = client.post(
        url, {**typed(closing, reason_details=""), "submission_token": token, "step": "answers"}
    )
    text = text_of(answers)
    assert "Check your answers before closing the case" in text
    assert "Why is the case closing? The enquiry is complete" in text
    assert f"How can the person come back to us if they want help later? {OPEN_DOOR}" in text
    assert "Change why is the case closing?" in text  # the visually hidden part names the row
    html = answers.content.decode()
    assert f'formaction="{url}#reason"' in html and f'formaction="{url}#open_door"' in html
    kept = hidden_fields(answers)
    assert kept["reason"] == "enquiry_concluded" and kept["open_door"] == OPEN_DOOR
    assert kept["submission_token"] == token
    assert factories.fresh(closing).state == "closing"

    # Change: back to the form with everything as typed, and no errors
    back = client.post(url, {**kept, "step": "change"})
    back_html = back.content.decode()
    assert "There is a problem" not in text_of(back)
    assert 'value="enquiry_concluded" checked' in back_html
    assert 'value="risk_action" checked' in back_html and OPEN_DOOR in back_html
    assert hidden_fields(back)["submission_token"] == token

    # Change the answer and continue again
    changed_door = "Write to us at the address on this letter."
    again = client.post(url, {**kept, "open_door": changed_door, "step": "answers"})
    kept = hidden_fields(again)
    assert kept["open_door"] == changed_door

    closed = client.post(url, {**kept, "step": "close"})
    assert closed["Location"] == reverse("cases:detail", args=[closing.pk])
    assert factories.fresh(closing).state == "closed"
    assert Closure.objects.get(case=closing).open_door == changed_door

    # The same answers sent again (a double click, or back and resubmit) close nothing more
    twice = client.post(url, {**kept, "step": "close"}, follow=True)
    assert "already closed" in text_of(twice)
    assert Closure.objects.filter(case=closing).count() == 1


def test_a_manager_gives_a_reason_and_sees_it_before_closing(client_for, manager, closing):
    client = client_for(manager)
    url = reverse("enquiries:close", args=[closing.pk])
    token = hidden_fields(client.get(url))["submission_token"]
    blank = client.post(
        url, {**typed(closing), "override_M4_a": "", "submission_token": token, "step": "answers"}
    )
    assert '<a href="#override_M4_a">Enter why the case can close without an answer to:' in (
        blank.content.decode()
    )
    reason = "She took a full part at every visit; advocacy was discussed and not needed."
    answers = client.post(
        url,
        {**typed(closing), "override_M4_a": reason, "submission_token": token, "step": "answers"},
    )
    text = text_of(answers)
    assert "Legal duties the case closes without" in text
    assert f"{check_question('M4.a')} {reason}" in text
    closed = client.post(url, {**hidden_fields(answers), "step": "close"})
    assert closed.status_code == 302
    duty = ClosureFinding.objects.get(closure__case=closing, check_id="M4.a")
    assert duty.overridden and duty.override_reason == reason

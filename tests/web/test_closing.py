import pytest
from django.urls import reverse

from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.concerns.models import Concern
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import Closure
from msp.practice.models import ClosureFinding
from tests import factories
from tests import record_factories as rf
from tests.demo.test_plain_words import leaks
from tests.web.conftest import part_of, summary_of, text_of, whole_case
from tests.web.test_concerns import concern_post


def rate_all(case, by):
    for outcome in case.desired_outcomes.all():
        enquiry_actions.rate_outcome(
            outcome, by=by, expected_version=outcome.version, achievement="fully"
        )


def test_close_form_asks_about_the_enquiry(client_for, practitioner, case_in):
    case = case_in("closing")
    response = client_for(practitioner).get(reverse("enquiries:close", args=[case.pk]))
    text = text_of(response)
    assert "Was the person asked what outcomes they wanted?" in text
    assert "Did the person lack capacity to make decisions about the enquiry?" in text
    assert "Were they supported by an advocate, family member or friend?" in text
    # Plain words, as on the case page: not the national return's labels
    assert "A risk was found and action was taken" in text
    assert "Yes, and they said what they wanted" in text
    assert not leaks(response.content.decode())
    # Passing a case on says when the return leaves it out
    assert "the abuse happened in their area, so they record it" in text
    assert "How can the person come back to us if they want help later?" in text
    assert 'id="open_door"' in response.content.decode()  # the guard links here


def test_close_a_case(client_for, practitioner, case_in):
    case = case_in("closing")
    rate_all(case, practitioner)
    # She lacked capacity: the record must show it for a specific decision, and
    # the best-interests decision made for her
    assessment = rf.capacity(
        case,
        practitioner,
        decision="Whether to take part in the enquiry",
        retain="unable",
        impairment="yes",
        impairment_evidence="Advanced dementia.",
    )
    rf.best_interests(case, practitioner, capacity_assessment=assessment)
    client = client_for(practitioner)
    response = client.post(
        reverse("enquiries:close", args=[case.pk]),
        {
            **factories.CLOSURE,
            "lacked_capacity": "yes",
            "capacity_support": "yes",
            "open_door": "Phone the duty team on 01234 567890, any weekday.",
            "version": case.version,
        },
    )
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    closed = Case.objects.get(pk=case.pk)
    assert closed.state == "closed"
    assert closed.closures.get().capacity_support is True
    text = text_of(whole_case(client, case.pk))
    assert "Closed" in text and "Case closed by Pat Okafor" in text
    assert "Risk reduced" in text
    assert "How the person can come back to us Phone the duty team on 01234 567890" in text
    assert "Reopen the case" in text


def test_closing_with_unrated_outcomes_is_409(client_for, practitioner, case_in):
    case = case_in("closing", outcomes=2)
    response = client_for(practitioner).post(
        reverse("enquiries:close", args=[case.pk]), {**factories.CLOSURE, "version": case.version}
    )
    assert response.status_code == 409
    summary = summary_of(response)
    # Named by its question, linked to its card on this page; no check id.
    assert "How far was each of the person's desired outcomes achieved" in summary
    assert "M2.c" not in summary
    assert '<a href="#check-M2-c">' in response.content.decode()
    assert 'value="enquiry_concluded" checked' in response.content.decode()
    assert factories.fresh(case).state == "closing"


def test_close_errors(client_for, practitioner, case_in):
    case = case_in("closing")
    rate_all(case, practitioner)
    response = client_for(practitioner).post(
        reverse("enquiries:close", args=[case.pk]),
        {
            "version": case.version,
            "reason": "other",
            "action_result": "risk_action",
            "lacked_capacity": "yes",
        },
    )
    html = response.content.decode()
    assert '<a href="#reason_details">Enter why the case is closing</a>' in html
    assert '<a href="#risk_outcome">Select what happened to the risk</a>' in html
    assert '<a href="#msp_asked">Select whether the person was asked' in html
    assert '<a href="#capacity_support">Select whether an advocate' in html


def test_closing_without_an_enquiry_asks_only_why(client_for, practitioner):
    case = factories.case(practitioner, state="triage")
    concern_actions.record_decision(
        case,
        by=factories.decider_for(practitioner, case),
        expected_version=case.version,
        **factories.DECISION_NONE,
    )
    case = factories.fresh(case)
    client = client_for(practitioner)
    page = text_of(whole_case(client, case.pk))
    assert "Start the enquiry" not in page
    client.post(reverse("enquiries:start-closing", args=[case.pk]), {"version": case.version})
    case = factories.fresh(case)
    form = text_of(client.get(reverse("enquiries:close", args=[case.pk])))
    assert "Was the person asked" not in form
    response = client.post(
        reverse("enquiries:close", args=[case.pk]),
        {"version": case.version, "reason": "no_enquiry"},
    )
    assert response.status_code == 302
    assert factories.fresh(case).state == "closed"


def test_reopen(client_for, practitioner, case_in):
    case = case_in("closed")
    client = client_for(practitioner)
    url = reverse("enquiries:reopen", args=[case.pk])
    empty = client.post(url, {"version": case.version, "reason": ""})
    assert "Enter why the case is being reopened" in text_of(empty)
    assert "Enter what happened" in text_of(empty)
    concern = concern_post(what_happened="Her son took her bank card again.")
    response = client.post(
        url, {"version": case.version, "reason": "Her son moved back in.", **concern}
    )
    assert response.status_code == 302
    page = text_of(whole_case(client, case.pk))
    assert "Case reopened from a new concern by Pat Okafor" in page
    assert "Her son moved back in." in page and "Her son took her bank card again." in page
    assert Concern.objects.filter(case=case).count() == 2


@pytest.mark.parametrize(
    ("url_name", "state"), [("enquiries:close", "closing"), ("enquiries:reopen", "closed")]
)
def test_close_and_reopen_access(
    client_for, practitioner, other_manager, outsider, board_member, case_in, url_name, state
):
    case = case_in(state)
    url = reverse(url_name, args=[case.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(board_member).post(url, {"version": case.version}).status_code == 404
    assert client_for(other_manager).get(url).status_code == 403
    assert client_for(other_manager).post(url, {"version": case.version}).status_code == 403
    assert client_for(practitioner).put(url).status_code == 405
    assert factories.fresh(case).state == state


def test_return_to_enquiry_from_closing(client_for, practitioner, case_in):
    case = case_in("closing")
    client = client_for(practitioner)
    client.post(reverse("enquiries:return", args=[case.pk]), {"version": case.version})
    page = text_of(whole_case(client, case.pk))
    assert "Returned to the enquiry by Pat Okafor" in page


# --- The practice guard's closing gate ---------------------------------------------


@pytest.fixture
def without_advocacy(practitioner):
    """A case ready to close, except that the advocacy test (a legal duty) is
    not recorded."""
    case = factories.case(practitioner, state="closing", advocacy=False)
    rate_all(case, practitioner)
    return factories.fresh(case)


def close_values(case, **extra):
    return {**factories.CLOSURE, "version": factories.fresh(case).version, **extra}


def test_the_close_page_lists_what_the_record_does_not_show(
    client_for, practitioner, without_advocacy
):
    case = without_advocacy
    response = client_for(practitioner).get(reverse("enquiries:close", args=[case.pk]))
    html = response.content.decode()
    duties = part_of(response, 'id="duties"', 'id="prompts"')
    assert "These must be met before the case can close" in duties
    assert "Would the person have substantial difficulty being involved" in duties
    assert "Legal duty" in duties and "Check M4.a" in duties
    assert "Ask a team manager or safeguarding lead to review this case" in duties
    advocacy = reverse("enquiries:advocacy-new", args=[case.pk]) + "#difficulty_understanding"
    assert f'href="{advocacy}"' in html
    prompts = part_of(response, 'id="prompts"', "How the case ends")
    assert "They do not stop the case closing" in prompts
    assert "Good practice" in prompts and "Check M9.a" in prompts
    assert 'name="override_M4_a"' not in html  # practitioners cannot override


def test_a_practitioner_is_stopped_by_a_legal_duty(client_for, practitioner, without_advocacy):
    case = without_advocacy
    client = client_for(practitioner)
    response = client.post(
        reverse("enquiries:close", args=[case.pk]),
        close_values(case, open_door="Ring us on 01234 567890.", override_M4_a="Let me"),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "<title>Error: Close the case" in html
    summary = summary_of(response)
    assert "This case cannot close yet" in summary
    assert "Would the person have substantial difficulty being involved" in summary
    assert "M4.a" not in summary
    # The summary's link stays on this page: the card, which links to where to record it.
    assert '<a href="#check-M4-a">Would the person have substantial difficulty' in html
    advocacy = reverse("enquiries:advocacy-new", args=[case.pk]) + "#difficulty_understanding"
    assert f'href="{advocacy}"' in html.split('id="check-M4-a"')[1]
    assert "Ask a team manager or safeguarding lead to review this case" in text_of(response)
    # What was typed is kept; nothing is closed
    assert 'value="enquiry_concluded" checked' in html and "Ring us on 01234 567890." in html
    assert 'name="override_M4_a"' not in html
    assert factories.fresh(case).state == "closing"
    assert not Closure.objects.filter(case=case).exists()


def test_the_practitioner_records_what_is_missing_and_closes(
    client_for, practitioner, without_advocacy
):
    case = without_advocacy
    client = client_for(practitioner)
    blocked = client.post(reverse("enquiries:close", args=[case.pk]), close_values(case))
    assert blocked.status_code == 409
    rf.advocacy(case, practitioner)
    page = text_of(client.get(reverse("enquiries:close", args=[case.pk])))
    assert "Check M4.a" not in page
    response = client.post(reverse("enquiries:close", args=[case.pk]), close_values(case))
    assert response.status_code == 302
    closure = Closure.objects.get(case=case)
    # The good-practice questions still open are kept with the closure
    kept = ClosureFinding.objects.filter(closure=closure)
    assert "M9.a" in set(kept.values_list("check_id", flat=True))
    assert not kept.filter(severity="DUTY").exists()


def test_a_manager_closes_with_a_reason(client_for, manager, without_advocacy):
    case = without_advocacy
    client = client_for(manager)
    url = reverse("enquiries:close", args=[case.pk])
    form = client.get(url)
    assert 'name="override_M4_a"' in form.content.decode()
    assert "Why can the case close without this?" in text_of(form)
    reason = "She took a full part at every visit; advocacy was discussed and not needed."
    response = client.post(url, close_values(case, override_M4_a=reason))
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert factories.fresh(case).state == "closed"
    duty = ClosureFinding.objects.get(closure__case=case, check_id="M4.a")
    assert duty.severity == "DUTY" and duty.overridden
    assert duty.override_reason == reason and duty.overridden_by == manager
    page = text_of(client.get(response["Location"]))
    assert f"Legal duty M4.a not met Closed by agreement of Mo Hughes: {reason}" in page


def test_a_manager_is_asked_for_the_reason(client_for, manager, without_advocacy):
    case = without_advocacy
    client = client_for(manager)
    url = reverse("enquiries:close", args=[case.pk])
    # Blocked first: the box to give a reason appears next to the duty
    blocked = client.post(url, close_values(case))
    assert blocked.status_code == 409
    assert 'name="override_M4_a"' in blocked.content.decode()
    assert "Ask a team manager" not in text_of(blocked)
    # A blank reason is refused, next to the box
    response = client.post(url, close_values(case, override_M4_a="   "))
    html = response.content.decode()
    assert (
        '<a href="#override_M4_a">Enter why the case can close without an answer to: Would the '
        "person have substantial difficulty being involved"
    ) in html
    assert "M4.a" not in summary_of(response)
    assert '<p id="override_M4_a-error" class="govuk-error-message">' in html
    assert factories.fresh(case).state == "closing"
    assert not Closure.objects.filter(case=case).exists()
    # Words that give no reason are refused too, saying why, and kept in the box
    response = client.post(url, close_values(case, override_M4_a="NFA"))
    page = text_of(response)
    assert "Enter a real reason why the case can close without an answer to:" in page
    assert "('NFA' does not say why)" in page
    assert "M4.a is not met" not in page
    assert ">NFA</textarea>" in response.content.decode()
    assert factories.fresh(case).state == "closing"


def test_good_practice_questions_never_stop_closing(client_for, practitioner, case_in):
    case = case_in("closing")
    rate_all(case, practitioner)
    client = client_for(practitioner)
    form = text_of(client.get(reverse("enquiries:close", args=[case.pk])))
    assert "Questions to think about before closing" in form
    assert "Legal duties the record does not show as met" not in form
    response = client.post(reverse("enquiries:close", args=[case.pk]), close_values(case))
    assert response.status_code == 302

import pytest
from django.urls import reverse

from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.enquiries import actions as enquiry_actions
from tests import factories
from tests.web.conftest import text_of


def rate_all(case, by):
    for outcome in case.desired_outcomes.all():
        enquiry_actions.rate_outcome(
            outcome, by=by, expected_version=outcome.version, achievement="fully"
        )


def test_close_form_asks_about_the_enquiry(client_for, practitioner, case_in):
    case = case_in("closing")
    text = text_of(client_for(practitioner).get(reverse("enquiries:close", args=[case.pk])))
    assert "Was the person asked what outcomes they wanted?" in text
    assert "Did the person lack capacity to make decisions about the enquiry?" in text
    assert "Were they supported by an advocate, family member or friend?" in text
    assert "Risk identified and action taken" in text


def test_close_a_case(client_for, practitioner, case_in):
    case = case_in("closing")
    rate_all(case, practitioner)
    client = client_for(practitioner)
    response = client.post(
        reverse("enquiries:close", args=[case.pk]),
        {
            **factories.CLOSURE,
            "lacked_capacity": "yes",
            "capacity_support": "yes",
            "version": case.version,
        },
    )
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    closed = Case.objects.get(pk=case.pk)
    assert closed.state == "closed"
    assert closed.closures.get().capacity_support is True
    text = text_of(client.get(response["Location"]))
    assert "Closed" in text and "Case closed by Pat Okafor" in text
    assert "Risk reduced" in text
    assert "Reopen the case" in text


def test_closing_with_unrated_outcomes_is_409(client_for, practitioner, case_in):
    case = case_in("closing")
    response = client_for(practitioner).post(
        reverse("enquiries:close", args=[case.pk]), {**factories.CLOSURE, "version": case.version}
    )
    assert response.status_code == 409
    assert "Record how far each desired outcome was achieved before closing" in text_of(response)
    assert 'value="enquiry_concluded" checked' in response.content.decode()


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
        case, by=practitioner, expected_version=case.version, **factories.DECISION_NONE
    )
    case = factories.fresh(case)
    client = client_for(practitioner)
    page = text_of(client.get(reverse("cases:detail", args=[case.pk])))
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
    response = client.post(url, {"version": case.version, "reason": "Her son moved back in."})
    assert response.status_code == 302
    page = text_of(client.get(reverse("cases:detail", args=[case.pk])))
    assert "Case reopened by Pat Okafor" in page and "Her son moved back in." in page


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
    page = text_of(client.get(reverse("cases:detail", args=[case.pk])))
    assert "Returned to the enquiry by Pat Okafor" in page

"""Forms of the record not covered elsewhere: a rule's message shows next to
its field and in the error summary, and what the user typed is kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.enquiries.models import (
    PlanAction,
    ReferrerEscalation,
    RiskToOthersAction,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from tests import record_factories as rf
from tests.web.conftest import date_parts


def today():
    return timezone.localdate()


def yesterday():
    return today() - datetime.timedelta(days=1)


CASES = [
    (
        "enquiries:risk-action-new",
        {"kind": "police", "details": "Reported the thefts.", **date_parts("done_on", today())},
        "done_by",
        "Enter who did it",
        "Reported the thefts.",
        RiskToOthersAction,
    ),
    (
        "enquiries:plan",
        {"version": "", "pace": "Slowly", **date_parts("next_review_on", yesterday())},
        "next_review_on-day",
        "The date of the next review cannot be in the past",
        "Slowly",
        SafeguardingPlan,
    ),
    (
        "enquiries:self-neglect",
        {"version": "", "background_and_history": "", "trusted_person": "June next door"},
        "background_and_history",
        "Enter the person&#x27;s background and history",
        "June next door",
        SelfNeglectRecord,
    ),
    (
        "enquiries:escalation-new",
        {"details": "", **date_parts("raised_on", today() + datetime.timedelta(days=2))},
        "raised_on-day",
        "Date of the escalation cannot be in the future",
        str((today() + datetime.timedelta(days=2)).day),
        ReferrerEscalation,
    ),
]


@pytest.mark.parametrize(("url_name", "data", "anchor", "message", "kept", "model"), CASES)
def test_a_rule_message_sits_next_to_its_field(
    client_for, practitioner, case_in, url_name, data, anchor, message, kept, model
):
    case = case_in("enquiry")
    response = client_for(practitioner).post(reverse(url_name, args=[case.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    assert f'<a href="#{anchor}">{message}</a>' in html
    field = anchor.removesuffix("-day")
    assert f'<p id="{field}-error" class="govuk-error-message">' in html
    assert kept in html
    assert not model.objects.filter(case=case).exists()


def test_a_plan_action_cannot_be_moved_into_the_past(client_for, practitioner, case_in):
    case = case_in("enquiry")
    action = rf.plan_action(case, practitioner)
    response = client_for(practitioner).post(
        reverse("enquiries:plan-action-edit", args=[action.pk]),
        {"version": "1", "status": "in_progress", **date_parts("due_on", yesterday())},
    )
    html = response.content.decode()
    assert '<a href="#due_on-day">The date the action is due cannot be before today</a>' in html
    assert 'value="in_progress" checked' in html
    assert PlanAction.objects.get(pk=action.pk).status == "not_started"

"""Raising a concern without an account: the questions, the check page, the
confirmation with a reference and a secret shown once, and the report saved
with its channel and its team."""

import pytest
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.frontdoor import rules
from msp.frontdoor.models import PublicReport
from tests import factories
from tests.frontdoor.helpers import fill_report, send_report

pytestmark = pytest.mark.django_db


def test_the_start_page_says_call_999_first(client_for):
    html = client_for(None).get(reverse("frontdoor:start")).content.decode()
    assert html.index("call 999") < html.index("Start now")


def test_an_anonymous_public_report_is_saved_without_the_referrer(client_for):
    client = client_for(None)
    reference, secret = send_report(client)
    report = PublicReport.objects.get()
    assert report.reference == reference
    assert report.channel == "public"
    assert report.anonymous and not report.confidential
    assert report.referrer_name == report.referrer_email == ""
    assert report.adult_name == "Edith Blackwood"
    # Only the hash of the secret is kept.
    assert secret not in report.secret_hash
    assert rules.secret_matches(secret, report.secret_hash)
    # The contact question was not asked of an anonymous referrer.
    events = AuditEvent.objects.filter(action="report.received")
    assert events.count() == 1
    assert "Edith" not in str(events.get().changes)


def test_a_professional_is_asked_where_they_work_and_can_stay_confidential(client_for):
    client = client_for(None)
    send_report(
        client,
        who={"referrer_kind": "professional"},
        identity={"identity": "confidential"},
    )
    report = PublicReport.objects.get()
    assert report.channel == "partner"
    assert report.confidential and not report.anonymous
    assert report.referrer_organisation == "Northmoor Community Nursing"
    assert report.referrer_name == "Rosa Lind"


def test_the_adult_reporting_for_themselves_is_not_asked_whether_they_know(client_for):
    client = client_for(None)
    page = fill_report(client, who={"referrer_kind": "adult"}, identity={"identity": "named"})
    html = page.content.decode()
    assert "Does the adult know" not in html
    assert "Your name" in html
    client.post(reverse("frontdoor:check"), {"website": ""})
    report = PublicReport.objects.get()
    assert report.channel == "self"
    assert report.adult_knows == "yes"
    assert report.referrer_name == "Edith Blackwood"


def test_the_secret_is_shown_once(client_for):
    client = client_for(None)
    _reference, secret = send_report(client)
    again = client.get(reverse("frontdoor:done")).content.decode()
    assert secret not in again
    assert "We cannot show it again" in again


def test_a_missing_answer_shows_an_error_and_keeps_what_was_typed(client_for):
    client = client_for(None)
    client.post(reverse("frontdoor:step", args=["who"]), {"referrer_kind": "public"})
    url = reverse("frontdoor:step", args=["adult"])
    response = client.post(url, {"adult_name": "", "adult_age": "about 85"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter the adult&#x27;s name, or describe them" in html
    assert 'value="about 85"' in html


def test_text_over_the_limit_is_refused_with_the_limit_in_the_message(client_for):
    client = client_for(None)
    url = reverse("frontdoor:step", args=["what-happened"])
    response = client.post(url, {"what_happened": "x" * 10_001})
    assert response.status_code == 400
    assert "10,000 characters or fewer" in response.content.decode()


def test_check_your_answers_sends_back_to_a_question_not_answered(client_for):
    client = client_for(None)
    client.post(reverse("frontdoor:step", args=["who"]), {"referrer_kind": "public"})
    response = client.get(reverse("frontdoor:check"))
    assert response["Location"] == reverse("frontdoor:step", args=["identity"])


def test_changing_an_answer_returns_to_check_your_answers(client_for):
    client = client_for(None)
    fill_report(client)
    url = reverse("frontdoor:step", args=["where"]) + "?change=1"
    response = client.post(url, {"where": "In the park"})
    assert response["Location"] == reverse("frontdoor:check")
    assert "In the park" in client.get(reverse("frontdoor:check")).content.decode()


def test_a_report_goes_to_the_team_covering_the_postcode(client_for, settings):
    south = factories.team("South locality team")
    factories.team("North locality team")
    settings.INTAKE_AREAS = "NM1=South locality team; NM=North locality team"
    settings.INTAKE_TEAM = "North locality team"
    send_report(client_for(None))
    assert PublicReport.objects.get().team == south


def test_without_an_area_rule_a_report_goes_to_the_intake_team(client_for, settings):
    north = factories.team("North locality team")
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = "North locality team"
    send_report(client_for(None))
    assert PublicReport.objects.get().team == north


def test_with_no_intake_team_a_report_waits_for_a_lead(client_for, settings):
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = ""
    send_report(client_for(None))
    assert PublicReport.objects.get().team is None

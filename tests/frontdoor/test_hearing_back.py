"""Confidential referrers, feedback shared with the referrer, and escalations
answered by a safeguarding lead."""

import pytest
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.frontdoor import actions
from msp.frontdoor.models import PublicReport, ReportEscalation, SharedFeedback
from msp.privacy import sar
from tests import factories
from tests.frontdoor.helpers import send_report

pytestmark = pytest.mark.django_db

TRIAGE = {
    "abuse_types": ["financial"],
    "location_of_risk": "own_home",
    "sources_of_risk": ["known"],
}


@pytest.fixture
def taken_in(client_for, settings, manager, practitioner):
    """A professional's confidential report, taken into a case about Edith;
    the referrer's reference and secret."""
    factories.team("North locality team")
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = "North locality team"
    reference, secret = send_report(
        client_for(None),
        who={"referrer_kind": "professional"},
        identity={"identity": "confidential"},
    )
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    report = PublicReport.objects.get()
    actions.accept_report(report, by=manager, person=edith, triage=TRIAGE)
    report.refresh_from_db()
    return report, reference, secret


def _status_html(client_for, reference, secret):
    client = client_for(None)
    client.post(reverse("frontdoor:status"), {"reference": reference, "secret": secret})
    return client, client.get(reverse("frontdoor:status-view")).content.decode()


def test_a_confidential_referrer_is_hidden_from_practitioners(
    client_for, taken_in, manager, practitioner
):
    report, *_ = taken_in
    case_url = reverse("cases:section-concern", args=[report.concern.case_id])
    worker_page = client_for(practitioner).get(case_url).content.decode()
    assert "Rosa Lind" not in worker_page
    assert "Northmoor Community Nursing" not in worker_page
    assert "Confidential (a team manager or safeguarding lead can see who raised it)" in (
        worker_page
    )
    manager_page = client_for(manager).get(case_url).content.decode()
    assert "Rosa Lind" in manager_page
    assert "confidential: do not share who raised it" in manager_page
    report_page = client_for(manager).get(reverse("frontdoor:report", args=[report.pk]))
    assert "Rosa Lind" in report_page.content.decode()


def test_a_confidential_referrer_is_withheld_from_the_subject_access_export(taken_in, lead):
    report, *_ = taken_in
    data = sar.build(report.concern.case.person_id, by=lead).as_json()
    concern = data["cases"][0]["concerns"][0]
    assert concern["referrer_name"] == sar.WITHHELD
    assert "Rosa" not in str(data) and "rosa@example.org" not in str(data)


def test_a_confidential_referrer_is_never_on_the_board(client_for, taken_in, board_member):
    html = client_for(board_member).get(reverse("board:dashboard")).content.decode()
    assert "Rosa" not in html and "Northmoor Community Nursing" not in html


def test_the_status_moves_with_the_case_and_reveals_nothing(
    client_for, taken_in, manager, practitioner
):
    report, reference, secret = taken_in
    _, html = _status_html(client_for, reference, secret)
    assert "Received" in html
    case = report.concern.case
    from msp.concerns import actions as concern_actions

    concern_actions.start_triage(case, by=manager, expected_version=case.version)
    _, html = _status_html(client_for, reference, secret)
    assert "Being looked at" in html
    for hidden in ("Edith", "Blackwood", case.reference, "enquiry", "Financial"):
        assert hidden not in html


def test_a_worker_shares_feedback_and_the_referrer_reads_it(
    client_for, taken_in, practitioner, outsider
):
    report, reference, secret = taken_in
    url = reverse("frontdoor:share-feedback", args=[report.pk])
    assert client_for(outsider).get(url).status_code == 404
    case_page = client_for(practitioner).get(
        reverse("cases:section-concern", args=[report.concern.case_id])
    )
    assert url in case_page.content.decode()
    empty = client_for(practitioner).post(url, {"text": ""})
    assert "Enter what to tell the person who made the report" in empty.content.decode()
    client_for(practitioner).post(url, {"text": "We have spoken to her and put support in place."})
    shared = SharedFeedback.objects.get()
    assert shared.shared_by == practitioner
    # It is also the case's record of feedback given, which the guard reads.
    given = report.concern.case.referrer_feedback.get()
    assert given.concern == report.concern
    assert given.what_was_said == "We have spoken to her and put support in place."
    event = AuditEvent.objects.get(action="report.feedback_shared")
    assert event.case_id == report.concern.case_id
    _, html = _status_html(client_for, reference, secret)
    assert "We have spoken to her and put support in place." in html
    assert f"{shared.shared_at:%-d %B %Y}" in html


def test_an_escalation_reaches_the_lead_and_is_answered(client_for, taken_in, lead, manager):
    _report, reference, secret = taken_in
    client, _ = _status_html(client_for, reference, secret)
    client.post(reverse("frontdoor:escalate"), {"reason": "Nobody has called me back."})
    escalation = ReportEscalation.objects.get()
    queues = client_for(lead).get(reverse("cases:queues")).content.decode()
    assert "Escalations from referrers (1)" in queues
    assert reverse("frontdoor:resolve-escalation", args=[escalation.pk]) in queues
    # Team managers do not answer escalations.
    assert (
        "Escalations from referrers"
        not in client_for(manager).get(reverse("cases:queues")).content.decode()
    )
    url = reverse("frontdoor:resolve-escalation", args=[escalation.pk])
    assert client_for(manager).get(url).status_code == 404
    client_for(lead).post(url, {"response": "Called Rosa; the worker will visit on Monday."})
    escalation.refresh_from_db()
    assert escalation.resolved_by == lead and escalation.resolved_at is not None
    assert AuditEvent.objects.filter(action="report.escalation_resolved").count() == 1
    queues = client_for(lead).get(reverse("cases:queues")).content.decode()
    assert "0 open, 1 answered in the last 90 days." in queues
    _, html = _status_html(client_for, reference, secret)
    assert "answered" in html


def test_a_report_taken_into_a_restricted_case_is_as_restricted_as_the_case(
    client_for, taken_in, lead, manager, practitioner, colleague
):
    from msp.cases import actions as case_actions

    report, *_ = taken_in
    case = report.concern.case
    case_actions.restrict_case(
        case, by=lead, reason="The adult is a member of staff", named=[practitioner]
    )
    page = client_for(manager).get(reverse("frontdoor:report", args=[report.pk]))
    assert page.status_code == 404
    share = client_for(colleague).get(reverse("frontdoor:share-feedback", args=[report.pk]))
    assert share.status_code == 403
    assert "Edith" not in share.content.decode()
    named = client_for(practitioner).get(reverse("frontdoor:share-feedback", args=[report.pk]))
    assert named.status_code == 200


def test_the_api_leaves_out_a_confidential_referrer_for_practitioners(practitioner, manager):
    from django.test import Client

    from msp.accounts.models import ApiToken

    case = factories.case(practitioner, referrer_name="Rita Referrer", referrer_confidential=True)
    seen = {}
    for user in (practitioner, manager):
        _, token = ApiToken.objects.issue(user)
        api = Client(headers={"Authorization": f"Bearer {token}"})
        listed = api.get(f"/api/v1/cases/{case.pk}/concerns").json()[0]
        detail = api.get(f"/api/v1/cases/{case.pk}").json()["concerns"][0]
        seen[user.role] = (listed, detail)
    for concern in seen["practitioner"]:
        assert concern["referrer_name"] == ""
        assert "Rita" not in str(concern)
        assert concern["referrer_confidential"] is True
    for concern in seen["team_manager"]:
        assert concern["referrer_name"] == "Rita Referrer"


def test_the_chronology_shows_the_report_feedback_and_escalation(
    client_for, taken_in, practitioner, lead
):
    from msp.cases.chronology import chronology

    report, *_ = taken_in
    actions.share_feedback(report, by=practitioner, text="Support is in place.")
    escalation = actions.escalate(report, reason="Nobody called.")
    actions.resolve_escalation(escalation, by=lead, response="The worker will call today.")
    entries = {e.title: e for e in chronology(report.concern.case)}
    assert "Report from the front door taken into the case" in entries
    shared = entries["Feedback shared with the referrer online"]
    assert shared.details == [("What they were told", "Support is in place.")]
    assert entries["The referrer escalated their report"].by == "System"
    assert entries["The referrer's escalation answered"].details == [
        ("Response", "The worker will call today.")
    ]

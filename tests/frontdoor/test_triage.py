"""A report reaches the triage queue with its channel, in the team covering
the area; a triager confirms who it is about (nothing is linked silently), and
it becomes a new case or a repeat concern on the person's open case. The time
from report to triage is shown on the queues page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.frontdoor import actions
from msp.frontdoor.models import PublicReport
from msp.frontdoor.queues import front_door_for
from msp.people.models import Person
from tests import factories
from tests.frontdoor.helpers import send_report

pytestmark = pytest.mark.django_db

TRIAGE = {
    "abuse_types": ["financial", "psychological"],
    "location_of_risk": "own_home",
    "sources_of_risk": ["known"],
}


@pytest.fixture
def north_intake(settings, db):
    factories.team("North locality team")
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = "North locality team"


def test_a_report_waits_on_its_teams_queue_with_its_channel(
    client_for, north_intake, manager, other_manager, lead
):
    send_report(client_for(None), who={"referrer_kind": "professional"})
    html = client_for(manager).get(reverse("cases:queues")).content.decode()
    assert "Reports from the public and partners waiting for triage (1)" in html
    assert "Partner agency" in html
    assert "Edith Blackwood" in html
    other = client_for(other_manager).get(reverse("cases:queues")).content.decode()
    assert "waiting for triage (0)" in other
    assert len(front_door_for(lead).waiting) == 1


def test_a_report_no_team_covers_waits_for_a_lead(client_for, settings, manager, lead):
    settings.INTAKE_TEAM = ""
    send_report(client_for(None))
    assert front_door_for(manager).waiting == []
    assert len(front_door_for(lead).waiting) == 1


def test_people_outside_triage_cannot_open_a_report(
    client_for, north_intake, practitioner, other_manager, board_member
):
    send_report(client_for(None))
    report = PublicReport.objects.get()
    for user in (practitioner, other_manager, board_member):
        response = client_for(user).get(reverse("frontdoor:report", args=[report.pk]))
        assert response.status_code == 404, user


def test_possible_people_are_listed_but_nobody_is_linked_or_created(
    client_for, north_intake, manager, practitioner
):
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    factories.person(practitioner, given_name="Margaret", family_name="Other")
    send_report(client_for(None))
    report = PublicReport.objects.get()
    people_before = Person.objects.count()
    html = client_for(manager).get(reverse("frontdoor:report", args=[report.pk])).content.decode()
    assert f'value="{edith.pk}"' in html
    assert "Margaret" not in html
    assert Person.objects.count() == people_before
    report.refresh_from_db()
    assert report.concern_id is None
    assert AuditEvent.objects.filter(
        action="view", object_type="people.person", object_id=str(edith.pk)
    ).exists()


def test_choosing_nobody_is_refused(client_for, north_intake, manager):
    send_report(client_for(None))
    report = PublicReport.objects.get()
    url = reverse("frontdoor:report", args=[report.pk])
    response = client_for(manager).post(url, TRIAGE)
    assert response.status_code == 400
    assert "Select the person this report is about" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_confirmed_report_becomes_a_new_case_in_triage(
    client_for, north_intake, manager, practitioner
):
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    send_report(client_for(None), identity={"identity": "confidential"})
    report = PublicReport.objects.get()
    url = reverse("frontdoor:report", args=[report.pk])
    response = client_for(manager).post(url, {"person": edith.pk, **TRIAGE})
    case = Case.objects.get(person=edith)
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.state == "raised"
    assert case.team.name == "North locality team"
    concern = case.concerns.get()
    assert concern.raised_via == "public"
    assert concern.referrer_confidential
    assert concern.referrer_name == "Rosa Lind"
    assert concern.what_happened.startswith("Her nephew shouts at her")
    report.refresh_from_db()
    assert report.concern == concern
    assert report.triaged_by == manager
    # Off the report queue, on the case triage queue.
    assert front_door_for(manager).waiting == []


def test_a_report_about_someone_with_an_open_case_is_offered_as_a_repeat_concern(
    client_for, north_intake, manager, practitioner
):
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    open_case = factories.case(practitioner, state="triage", about=edith)
    send_report(client_for(None))
    report = PublicReport.objects.get()
    url = reverse("frontdoor:report", args=[report.pk])
    html = client_for(manager).get(url).content.decode()
    assert f"Open case {open_case.reference}" in html
    assert "Add it to their open case as a repeat concern" in html
    client_for(manager).post(url, {"person": edith.pk, "add_to": "open", **TRIAGE})
    assert Case.objects.filter(person=edith).count() == 1
    assert open_case.concerns.count() == 2


def test_the_time_from_report_to_triage_is_shown_to_managers(
    client_for, north_intake, manager, practitioner
):
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    send_report(client_for(None))
    report = PublicReport.objects.get()
    PublicReport.objects.filter(pk=report.pk).update(
        received_at=timezone.now() - datetime.timedelta(hours=30)
    )
    report.refresh_from_db()
    actions.accept_report(report, by=manager, person=edith, triage=TRIAGE)
    found = front_door_for(manager)
    assert found.triaged_count == 1
    assert found.median_hours_to_triage == pytest.approx(30, abs=0.2)
    html = client_for(manager).get(reverse("cases:queues")).content.decode()
    assert "Time from report to triage in the last 90 days: median 30.0 hours" in html


def test_a_report_cannot_be_taken_in_twice(client_for, north_intake, manager, practitioner):
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    send_report(client_for(None))
    report = PublicReport.objects.get()
    actions.accept_report(report, by=manager, person=edith, triage=TRIAGE)
    with pytest.raises(Exception, match="already been taken into a case"):
        actions.accept_report(report, by=manager, person=edith, triage=TRIAGE)
    assert Case.objects.count() == 1


def test_a_lead_chooses_the_team_for_a_report_no_team_covers(
    client_for, settings, lead, practitioner
):
    settings.INTAKE_AREAS = ""
    settings.INTAKE_TEAM = ""
    south = factories.team("South locality team")
    edith = factories.person(practitioner, given_name="Edith", family_name="Blackwood")
    send_report(client_for(None))
    report = PublicReport.objects.get()
    url = reverse("frontdoor:report", args=[report.pk])
    missing = client_for(lead).post(url, {"person": edith.pk, **TRIAGE})
    assert "Select the team" in missing.content.decode()
    client_for(lead).post(url, {"person": edith.pk, "team": south.pk, **TRIAGE})
    assert Case.objects.get(person=edith).team == south

"""Lists, searches and refused attempts are in the audit log: one event per
record shown, written in one statement; refusals survive a failing request."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from msp.accounts.models import ApiToken
from msp.audit.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


def views_in(shown_in: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="view", changes__shown_in=shown_in))


def test_people_search_records_each_person_shown_but_not_the_search_terms(client_for, practitioner):
    found = [factories.person(practitioner, family_name="Ashdown") for _ in range(3)]
    factories.person(practitioner, family_name="Bellamy")
    client = client_for(practitioner)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("people:find"), {"q": "Ashdown"})
    events = views_in("people search")
    assert sorted(e.person_id for e in events) == sorted(p.pk for p in found)
    assert all(e.user == practitioner and e.channel == "web" for e in events)
    assert "Ashdown" not in str([(e.changes, e.reason) for e in events])
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "audit_auditevent"')]
    assert len(inserts) == 1


def test_team_cases_record_each_case_shown(client_for, practitioner, outsider):
    mine = [factories.case(practitioner) for _ in range(2)]
    factories.case(outsider)
    client_for(practitioner).get(reverse("cases:team-cases"))
    events = views_in("team cases")
    assert sorted(e.case_id for e in events) == sorted(c.pk for c in mine)
    assert {e.person_id for e in events} == {c.person_id for c in mine}


def test_api_case_list_writes_one_insert_for_the_page(practitioner):
    for _ in range(3):
        factories.case(practitioner)
    _, raw = ApiToken.objects.issue(practitioner, name="tests")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/cases").status_code == 200
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "audit_auditevent"')]
    assert len(inserts) == 1
    assert len(views_in("API case list")) == 3
    assert {e.channel for e in views_in("API case list")} == {"api"}


def test_a_refused_case_is_recorded_with_the_status(client_for, practitioner, outsider):
    case = factories.case(practitioner)
    response = client_for(outsider).get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 404
    refused = AuditEvent.objects.get(action="case.refused")
    assert refused.user == outsider
    assert refused.changes == {"requested_id": case.pk, "status": 404}
    assert refused.object_id == str(case.pk)


def test_a_refused_change_is_recorded_as_403(client_for, practitioner, other_manager):
    person = factories.person(practitioner)
    response = client_for(other_manager).post(
        reverse("people:edit", args=[person.pk]), {"given_name": "X"}
    )
    assert response.status_code == 403
    refused = AuditEvent.objects.get(action="person.refused")
    assert refused.changes == {"requested_id": person.pk, "status": 403}


def test_a_refusal_survives_the_rollback_of_the_request(practitioner, outsider):
    """Inside a failing transaction the refusal waits, and is written after it."""
    from django.db import transaction
    from django.http import Http404

    from msp.accounts.access import get_case_for_user
    from msp.audit.log import flush_deferred, start_deferred

    case = factories.case(practitioner)
    token = start_deferred()
    with pytest.raises(Http404), transaction.atomic():
        get_case_for_user(outsider, case.pk, write=True)
    assert not AuditEvent.objects.filter(action="case.refused").exists()
    flush_deferred(token)
    assert AuditEvent.objects.filter(action="case.refused", user=outsider).count() == 1

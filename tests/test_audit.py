"""Audit events are written with every change, in the same transaction, and can
never be changed or removed."""

import pytest
from django.db import DatabaseError, connection, transaction

from msp.audit.models import AppendOnlyError, AuditEvent
from msp.cases.errors import StaleVersion
from msp.people.actions import update_person
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_change_records_who_what_and_old_and_new_values(practitioner):
    person = factories.person(practitioner, phone="01632 960001")
    update_person(
        person,
        by=practitioner,
        expected_version=person.version,
        phone="01632 960999",
        safe_to_phone="not_safe",
    )
    event = AuditEvent.objects.get(action="person.updated")
    assert event.user == practitioner
    assert event.object_type == "people.person"
    assert event.object_id == str(person.pk)
    assert event.changes == {
        "phone": ["01632 960001", "01632 960999"],
        "safe_to_phone": ["unknown", "not_safe"],
    }
    assert event.channel == "system"


def test_a_failed_change_leaves_no_audit_event(practitioner):
    person = factories.person(practitioner)
    before = AuditEvent.objects.count()
    with pytest.raises(StaleVersion):
        update_person(person, by=practitioner, expected_version=person.version + 5, phone="1")
    assert AuditEvent.objects.count() == before


def test_audit_events_cannot_be_changed_or_deleted_through_the_app(practitioner):
    factories.person(practitioner)
    event = AuditEvent.objects.filter(action="person.created").first()
    event.action = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "person.created"


def test_the_database_refuses_raw_updates(practitioner):
    factories.person(practitioner)
    event = AuditEvent.objects.filter(action="person.created").first()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'tampered' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "person.created"


def test_the_database_refuses_raw_deletes_on_postgresql(practitioner):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps a delete trigger off so its test runner can empty tables")
    factories.person(practitioner)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.exists()

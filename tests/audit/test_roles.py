"""On PostgreSQL the app runs as a role that can add audit events and read
them, and nothing else: it cannot change, delete, truncate or unguard them."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from msp.audit.models import AuditEvent
from msp.audit.redaction import redact_events
from msp.audit.verify import verify
from tests import factories

pytestmark = pytest.mark.django_db

ROLE = "msp_app_test"


@pytest.fixture
def app_role():
    if connection.vendor != "postgresql":
        pytest.skip("Database roles are a PostgreSQL feature")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {ROLE} LOGIN")  # rolled back with the test
    call_command("grant_app_role", ROLE)
    return ROLE


def refused(sql: str) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


def test_the_app_role_may_add_and_read_audit_events_but_never_change_them(app_role, practitioner):
    event = factories.person(practitioner) and AuditEvent.objects.order_by("seq").last()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"SET ROLE {app_role}")
    try:
        # the app's normal work: a person created, a case raised, both audited
        person = factories.person(practitioner, phone="01632 960001")
        factories.case(practitioner, about=person)
        assert AuditEvent.objects.filter(person_id=person.pk).exists()
        refused(f"UPDATE audit_auditevent SET reason = 'x' WHERE id = {event.pk}")
        refused(f"DELETE FROM audit_auditevent WHERE id = {event.pk}")
        refused("TRUNCATE audit_auditevent")
        refused("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_no_update")
        refused("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        refused("DROP TRIGGER audit_no_update ON audit_auditevent")
        # ... but may redact, through the owner's function
        assert redact_events([event.pk], by=None, reason="Retention period ended") == 1
        assert verify().ok
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def test_grant_app_role_refuses_an_unknown_role_or_the_owner():
    if connection.vendor != "postgresql":
        pytest.skip("Database roles are a PostgreSQL feature")
    with pytest.raises(CommandError, match="no database role called nobody_here"):
        call_command("grant_app_role", "nobody_here")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
    with pytest.raises(CommandError, match="must not be the owner"):
        call_command("grant_app_role", owner)


def test_grant_app_role_says_sqlite_has_no_roles():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("grant_app_role", "msp_app")

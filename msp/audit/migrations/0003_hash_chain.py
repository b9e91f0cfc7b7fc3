"""Seal the audit log into a hash chain, and allow exactly one update: retention
blanking an event's changes and reason (redaction) while its hashes stay.

On PostgreSQL the redaction is a SECURITY DEFINER function owned by the role
that runs migrations, so the app's role can redact without UPDATE rights on the
table (see ``manage.py grant_app_role`` and docs/operations.md). SQLite keeps no
delete trigger: its test runner empties tables with DELETE between tests.
"""

from django.db import migrations, models

from msp.audit import chain

SAME = [
    "id", "seq", "at", "user_id", "action", "channel", "object_type", "object_id",
    "case_id", "person_id", "content_hash", "chain_hash",
]  # fmt: skip

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
       AND NEW.changes = '{}'::jsonb AND NEW.reason = ''
       AND %(same)s THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
""" % {"same": " AND ".join(f"NEW.{c} IS NOT DISTINCT FROM OLD.{c}" for c in SAME)}

PG_TRIGGERS = """
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
"""
PG_DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS audit_no_update ON audit_auditevent;
DROP TRIGGER IF EXISTS audit_no_delete ON audit_auditevent;
"""
PG_REDACT = """
CREATE OR REPLACE FUNCTION audit_redact(event_ids bigint[], redacted timestamptz)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    n integer;
BEGIN
    UPDATE audit_auditevent SET changes = '{}'::jsonb, reason = '', redacted_at = redacted
        WHERE id = ANY(event_ids) AND redacted_at IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END;
$$;
REVOKE ALL ON FUNCTION audit_redact(bigint[], timestamptz) FROM PUBLIC;
"""
PG_REDACT_DROP = "DROP FUNCTION IF EXISTS audit_redact(bigint[], timestamptz);"
PG_OLD_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
"""

SQLITE_TRIGGER = """
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
WHEN NOT (
    OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
    AND NEW.changes = '{}' AND NEW.reason = '' AND %(same)s
)
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
""" % {"same": " AND ".join(f"NEW.{c} IS OLD.{c}" for c in SAME)}
SQLITE_OLD_TRIGGER = """
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_auditevent
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS audit_no_update;"


def seal_existing(apps, schema_editor):  # type: ignore[no-untyped-def]
    AuditEvent = apps.get_model("audit", "AuditEvent")
    previous = chain.GENESIS
    rows = []
    for seq, event in enumerate(AuditEvent.objects.order_by("id").iterator(), start=1):
        content = chain.content_hash(
            at=event.at, user_id=event.user_id, action=event.action, channel=event.channel,
            object_type=event.object_type, object_id=event.object_id, case_id=event.case_id,
            person_id=event.person_id, changes=event.changes, reason=event.reason,
        )  # fmt: skip
        previous = chain.chain_hash(previous, content, seq)
        rows.append((seq, content, previous, event.pk))
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE audit_auditevent SET seq = %s, content_hash = %s, chain_hash = %s "
            "WHERE id = %s",
            rows,
        )


def drop_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_DROP_TRIGGERS)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


def new_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        schema_editor.execute(PG_TRIGGERS)
        schema_editor.execute(PG_REDACT)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)


def drop_new_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    drop_triggers(apps, schema_editor)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_REDACT_DROP)


def old_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_OLD_FUNCTION)
        schema_editor.execute(PG_TRIGGERS)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_OLD_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.RunPython(drop_triggers, old_triggers),
        migrations.AddField(
            model_name="auditevent",
            name="seq",
            field=models.BigIntegerField(editable=False, null=True, unique=True),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="content_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="chain_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="redacted_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(db_index=True, max_length=64),
        ),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
        migrations.RunPython(new_triggers, drop_new_triggers),
    ]

"""The audit log proves itself: every event is chained, and verify_audit names
the first event that was changed, removed, reordered or cut off."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from msp.audit.checkpoint import read_checkpoints
from msp.audit.log import write
from msp.audit.models import AuditEvent
from msp.audit.redaction import redact_events
from msp.audit.verify import verify
from tests import factories

pytestmark = pytest.mark.django_db


def events(n: int, by=None) -> list[AuditEvent]:
    return [
        write(
            by=by,
            action="person.updated",
            object_type="people.person",
            object_id=str(i),
            person_id=i,
            changes={"phone": ["01632 960001", f"01632 96{i:04d}"]},
            reason=f"reason {i}",
        )
        for i in range(1, n + 1)
    ]


def tamper(sql: str, params: list | None = None) -> None:
    """Change the log as a database superuser would: drop the triggers first."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
        cursor.execute(sql, params or [])


def failure() -> str:
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit")
    return str(raised.value)


def test_events_are_numbered_and_chained_in_order(practitioner):
    factories.person(practitioner)
    written = events(3)
    seqs = list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))
    assert [e.seq for e in written] == seqs[-3:]
    assert all(len(e.chain_hash) == 64 for e in written)
    assert verify().ok


def test_a_bulk_write_chains_every_event_in_one_go(practitioner):
    people = [factories.person(practitioner) for _ in range(3)]
    from msp.audit.log import record_views

    before = AuditEvent.objects.count()
    shown = record_views(by=practitioner, shown=[(p, None, p.pk) for p in people])
    assert AuditEvent.objects.count() == before + 3
    assert [e.seq for e in shown] == [before + 1, before + 2, before + 3]
    assert verify().ok


def test_verify_audit_passes_an_untouched_log(capsys):
    events(5)
    call_command("verify_audit")
    assert "intact: 5 events checked" in capsys.readouterr().out


def test_a_changed_event_is_named(practitioner):
    written = events(5)
    target = written[2]
    tamper("UPDATE audit_auditevent SET reason = 'nothing to see' WHERE id = %s", [target.pk])
    message = failure()
    assert f"seq {target.seq} (event id {target.pk}) was changed" in message


def test_a_changed_event_with_a_recomputed_hash_breaks_the_next_link():
    written = events(5)
    target = written[1]
    target.reason = "rewritten"
    new_hash = target.compute_content_hash()
    tamper(
        "UPDATE audit_auditevent SET reason = 'rewritten', content_hash = %s WHERE id = %s",
        [new_hash, target.pk],
    )
    assert f"chain is broken at seq {target.seq}" in failure()


def test_a_deleted_event_is_named():
    written = events(5)
    tamper("DELETE FROM audit_auditevent WHERE id = %s", [written[2].pk])
    message = failure()
    assert f"missing before seq {written[3].seq} (event id {written[3].pk})" in message


def test_a_deleted_event_with_the_rest_renumbered_breaks_the_chain():
    written = events(5)
    tamper("DELETE FROM audit_auditevent WHERE id = %s", [written[2].pk])
    tamper("UPDATE audit_auditevent SET seq = seq - 1 WHERE seq > %s", [written[2].seq])
    assert f"chain is broken at seq {written[2].seq} (event id {written[3].pk})" in failure()


def test_reordered_events_are_named():
    written = events(5)
    a, b = written[1], written[2]
    tamper("UPDATE audit_auditevent SET seq = -1 WHERE id = %s", [a.pk])
    tamper("UPDATE audit_auditevent SET seq = %s WHERE id = %s", [a.seq, b.pk])
    tamper("UPDATE audit_auditevent SET seq = %s WHERE id = %s", [b.seq, a.pk])
    message = failure()
    assert f"seq {a.seq} (event id {b.pk})" in message


def test_a_truncated_tail_shows_against_the_checkpoints(tmp_path, settings):
    path = tmp_path / "checkpoints.log"
    settings.MSP_AUDIT_CHECKPOINT_FILE = str(path)
    written = events(6)
    call_command("verify_audit")  # writes a checkpoint at seq 6
    assert [cp.seq for cp in read_checkpoints(path)] == [written[-1].seq]
    tamper("DELETE FROM audit_auditevent WHERE seq > %s", [written[3].seq])
    call_command("verify_audit")  # the chain alone cannot tell ...
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit", checkpoints=path)  # ... the checkpoint can
    assert f"ends at seq {written[3].seq}" in str(raised.value)
    assert f"recorded seq {written[-1].seq}" in str(raised.value)


def test_rewritten_history_shows_against_the_checkpoints(tmp_path, settings):
    path = tmp_path / "checkpoints.log"
    settings.MSP_AUDIT_CHECKPOINT_FILE = str(path)
    written = events(4)
    call_command("verify_audit")
    # Rebuild the whole chain from a forged first event: self-consistent, but
    # no longer the chain the checkpoint saw.
    tamper("UPDATE audit_auditevent SET reason = 'forged' WHERE id = %s", [written[0].pk])
    previous = "0" * 64
    from msp.audit import chain

    for event in AuditEvent.objects.order_by("seq"):
        event_hash = event.compute_content_hash()
        previous = chain.chain_hash(previous, event_hash, event.seq)
        tamper(
            "UPDATE audit_auditevent SET content_hash = %s, chain_hash = %s WHERE id = %s",
            [event_hash, previous, event.pk],
        )
    call_command("verify_audit")
    with pytest.raises(CommandError) as raised:
        call_command("verify_audit", checkpoints=path)
    assert "does not match the log at seq" in str(raised.value)


def test_checkpoints_are_written_every_n_events(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    path = tmp_path / "checkpoints.log"
    settings.MSP_AUDIT_CHECKPOINT_FILE = str(path)
    settings.MSP_AUDIT_CHECKPOINT_EVERY = 3
    with django_capture_on_commit_callbacks(execute=True):
        events(7)
    assert [cp.seq for cp in read_checkpoints(path)] == [3, 6]
    assert "person" not in path.read_text().replace("audit checkpoint", "")


def test_redaction_blanks_the_content_keeps_the_proof_and_leaves_a_tombstone(practitioner):
    written = events(4)
    count = redact_events([written[0].pk, written[1].pk], by=None, reason="Retention period ended")
    assert count == 2
    first = AuditEvent.objects.get(pk=written[0].pk)
    assert first.changes == {} and first.reason == "" and first.redacted_at is not None
    assert first.chain_hash == written[0].chain_hash
    tombstone = AuditEvent.objects.get(action="audit.redacted")
    assert tombstone.changes == {"count": 2, "first_id": written[0].pk, "last_id": written[1].pk}
    assert verify().ok
    assert redact_events([written[0].pk], by=None, reason="again") == 0


def test_a_redacted_event_still_cannot_be_changed():
    written = events(2)
    redact_events([written[0].pk], by=None, reason="Retention period ended")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [written[0].pk])


def test_the_database_refuses_an_update_that_is_not_a_redaction():
    written = events(2)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        # blanks the content, but also changes the action
        cursor.execute(
            "UPDATE audit_auditevent SET changes = '{}', reason = '', action = 'x', "
            "redacted_at = CURRENT_TIMESTAMP WHERE id = %s",
            [written[0].pk],
        )


def test_verify_audit_logs_a_checkpoint_without_personal_data(caplog):
    written = events(2)
    with caplog.at_level("INFO", logger="msp.audit.checkpoint"):
        call_command("verify_audit")
    (record,) = [r for r in caplog.records if r.name == "msp.audit.checkpoint"]
    assert f"seq={written[-1].seq} chain={written[-1].chain_hash}" in record.getMessage()
    assert "01632" not in record.getMessage() and "reason" not in record.getMessage()


def test_an_unwritable_checkpoint_file_does_not_fail_the_write(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MSP_AUDIT_CHECKPOINT_FILE = str(tmp_path / "missing-folder" / "checkpoints.log")
    settings.MSP_AUDIT_CHECKPOINT_EVERY = 1
    with django_capture_on_commit_callbacks(execute=True):
        events(1)
    assert verify().ok


def test_an_event_inserted_behind_the_apps_back_is_named():
    events(2)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (at, action, channel, object_type, object_id, "
            "changes, reason, content_hash, chain_hash) VALUES "
            "(CURRENT_TIMESTAMP, 'view', 'web', 'people.person', '9', '{}', '', '', '')"
        )
        forged = cursor.lastrowid if connection.vendor == "sqlite" else None
    message = failure()
    assert "has no sequence number" in message
    if forged:
        assert f"Event id {forged}" in message

"""Benchmark the audit log's hash chain: bulk-insert N chained events, then
time ``verify_audit``'s walk over them.

    .venv/bin/python bench/audit_bench.py [--events 1000000] [--batch 5000]
    .venv/bin/python scripts/pg_throwaway.py -- .venv/bin/python bench/audit_bench.py

Creates a throwaway test database (a temporary file for SQLite, so the figures
include real disk writes; ``test_<name>`` when DATABASE_URL names PostgreSQL),
writes the events through ``AuditEvent.objects.append`` (the bulk writer the
lists use) in batches, and prints events per second for writing and for
verifying. Not run by the test suite.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("MSP_SQLITE_PATH", str(Path(_tmp.name) / "bench.sqlite3"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from msp.audit import chain  # noqa: E402
from msp.audit.models import AuditEvent  # noqa: E402
from msp.audit.verify import verify  # noqa: E402

COLUMNS = (
    "seq", "at", "user_id", "action", "channel", "object_type", "object_id", "case_id",
    "person_id", "changes", "reason", "content_hash", "chain_hash",
)  # fmt: skip


def event(i: int) -> AuditEvent:
    return AuditEvent(
        action="view",
        channel="web",
        object_type="cases.case",
        object_id=str(i),
        case_id=i,
        person_id=i,
        changes={"shown_in": "team cases"},
    )


def write_with_the_app(start: int, count: int, batch: int) -> None:
    """Through the writer the lists use: lock, last link, one INSERT a batch."""
    for first in range(start, start + count, batch):
        with transaction.atomic():
            AuditEvent.objects.append(
                [event(i) for i in range(first, min(first + batch, start + count))]
            )


def fill_fast(start: int, count: int, batch: int) -> None:
    """The same chained rows, built here and inserted with executemany: the
    ORM's per-value work would make a million rows take many minutes."""
    last = AuditEvent.objects.order_by("-seq").values_list("seq", "chain_hash").first()
    seq, previous = (last[0] or 0, last[1]) if last else (0, chain.GENESIS)
    cast = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    marks = ", ".join(cast if c == "changes" else "%s" for c in COLUMNS)
    sql = f"INSERT INTO audit_auditevent ({', '.join(COLUMNS)}) VALUES ({marks})"  # noqa: S608
    adapt = connection.ops.adapt_datetimefield_value
    for first in range(start, start + count, batch):
        rows = []
        for i in range(first, min(first + batch, start + count)):
            e = event(i)
            seq += 1
            e.seal(seq, previous)
            previous = e.chain_hash
            rows.append(
                (
                    e.seq,
                    adapt(e.at),
                    None,
                    e.action,
                    e.channel,
                    e.object_type,
                    e.object_id,
                    e.case_id,
                    e.person_id,
                    json.dumps(e.changes),
                    "",
                    e.content_hash,
                    e.chain_hash,
                )
            )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--app-events", type=int, default=20_000,
                        help="how many of them to write through the app's writer")  # fmt: skip
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    settings.MSP_AUDIT_CHECKPOINT_EVERY = 0
    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(Path(_tmp.name) / "test.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        app = min(args.app_events, args.events)
        started = time.monotonic()
        write_with_the_app(0, app, args.batch)
        took = time.monotonic() - started
        print(f"{connection.vendor}: the app's bulk writer: {app:,} events in {took:.1f} s "
              f"({app / took:,.0f} a second)")  # fmt: skip
        started = time.monotonic()
        fill_fast(app, args.events - app, args.batch)
        print(f"{connection.vendor}: filled to {args.events:,} events in "
              f"{time.monotonic() - started:.1f} s")  # fmt: skip
        started = time.monotonic()
        result = verify()
        took = time.monotonic() - started
        assert result.ok, result.problems
        print(f"{connection.vendor}: verify_audit walked {result.checked:,} events in "
              f"{took:.1f} s ({result.checked / took:,.0f} a second)")  # fmt: skip
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

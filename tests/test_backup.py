"""Backup and restore as docs/operations.md describes them: ``pg_dump -Fc`` of the
database, ``pg_restore`` into a new, empty database, and the restored records are
the same as the originals."""

import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.concerns.models import Concern
from msp.enquiries.models import DesiredOutcome
from msp.people.models import Person
from tests import factories

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump and pg_restore back up PostgreSQL, the production database",
)


def snapshot() -> str:
    """The records that matter, as JSON, from whichever database is configured:
    counts of each kind, and every case, concern and person in full."""
    counts = {
        model.__name__: model.objects.count()
        for model in (Person, Case, Concern, DesiredOutcome, AuditEvent)
    }
    rows = {
        "cases": list(Case.objects.order_by("pk").values()),
        "concerns": list(Concern.objects.order_by("pk").values()),
        "people": list(Person.objects.order_by("pk").values()),
        "audit": list(AuditEvent.objects.order_by("pk").values()),
    }
    return json.dumps({"counts": counts, "rows": rows}, sort_keys=True, default=str)


def client_tool(name: str) -> str:
    """pg_dump or pg_restore, from the newest PostgreSQL installed (a dump must be
    made by a pg_dump at least as new as the server)."""

    def version(path: str) -> int:
        found = re.search(r"/postgresql/(\d+)/", path)
        return int(found.group(1)) if found else 0

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    if not candidates:
        pytest.fail(f"{name} not found under /usr/lib/postgresql/*/bin/")
    return candidates[-1]


def libpq_env(database: str) -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": database, "PGHOST": db["HOST"] or "localhost"}
    env.update({"PGPORT": str(db["PORT"] or 5432), "PGUSER": db["USER"]})
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def url_for(database: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = db["HOST"] or "localhost"
    return f"postgresql://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{database}"


def manage(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py against ``database`` in a separate process."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url_for(database)},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def run(*command: str, env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_to_the_same_records(tmp_path, client_for, practitioner):
    # Records made through the app: a person and a concern on the web, a case
    # moved into its enquiry, and the audit events all of that wrote.
    client = client_for(practitioner)
    person = factories.person(practitioner, family_name="Backup", safe_to_phone="not_safe")
    client.get(reverse("people:detail", args=[person.pk]))
    case = factories.case(practitioner, state="enquiry", about=person)
    client.get(reverse("cases:detail", args=[case.pk]))
    assert AuditEvent.objects.filter(case_id=case.pk).count() >= 4
    original = json.loads(snapshot())

    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"
    dump = tmp_path / "msp.dump"
    run(client_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(dump), env=libpq_env(source))
    assert dump.stat().st_size > 0

    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        run(
            client_tool("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "-d",
            restored,
            str(dump),
            env=libpq_env(restored),
        )
        read = manage(
            restored,
            "shell",
            "--no-imports",
            "-c",
            "from tests.test_backup import snapshot; print(snapshot())",
        )
        assert read.returncode == 0, read.stderr
        copy = json.loads(read.stdout.strip().splitlines()[-1])
        assert copy["counts"] == original["counts"]
        assert copy["rows"] == original["rows"]
        [restored_case] = [row for row in copy["rows"]["cases"] if row["id"] == case.pk]
        assert restored_case["reference"] == case.reference
        assert restored_case["state"] == "enquiry"

        # Nothing is waiting to be migrated in the restored copy.
        plan = manage(restored, "migrate", "--check", "--plan")
        assert plan.returncode == 0, plan.stdout + plan.stderr

        # The restored audit log proves itself: every event chained, none missing.
        verified = manage(restored, "verify_audit")
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert AuditEvent.objects.count() > 0
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')

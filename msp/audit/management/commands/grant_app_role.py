"""manage.py grant_app_role ROLE: give the application's database role what it
needs, and no more. Run as the owner role after every ``migrate``.

The app role may read and write every table except the audit log, where it may
only INSERT and SELECT; it may call the redaction function ``audit_redact``; it
owns nothing, so it cannot disable the audit triggers, alter or truncate tables.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

AUDIT_TABLE = "audit_auditevent"
READ_ONLY_TABLES = frozenset({"django_migrations"})


class Command(BaseCommand):
    help = "Grant the application's PostgreSQL role its rights (run as the owner after migrate)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role", help="The role the application connects as, e.g. msp_app")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Database roles apply to PostgreSQL only; SQLite has none.")
        role = options["role"]
        q = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone() is None:
                raise CommandError(f"There is no database role called {role}. Create it first.")
            cursor.execute("SELECT current_schema(), current_user")
            schema, owner = cursor.fetchone()
            if role == owner:
                raise CommandError("The app role must not be the owner role that runs migrations.")
            tables = connection.introspection.table_names(cursor)
            with transaction.atomic():
                cursor.execute(f"GRANT USAGE ON SCHEMA {q(schema)} TO {q(role)}")
                for table in tables:
                    cursor.execute(f"REVOKE ALL ON TABLE {q(table)} FROM {q(role)}")
                    if table == AUDIT_TABLE or table in READ_ONLY_TABLES:
                        rights = "SELECT" if table in READ_ONLY_TABLES else "SELECT, INSERT"
                    else:
                        rights = "SELECT, INSERT, UPDATE, DELETE"
                    cursor.execute(f"GRANT {rights} ON TABLE {q(table)} TO {q(role)}")
                cursor.execute(
                    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {q(schema)} TO {q(role)}"
                )
                cursor.execute(
                    f"GRANT EXECUTE ON FUNCTION audit_redact(bigint[], timestamptz) TO {q(role)}"
                )
        self.stdout.write(
            f"Granted {role} read and write on {len(tables) - 1} tables, and only "
            f"INSERT and SELECT on {AUDIT_TABLE}."
        )

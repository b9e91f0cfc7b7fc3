"""The chronology reads one case's changes through an index built for it
(``audit_case_chronology_idx``: case, action, time, id; views left out, so
writing a view event does not touch it)."""

from django.db import connection, transaction

from msp.cases.chronology import chronology_events
from tests import factories


def test_the_chronology_query_uses_its_index(practitioner):
    case = factories.case(practitioner, state="triage")
    events = chronology_events(case.pk).values("pk")
    sql, params = events.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(str(row) for row in cursor.fetchall())
    assert "audit_case_chronology_idx" in plan, plan

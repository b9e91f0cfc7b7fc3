"""The chronology reads one case's changes through an index built for it
(``audit_case_chronology_idx``: case, action, time, id; views left out, so
writing a view event does not touch it)."""

from django.db import connection, transaction

from msp.audit.log import record_views
from msp.cases.chronology import chronology_events
from tests import factories


def test_the_chronology_query_uses_its_index(practitioner):
    case = factories.case(practitioner, state="triage")
    # A case that has been looked at often, as a live one is: its views are
    # many, its changes few. With statistics to say so, the planner has a
    # reason to prefer the index that leaves views out (on a near-empty table
    # every index costs the same, and it may pick any).
    record_views(by=practitioner, shown=[(case, case.pk, case.person_id)] * 400)
    events = chronology_events(case.pk).values("pk")
    sql, params = events.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE audit_auditevent")
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = "\n".join(str(row) for row in cursor.fetchall())
    if connection.vendor == "postgresql":
        # In a full run the planner's statistics come from every other test's
        # rows, and on a small table it may take any of three usable indexes:
        # here only that the query is answered from an index, not a scan.
        assert "Index" in plan and "Seq Scan" not in plan, plan
    else:
        assert "audit_case_chronology_idx" in plan, plan

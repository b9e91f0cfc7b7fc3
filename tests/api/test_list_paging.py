"""The API's lists page with ``limit`` (at most 100) and ``offset``, say whether
there is more and link to the next page, never count every match, and cost the
same queries however many rows there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp.audit.models import AuditEvent
from msp.cases import actions
from tests import factories

REASON = "She asked that only her allocated worker sees this, for her safety."


def _queries(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path, **params).status_code == 200
    return len(ctx.captured_queries)


def test_case_list_costs_the_same_at_any_length(api, practitioner):
    for _ in range(5):
        factories.case(practitioner)
    client = api(practitioner)
    few = _queries(client, "/cases", limit=100)
    for _ in range(55):
        factories.case(practitioner)
    assert _queries(client, "/cases", limit=100) == few


def test_people_list_costs_the_same_at_any_length(api, practitioner):
    for _ in range(5):
        factories.person(practitioner, family_name="Listwood")
    client = api(practitioner)
    few = (_queries(client, "/people", limit=100), _queries(client, "/people", q="Listwood"))
    for _ in range(55):
        factories.person(practitioner, family_name="Listwood")
    many = (_queries(client, "/people", limit=100), _queries(client, "/people", q="Listwood"))
    assert many == few


def test_following_next_reads_every_case_once(api, practitioner):
    cases = [factories.case(practitioner) for _ in range(7)]
    client = api(practitioner)
    seen, path, params = [], "/cases", {"limit": 3}
    while path:
        body = client.get(path, **params).json()
        seen += [c["id"] for c in body["items"]]
        path, params = body["next"], {}
    assert sorted(seen) == sorted(c.pk for c in cases) and len(seen) == 7
    assert body["more"] is False and body["count"] == 7


def test_a_page_is_audited_in_one_statement(api, practitioner):
    for _ in range(8):
        factories.case(practitioner)
    client = api(practitioner)
    before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        client.get("/cases", limit=5, offset=5)
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith('INSERT INTO "audit_')]
    assert len(inserts) == 1
    assert AuditEvent.objects.count() - before == 3


def test_more_than_100_is_refused_with_a_reason(api, practitioner):
    client = api(practitioner)
    for path in ("/cases", "/people"):
        r = client.get(path, limit=101)
        assert r.status_code == 422
        assert "limit" in r.json()["errors"]
        assert "100" in str(r.json()["errors"]["limit"])
        assert client.get(path, limit=0).status_code == 422
        assert client.get(path, offset=-1).status_code == 422


def test_another_teams_restricted_case_is_not_listed(api, practitioner, colleague, outsider, lead):
    restricted = factories.case(practitioner, state="enquiry")
    actions.restrict_case(restricted, by=lead, reason=REASON, named=[practitioner])
    south = factories.case(outsider)
    body = api(outsider).get("/cases").json()
    assert [c["id"] for c in body["items"]] == [south.pk]
    assert body["restricted"] == []
    # In the same team, the colleague gets the reference only.
    body = api(colleague).get("/cases").json()
    assert restricted.pk not in [c["id"] for c in body["items"]]
    assert [r["reference"] for r in body["restricted"]] == [restricted.reference]
    found = api(outsider).get("/people", q=restricted.person.family_name).json()
    assert found["items"] == []

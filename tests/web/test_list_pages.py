"""Lists that page: My cases, Team cases, people search and the audit desk show
50 rows a page with GOV.UK pagination, cost the same queries however long the
list, and write the audit rows for a page in one statement."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from msp.audit.log import write
from msp.audit.models import AuditEvent
from msp.cases import actions
from msp.cases.models import Case
from tests import factories
from tests.web.conftest import text_of

REASON = "She asked that only her allocated worker sees this, for her safety."


def _cases(by, n, **kwargs):
    return [factories.case(by, **kwargs) for _ in range(n)]


def _queries(client, url, params=None) -> int:
    client.get(url, params or {})  # the first request after signing in saves the session
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _references(response) -> list[str]:
    return re.findall(r">(SG-[\w-]+)</a>", response.content.decode())


def test_team_cases_page_and_cost_the_same_at_any_length(client_for, practitioner):
    _cases(practitioner, 5)
    client = client_for(practitioner)
    url = reverse("cases:team-cases")
    few = _queries(client, url)
    _cases(practitioner, 55)
    many = _queries(client, url)
    assert many == few

    first = client.get(url)
    second = client.get(url, {"page": 2})
    on_first, on_second = _references(first), _references(second)
    assert len(on_first) == 50 and len(on_second) == 10
    newest_first = [c.reference for c in Case.objects.order_by("-opened_at", "-id")]
    assert on_first + on_second == newest_first  # each page in order, no row lost or repeated
    assert 'aria-current="page">1<' in first.content.decode()
    assert 'rel="next"' in first.content.decode() and "page=2" in first.content.decode()
    assert 'rel="prev"' in second.content.decode() and 'rel="next"' not in second.content.decode()


def test_the_page_link_keeps_the_filter(client_for, practitioner):
    _cases(practitioner, 51, state="triage")
    html = client_for(practitioner).get(reverse("cases:team-cases"), {"state": "triage"})
    assert "state=triage&amp;page=2" in html.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client_for, practitioner):
    cases = _cases(practitioner, 3)
    text = text_of(client_for(practitioner).get(reverse("cases:team-cases"), {"page": 9}))
    assert all(c.reference in text for c in cases)


def test_my_cases_page_allocated_first(client_for, practitioner, colleague, manager):
    raised = _cases(practitioner, 5)
    client = client_for(practitioner)
    url = reverse("cases:my-cases")
    few = _queries(client, url)
    led = _cases(colleague, 50)
    for case in led:
        actions.allocate_case(case, by=manager, worker=practitioner, expected_version=case.version)
    raised += _cases(practitioner, 5)
    many = _queries(client, url)
    assert many == few

    first, second = client.get(url), client.get(url, {"page": 2})
    # Allocated to me first (50), then the concerns I raised (10).
    assert set(_references(first)) == {c.reference for c in led}
    assert set(_references(second)) == {c.reference for c in raised}
    assert "Allocated to you" not in text_of(second)


def test_only_the_page_shown_is_audited_in_one_statement(client_for, practitioner):
    _cases(practitioner, 60)
    client = client_for(practitioner)
    before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("cases:team-cases"), {"page": 2})
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith('INSERT INTO "audit_')]
    assert len(inserts) == 1
    shown = AuditEvent.objects.filter(action="view", changes__shown_in="team cases")
    assert AuditEvent.objects.count() - before == 10 == shown.count()


def test_another_teams_restricted_case_never_shows(
    client_for, practitioner, colleague, outsider, lead
):
    restricted = factories.case(practitioner, state="enquiry")
    actions.restrict_case(restricted, by=lead, reason=REASON, named=[practitioner])
    south = _cases(outsider, 2)
    # A colleague in the team sees the reference only; another team sees nothing.
    colleague_view = client_for(colleague).get(reverse("cases:team-cases"))
    assert restricted.reference in _references(colleague_view)
    assert restricted.person.full_name not in text_of(colleague_view)
    outsider_view = client_for(outsider).get(reverse("cases:team-cases"))
    assert set(_references(outsider_view)) == {c.reference for c in south}
    searched = client_for(outsider).get(
        reverse("people:find"), {"q": restricted.person.family_name}
    )
    assert restricted.person.full_name not in text_of(searched)


def test_people_search_pages_best_first(client_for, practitioner):
    people = [factories.person(practitioner, family_name="Pagewood") for _ in range(55)]
    client = client_for(practitioner)
    first = client.get(reverse("people:find"), {"q": "Pagewood"})
    second = client.get(reverse("people:find"), {"q": "Pagewood", "page": 2})
    shown_first = re.findall(r'href="/people/(\d+)/"', first.content.decode())
    shown_second = re.findall(r'href="/people/(\d+)/"', second.content.decode())
    assert len(shown_first) == 50 and len(shown_second) == 5
    assert {int(pk) for pk in shown_first + shown_second} == {p.pk for p in people}
    assert "q=Pagewood&amp;page=2" in first.content.decode()
    views = AuditEvent.objects.filter(changes__shown_in="people search")
    assert views.count() == 55  # each page audits only the people it shows


def test_audit_desk_pages_without_counting_everything(client_for, auditor, practitioner):
    for i in range(5):
        write(by=practitioner, action="view", object_type="people.person", object_id=str(i))
    client = client_for(auditor)
    url, query = reverse("audit:search"), {"username": practitioner.username}
    few = _queries(client, url, query)
    for i in range(300):
        write(by=practitioner, action="view", object_type="people.person", object_id=str(i))
    many = _queries(client, url, query)
    assert many == few
    text = text_of(client.get(url, query))
    # Five pages ahead are counted, no further: the total is not given.
    assert "More than 250 events" in text and "page 1 of" not in text

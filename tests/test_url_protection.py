"""Walks every URL pattern and fails if one is not protected: signed-out users
are sent to sign in (or get 401 from the API), and people outside the case's
team, board members and auditors get 404 for every person, case, outcome and
record of a case (an override, a plan action, an escalation).

For a restricted case, a practitioner of the same team who is not named sees
only that it exists and is restricted (403, no personal data) on every URL of
the case and its records, the person's record is hidden (404), and all of it
works for a named person and after break-glass, until the grant expires."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from msp.accounts.models import ApiToken
from msp.cases import actions as restriction_actions
from tests import factories, record_factories

pytestmark = pytest.mark.django_db

# Pages anyone may open without signing in, and why.
PUBLIC = {
    "accounts:sign-in": "signing in",
    "accounts:signed-out": "says the user has signed out; shows nothing else",
    "frontdoor:start": "anyone can report a concern about an adult (no wrong door)",
    "frontdoor:step": "the report's questions; answers are held in the visitor's own session",
    "frontdoor:check": "check your answers: shows only the visitor's own answers",
    "frontdoor:done": "the visitor's own reference and secret, shown once",
    "frontdoor:status": "asks for a reference and secret; guesses are limited and audited",
    "frontdoor:status-view": "only after a right reference and secret in this session",
    "frontdoor:escalate": "only after a right reference and secret in this session",
}
PUBLIC_API_DOCS = ("openapi-json", "openapi-view")


def walk(patterns=None, prefix="", namespace=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}{p.namespace}:"
            yield from walk(p.url_patterns, route, ns)
        elif isinstance(p, URLPattern):
            yield route, f"{namespace}{p.name}" if p.name else route


def routes():
    return [
        (route, name)
        for route, name in walk()
        if not route.startswith("admin/") and not route.startswith("^static")
    ]


KINDS = {
    "cases": "case",
    "people": "person",
    "outcomes": "outcome",
    "overrides": "override",
    "plan-actions": "plan_action",
    "escalations": "escalation",
    "api-tokens": "api_token",
    "passkeys": "passkey",
    "reports": "report",
    "report-escalations": "report_escalation",
}


def fill(route: str, ids: dict[str, int]) -> str:
    """Turn a route pattern into a URL with real ids for its parameters. The
    word before the parameter says what kind of record it is."""
    before = re.split(r"<|\{", route, maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1]
    kind = KINDS.get(before, "case")
    url = re.sub(r"<(?:\w+:)?\w+>|\{\w+\}", str(ids[kind]), route)
    return "/" + url.lstrip("^").rstrip("$")


@pytest.fixture
def north(practitioner):
    case = factories.case(practitioner, state="enquiry", given_name="Philippa")
    return {
        "case": case.pk,
        "person": case.person_id,
        "outcome": case.desired_outcomes.get().pk,
        "override": record_factories.override(case, practitioner).pk,
        "plan_action": record_factories.plan_action(case, practitioner).pk,
        "escalation": record_factories.escalation(case, practitioner).pk,
        # Someone else's token: only its owner may revoke it (administrators in the admin).
        "api_token": ApiToken.objects.issue(practitioner)[0].pk,
        # Someone else's passkey: only its owner may rename or remove it.
        "passkey": factories.passkey(practitioner).pk,
        **_front_door_ids(practitioner),
    }


def _front_door_ids(practitioner):
    """A report from the public taken into a North case, and its escalation."""
    from msp.frontdoor import actions as front_door

    report, _secret = front_door.submit_report(
        {
            "referrer_kind": "public",
            "anonymous": True,
            "adult_name": "Philippa",
            "what_happened": "Shouting at night",
            "where": "Home",
            "adult_knows": "no",
        }
    )
    report.team = practitioner.team
    report.save()
    escalation = front_door.escalate(report, reason="Nobody called")
    return {"report": report.pk, "report_escalation": escalation.pk}


def test_there_are_routes_to_check():
    names = {name for _, name in routes()}
    assert {"cases:detail", "cases:summary-pdf", "people:detail", "concerns:raise"} <= names


def test_every_page_needs_sign_in(north):
    client = Client()
    for route, name in routes():
        if name in PUBLIC or name.endswith(PUBLIC_API_DOCS):
            continue
        url = fill(route, north)
        response = client.get(url)
        if route.startswith("api/"):
            assert response.status_code in (401, 405), f"{url} ({name}) is open without a token"
        else:
            assert response.status_code == 302, f"{url} ({name}) is open without sign-in"
            assert response["Location"].startswith("/sign-in/"), url


def _object_routes():
    return [(r, n) for r, n in routes() if "<" in r or "{" in r]


@pytest.mark.parametrize("who", ["outsider", "board_member", "auditor", "administrator"])
def test_records_are_hidden_from_people_outside_the_team(request, who, north):
    user = request.getfixturevalue(who)
    web = Client()
    web.force_login(user)
    _, token = ApiToken.objects.issue(user, scope="write")
    api = Client(headers={"Authorization": f"Bearer {token}"})
    for route, name in _object_routes():
        url = fill(route, north)
        client = api if route.startswith("api/") else web
        statuses = {
            method: getattr(client, method)(url, content_type="application/json").status_code
            for method in ("get", "post", "patch")
        }
        assert set(statuses.values()) <= {404, 405}, f"{url} ({name}) gave {statuses} to {who}"
        assert 404 in statuses.values(), f"{url} ({name}) gave {statuses} to {who}"


# Restricted cases ----------------------------------------------------------------

PERSONAL = ("Philippa", "Quarryman", "Mill Lane")


@pytest.fixture
def restricted(practitioner, lead):
    """A North case restricted by the lead to ``practitioner``; ``colleague``
    (same team) is not named."""
    about = factories.person(practitioner, given_name="Philippa", family_name="Quarryman")
    case = factories.case(practitioner, state="enquiry", about=about)
    ids = {
        "case": case.pk,
        "person": case.person_id,
        "outcome": case.desired_outcomes.get().pk,
        "override": record_factories.override(case, practitioner).pk,
        "plan_action": record_factories.plan_action(case, practitioner).pk,
        "escalation": record_factories.escalation(case, practitioner).pk,
        **_front_door_ids(practitioner),
    }
    restriction_actions.restrict_case(
        case, by=lead, reason="The adult is a member of staff in this team", named=[practitioner]
    )
    return ids


def _clients(user):
    web = Client()
    web.force_login(user)
    _, token = ApiToken.objects.issue(user, scope="write")
    return web, Client(headers={"Authorization": f"Bearer {token}"})


def _shows_restricted(response) -> bool:
    if response.status_code != 403:
        return False
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("restricted") is True
    return "is restricted</h1>" in response.content.decode()


def _case_routes():
    """Routes of a person, a case or a record of a case."""
    return [
        (r, n)
        for r, n in _object_routes()
        if re.split(r"<|\{", r, maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1] in KINDS
        and not r.startswith("account/")
    ]


def _get_all(user, ids):
    web, api = _clients(user)
    for route, name in _case_routes():
        url = fill(route, ids)
        client = api if route.startswith("api/") else web
        yield route, name, url, client.get(url)


# Routes a same-team practitioner may reach on a restricted case without
# opening it: break-glass itself, and the leads' alerts (404 to others).
# Reports from the public front door are not records of the case (the ones here
# are not linked to it): they answer 404 to anyone who may not triage them.
NOT_THE_CASE = {
    "cases:break-glass",
    "cases:acknowledge-break-glass",
    "frontdoor:report",
    "frontdoor:share-feedback",
    "frontdoor:resolve-escalation",
}


def test_restricted_case_urls_show_only_that_it_is_restricted(colleague, restricted):
    web, api = _clients(colleague)
    restricted_seen = 0
    for route, name in _case_routes():
        url = fill(route, restricted)
        client = api if route.startswith("api/") else web
        for method in ("get", "post", "patch"):
            response = getattr(client, method)(url, content_type="application/json")
            body = response.content.decode()
            for word in PERSONAL:
                assert word not in body, f"{method} {url} ({name}) shows {word}"
            if name in NOT_THE_CASE or response.status_code == 405:
                continue
            if "/people/" in url or "people:" in name:
                assert response.status_code == 404, f"{method} {url} ({name})"
                continue
            assert _shows_restricted(response), (
                f"{method} {url} ({name}) gave {response.status_code} to a same-team colleague"
            )
            restricted_seen += 1
    assert restricted_seen > 20


def test_restricted_case_urls_work_for_named_people_and_after_break_glass(
    practitioner, colleague, restricted
):
    restriction_actions.break_glass(
        restricted["case"], by=colleague, reason="Police need the plan for tonight's meeting"
    )
    case, person = restricted["case"], restricted["person"]
    for user in (practitioner, colleague):
        for route, name, url, response in _get_all(user, restricted):
            assert not _shows_restricted(response), f"{url} ({name}) restricted for {user}"
            if response.status_code == 404:  # only a part of the record not made yet
                assert b"No case found" not in response.content, url
                assert b"No person found" not in response.content, url
        web, api = _clients(user)
        for client, url in (
            (web, f"/cases/{case}/"),
            (web, f"/people/{person}/"),
            (api, f"/api/v1/cases/{case}"),
            (api, f"/api/v1/cases/{case}/chronology"),
            (api, f"/api/v1/people/{person}"),
        ):
            response = client.get(url)
            assert response.status_code == 200, f"{url} for {user}"
            assert b"Philippa" in response.content or b"chronology" in url.encode()


def test_break_glass_access_ends_when_it_expires(colleague, restricted):
    past = timezone.now() - datetime.timedelta(hours=2)
    restriction_actions.break_glass(
        restricted["case"],
        by=colleague,
        reason="Police need the plan for tonight's meeting",
        now=past,
    )
    for route, name, url, response in _get_all(colleague, restricted):
        if name in NOT_THE_CASE or response.status_code == 405:
            continue
        if "/people/" in url or "people:" in name:
            assert response.status_code == 404, url
            continue
        assert _shows_restricted(response), f"{url} ({name}) still open after expiry"

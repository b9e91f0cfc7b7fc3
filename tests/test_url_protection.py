"""Walks every URL pattern and fails if one is not protected: signed-out users
are sent to sign in (or get 401 from the API), and people outside the case's
team, board members and auditors get 404 for every person, case, outcome and
record of a case (an override, a plan action, an escalation)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from msp.accounts.models import ApiToken
from tests import factories, record_factories

pytestmark = pytest.mark.django_db

PUBLIC = {
    "accounts:sign-in",
    "accounts:signed-out",
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
    }


def test_there_are_routes_to_check():
    names = {name for _, name in routes()}
    assert {"cases:detail", "people:detail", "concerns:raise"} <= names


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

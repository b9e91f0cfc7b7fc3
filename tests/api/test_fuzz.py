"""Schemathesis over the whole API, through WSGI (no network), as a safeguarding
lead with a person and a case in enquiry, so paths with ids reach real records.

For every operation in the OpenAPI document, valid and invalid requests are
generated and each response must:

- not be a server error (5xx);
- have a status code, content type and body the document describes;
- when the request broke the document's rules, be refused (4xx), except for
  unknown query parameters, which are ignored;
- when it kept them, not be refused for its shape: only 2xx, 401, 403, 404 and
  409, plus 422 for a body, whose business rules (a date not in the future, the
  case's state) the document cannot state.

``MSP_FUZZ_EXAMPLES`` sets the examples per operation and mode (``make fuzz``
raises it); the default keeps the run to about a minute per database.
"""

import os
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from msp.accounts.models import ApiToken, Role
from msp.api.api import api as ninja_api
from tests import factories

EXAMPLES = int(os.environ.get("MSP_FUZZ_EXAMPLES", "4"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
REFUSED_FOR_SHAPE = {400, 405, 406, 411, 413, 415, 422}


def _operations() -> list[tuple[str, str]]:
    document = ninja_api.get_openapi_schema()
    return sorted(
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in {"get", "put", "post", "patch", "delete"}
    )


OPERATIONS = _operations()


class Seeded:
    """A lead's token and the ids of real records for the path parameters."""

    def __init__(self) -> None:
        self.lead = factories.user(Role.SAFEGUARDING_LEAD, team_name=None, username="fuzzlead")
        practitioner = factories.user(Role.PRACTITIONER, username="fuzzpat")
        case = factories.case(practitioner, state="enquiry", outcomes=1)
        outcome = case.desired_outcomes.get()
        _, self.token = ApiToken.objects.issue(self.lead, name="fuzz")
        self.ids: dict[str, int] = {
            "person_id": case.person_id,
            "case_id": case.pk,
            "outcome_id": outcome.pk,
        }

    def ids_for(self, names: Iterator[str]) -> dict[str, int]:
        return {name: self.ids[name] for name in names if name in self.ids}


# Schemathesis's WSGI client sends Host: localhost.
HOSTS = [*django_settings.ALLOWED_HOSTS, "testserver", "localhost"]


@pytest.fixture(scope="module")
def api_schema(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """The document as the server serves it, loaded once."""
    with override_settings(ALLOWED_HOSTS=HOSTS), django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def seeded(db: None, settings: Any) -> Iterator[Seeded]:
    settings.ALLOWED_HOSTS = HOSTS
    # The WSGI handler closes the database connection after each request, which
    # would end the test's transaction; Django's test client turns this off too.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield Seeded()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


STATUSES: Counter[int] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_requests() -> Iterator[None]:
    yield
    if os.environ.get("MSP_FUZZ_REPORT"):
        print(f"\nschemathesis: {STATUSES.total()} requests, by status {sorted(STATUSES.items())}")


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_api_keeps_its_contract(
    api_schema: Any, seeded: Seeded, method: str, path: str
) -> None:
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {seeded.token}"}
    has_body = "requestBody" in operation.definition.raw
    accepted = {*range(200, 300), 401, 403, 404, 409} | ({422} if has_body else set())
    real_ids = seeded.ids_for(re.findall(r"{(\w+)}", path))
    strategies: list[st.SearchStrategy[Any]] = [
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    ]
    if real_ids:
        strategies.append(
            operation.as_strategy(generation_mode=GenerationMode.POSITIVE, path_parameters=real_ids)
        )

    # Unknown query parameters are ignored, as most HTTP APIs do (a cache-buster
    # must not break a client); schemathesis counts them as invalid input.
    query_names = {
        p["name"] for p in operation.definition.raw.get("parameters", []) if p.get("in") == "query"
    }

    @settings(
        max_examples=EXAMPLES * len(strategies),
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=st.one_of(strategies))
    def run(case: Any) -> None:
        negative = case.meta.generation.mode == GenerationMode.NEGATIVE
        assume(not (negative and set(case.query or {}) - query_names))
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        STATUSES[response.status_code] += 1
        if case.meta.generation.mode == GenerationMode.POSITIVE:
            assert response.status_code in accepted, (
                f"{method} {path}: valid input refused with {response.status_code}: "
                f"{response.text[:500]}"
            )

    run()

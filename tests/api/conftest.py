import json
from typing import Any

import pytest
from django.test import Client

from msp.accounts.models import ApiToken

BASE = "/api/v1"


class ApiClient:
    """A test client that sends a bearer token and JSON bodies."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.token = token

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: str | bytes | None = None,
        **params: Any,
    ):
        url = path if path.startswith("/") and path.startswith(BASE) else f"{BASE}{path}"
        call = getattr(self.client, method.lower())
        if method.upper() == "GET":
            return call(url, params, headers=self._headers())
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return call(url, data, content_type="application/json", headers=self._headers())

    def get(self, path: str, **params: Any):
        return self.request("GET", path, **params)

    def post(self, path: str, body: Any = None, **kwargs: Any):
        return self.request("POST", path, body, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any):
        return self.request("PATCH", path, body, **kwargs)

    def put(self, path: str, body: Any = None, **kwargs: Any):
        return self.request("PUT", path, body, **kwargs)


@pytest.fixture
def api():
    """api(user) -> an ApiClient carrying a fresh token for ``user``."""

    def make(user) -> ApiClient:
        _, raw = ApiToken.objects.issue(user, name="tests", scope="write")
        return ApiClient(raw)

    return make

"""The OpenAPI document, as committed in docs/openapi.json."""

import json
from pathlib import Path
from typing import Any

from django.conf import settings

from msp.api.api import api

DOCUMENT_PATH = Path(settings.BASE_DIR) / "docs" / "openapi.json"


def openapi_schema() -> dict[str, Any]:
    """The document as JSON would parse it (response codes as strings, not ints)."""
    schema: dict[str, Any] = json.loads(json.dumps(api.get_openapi_schema()))
    return schema


def openapi_document() -> str:
    """Pretty-printed, keys sorted, ending with a newline."""
    return json.dumps(openapi_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

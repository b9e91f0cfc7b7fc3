"""How errors become responses. Every error body has a ``detail`` string.

- 401: no token, or a token that is wrong, revoked or belongs to an inactive account
- 403: you may read the record but not change it, or the case is restricted to
  named people (``reference``, ``restricted`` and ``break_glass_url`` say so)
- 404: no such record, or one you may not know exists
- 409: the action is not possible in the record's state (``detail`` says why),
  someone saved the record since you loaded it (``current_version``,
  ``changed_by`` and ``changes`` say who and what), or closing is blocked by a
  legal duty the record does not show as met (``findings``, ``all_findings``)
- 415: a request body that is not sent as ``application/json``
- 422: the input is not valid; ``errors`` maps each field to its messages
"""

import json
import logging
import traceback
from functools import partial
from typing import Any

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from msp.accounts.access import CaseRestricted
from msp.api.schemas.common import ConflictOut, ErrorOut, ValidationErrorOut
from msp.api.schemas.restriction import RestrictedOut
from msp.api.serialise import finding_out
from msp.cases.errors import InvalidTransition, StaleVersion
from msp.practice.gate import GuardBlocked

logger = logging.getLogger(__name__)

INVALID_INPUT = "Some of the information is missing or not valid. See 'errors' for each field."

# Friendlier words for the commonest pydantic error types.
MESSAGES = {
    "missing": "This field is required",
    "int_parsing": "Enter a whole number",
    "int_type": "Enter a whole number",
    "int_from_float": "Enter a whole number",
    "date_parsing": "Enter a real date in the format YYYY-MM-DD",
    "date_from_datetime_parsing": "Enter a real date in the format YYYY-MM-DD",
    "date_from_datetime_inexact": "Enter a date without a time, in the format YYYY-MM-DD",
    "date_type": "Enter a real date in the format YYYY-MM-DD",
    "string_type": "Enter text",
    "bool_type": "Enter true or false",
    "bool_parsing": "Enter true or false",
    "list_type": "Enter a list",
    "model_type": "Send a JSON object",
    "model_attributes_type": "Send a JSON object",
    "dict_type": "Send a JSON object",
}

# Where pydantic puts an error (body, query, path) is not part of the field name.
SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class BadJson(Exception):
    """The request body is not a JSON object."""


class NotJson(Exception):
    """The request body is not sent as application/json."""


JSON_TYPES = ("application/json",)
NOT_JSON = "Send the request body as JSON, with the header Content-Type: application/json"


def is_json_media_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media in JSON_TYPES or (media.startswith("application/") and media.endswith("+json"))


class JsonParser(Parser):
    """Refuses a body that is not sent as JSON (415) or is not a JSON object.
    Ninja reports parse failures as 400; ``on_http_error`` turns these into 415
    and 422 like every other input error."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if not is_json_media_type(request.META.get("CONTENT_TYPE", "")):
            raise NotJson
        try:
            data = json.loads(request.body)
        except (ValueError, RecursionError) as exc:
            raise BadJson from exc
        if not isinstance(data, dict):
            raise BadJson
        return data


def _field_name(loc: list[Any], body_params: set[str]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in SOURCES:
        source = parts.pop(0)
        if source == "body" and parts and parts[0] in body_params:
            parts.pop(0)
    return ".".join(parts) or NON_FIELD_ERRORS


def field_errors(errors: list[dict[str, Any]], body_params: set[str]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for error in errors:
        name = _field_name(list(error.get("loc", [])), body_params)
        kind = str(error.get("type"))
        limit = (error.get("ctx") or {}).get("max_length")
        if kind == "string_too_long" and isinstance(limit, int):
            message = f"Must be {limit:,} characters or fewer"
        else:
            message = MESSAGES.get(kind, str(error.get("msg", "Not valid")))
        message = message.removeprefix("Value error, ")
        result.setdefault(name, []).append(message)
    return result


def _respond(api: NinjaAPI, request: HttpRequest, body: Any, status: int) -> HttpResponse:
    if hasattr(body, "model_dump"):
        body = body.model_dump(exclude_none=True)
    return api.create_response(request, body, status=status)


def on_ninja_validation(
    request: HttpRequest, exc: NinjaValidationError, *, api: NinjaAPI
) -> HttpResponse:
    errors = field_errors(exc.errors, {"payload", "filters"})
    return _respond(api, request, ValidationErrorOut(detail=INVALID_INPUT, errors=errors), 422)


def on_django_validation(
    request: HttpRequest, exc: DjangoValidationError, *, api: NinjaAPI
) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = {field: list(messages) for field, messages in exc.message_dict.items()}
    else:
        errors = {NON_FIELD_ERRORS: list(exc.messages)}
    return _respond(api, request, ValidationErrorOut(detail=INVALID_INPUT, errors=errors), 422)


def on_stale(request: HttpRequest, exc: StaleVersion, *, api: NinjaAPI) -> HttpResponse:
    body = ConflictOut(
        detail=exc.message,
        current_version=exc.current_version,
        changed_by=exc.changed_by,
        changes=exc.changes,
    )
    return _respond(api, request, body, 409)


def on_invalid_transition(
    request: HttpRequest, exc: InvalidTransition, *, api: NinjaAPI
) -> HttpResponse:
    return _respond(api, request, ConflictOut(detail=exc.message), 409)


def on_guard_blocked(request: HttpRequest, exc: GuardBlocked, *, api: NinjaAPI) -> HttpResponse:
    # Built by hand: the findings' null fix_url must stay in the body.
    case_id = request.resolver_match.kwargs.get("case_id") if request.resolver_match else None
    case_pk = int(case_id) if case_id is not None else 0
    body = {
        "detail": exc.message,
        "findings": [finding_out(f, case_pk).model_dump() for f in exc.findings],
        "all_findings": [finding_out(f, case_pk).model_dump() for f in exc.all_findings],
    }
    return api.create_response(request, body, status=409)


def on_authentication(
    request: HttpRequest, exc: AuthenticationError, *, api: NinjaAPI
) -> HttpResponse:
    response = _respond(api, request, ErrorOut(detail=exc.message), 401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def on_http_error(request: HttpRequest, exc: HttpError, *, api: NinjaAPI) -> HttpResponse:
    if isinstance(exc.__cause__, NotJson):
        return _respond(api, request, ErrorOut(detail=NOT_JSON), 415)
    if isinstance(exc.__cause__, BadJson):
        body = ValidationErrorOut(
            detail="The request body must be a JSON object",
            errors={NON_FIELD_ERRORS: ["Send a valid JSON object"]},
        )
        return _respond(api, request, body, 422)
    return _respond(api, request, ErrorOut(detail=exc.message), exc.status_code)


def on_not_found(request: HttpRequest, exc: Http404, *, api: NinjaAPI) -> HttpResponse:
    return _respond(api, request, ErrorOut(detail=str(exc) or "Not found"), 404)


def on_permission_denied(
    request: HttpRequest, exc: PermissionDenied, *, api: NinjaAPI
) -> HttpResponse:
    detail = str(exc) or "You do not have permission to do this"
    return _respond(api, request, ErrorOut(detail=detail), 403)


def on_restricted(request: HttpRequest, exc: CaseRestricted, *, api: NinjaAPI) -> HttpResponse:
    body = RestrictedOut(
        detail=(
            f"Case {exc.reference} is restricted to named people. Ask a safeguarding lead "
            "to name you, or in an emergency open it on the web at break_glass_url, "
            "giving your reason."
        ),
        reference=exc.reference,
        break_glass_url=request.build_absolute_uri(
            reverse("cases:break-glass", args=[exc.case_id])
        ),
    )
    return _respond(api, request, body, 403)


def on_integrity_error(request: HttpRequest, exc: IntegrityError, *, api: NinjaAPI) -> HttpResponse:
    logger.warning("API integrity error on %s %s", request.method, request.path)
    detail = "This change clashes with a record saved at the same time. Reload and try again."
    return _respond(api, request, ConflictOut(detail=detail), 409)


def on_data_error(request: HttpRequest, exc: DataError, *, api: NinjaAPI) -> HttpResponse:
    logger.warning("API data error on %s %s", request.method, request.path)
    body = ValidationErrorOut(
        detail="A value is too long or out of range for the database",
        errors={NON_FIELD_ERRORS: ["A value is too long or out of range"]},
    )
    return _respond(api, request, body, 422)


def on_suspicious(request: HttpRequest, exc: SuspiciousOperation, *, api: NinjaAPI) -> HttpResponse:
    if isinstance(exc, RequestDataTooBig):
        return _respond(api, request, ErrorOut(detail="The request body is too large"), 413)
    return _respond(api, request, ErrorOut(detail="Bad request"), 400)


def on_unexpected(request: HttpRequest, exc: Exception, *, api: NinjaAPI) -> HttpResponse:
    # Never echo or log the exception's message: it may hold personal data (a
    # database error quotes the values). The log has its type and where it happened.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.error(
        "Unhandled API error %s on %s %s\n%s",
        type(exc).__name__,
        request.method,
        request.path,
        frames,
    )
    detail = "Something went wrong. The error has been logged; please try again later."
    return _respond(api, request, ErrorOut(detail=detail), 500)


def register(api: NinjaAPI) -> None:
    handlers: list[tuple[type[Exception], Any]] = [
        (NinjaValidationError, on_ninja_validation),
        (DjangoValidationError, on_django_validation),
        (StaleVersion, on_stale),
        (InvalidTransition, on_invalid_transition),
        (GuardBlocked, on_guard_blocked),
        (AuthenticationError, on_authentication),
        (HttpError, on_http_error),
        (Http404, on_not_found),
        (CaseRestricted, on_restricted),
        (PermissionDenied, on_permission_denied),
        (IntegrityError, on_integrity_error),
        (DataError, on_data_error),
        (SuspiciousOperation, on_suspicious),
        (Exception, on_unexpected),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, partial(handler, api=api))

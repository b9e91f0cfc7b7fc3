"""The NinjaAPI instance: /api/v1/."""

from typing import Any

from django.contrib.auth.decorators import login_not_required
from ninja import NinjaAPI

from msp.api import (
    account,
    cases,
    errors,
    findings,
    outcomes,
    people,
    plan,
    record,
    restriction,
    risk,
    workflow,
)
from msp.api.access import TOKEN

DESCRIPTION = """\
The JSON API for MSP Casework: people, safeguarding cases, their workflow, the whole
Making Safeguarding Personal record, and the practice guard's findings.

## Authentication

Every endpoint needs an API token, sent as `Authorization: Bearer <token>`.
An administrator issues tokens with
`manage.py issue_api_token <username> [--scope read|write] [--days N]`; a token
acts as its user, with at most their access. Without a token, or with one that is
wrong, revoked, expired or belongs to an inactive account, the response is **401**
with a `detail` saying which.

- **Scope.** A token is `read` (the default: GET only) or `write` (read and change).
  Any other method with a `read` token is **403**, whatever the record.
- **Expiry.** Tokens expire after 90 days unless issued for another number of days
  (the council may change the default). An expired token is **401**.
- **Revocation.** Tokens stop working when their user's password changes or the
  account is deactivated. Their owner can list and revoke them on the
  "Your API tokens" page; administrators can revoke any.
- `GET /me` says who the token acts as, with the token's scope and expiry.

## Access

You see what you would see on the web: practitioners their team's people and cases,
team managers every case (changing only their team's), safeguarding leads everything.
Board members, auditors and administrators see no people or cases. A record you may
not see is **404**, as if it did not exist; a record you may read but not change is
**403** when you try to change it. Every person and case you read, in a list or on
its own, is recorded in the audit log.

A safeguarding lead can **restrict** a case to named people (`/cases/{id}/restriction`).
Anyone else who could otherwise read it gets **403** with `restricted: true`, its
`reference` and a `break_glass_url`: in an emergency a person can open it on the
web by giving a reason, which alerts the leads. The API cannot break the glass.
Case lists show such cases apart, in `restricted`, by reference only; a person
whose every case is restricted against you is **404**.

## Versions and conflicts (409)

Records that change carry a `version`. Every change sends the `version` you loaded
(for outcome revisions and ratings, the outcome's `version`; otherwise the case's or
person's). If someone has saved the record since, nothing is changed and the response
is **409** with `current_version`, `changed_by` and `changes` ({field: [old, new]}):
check their changes, then send yours again with the new version.

An action the case's state does not allow (for example starting an enquiry before the
section 42 decision) is also **409**, with a `detail` explaining why and what comes
first. `allowed_actions` on a case lists what you may do now.

## The record

Each part of the record kept during a case has its own endpoints under the case:
lists you add to with POST (capacity assessments, best-interests decisions, advocacy
assessments, contacts, actions to protect others, overrides, plan actions, clutter
ratings, feedback to the referrer, escalations, notes), and records a case has one of,
created and changed with PUT (risk assessment, plan, self-neglect, death,
involvement). A PUT without a `version` creates the record (201); with the version you
loaded it changes the fields you send (200). Plan actions, escalations and records
saved with PUT carry their own `version` for changes. Adding to the record does not
change the case's version. A closed case takes no additions (409) until reopened.

## The practice guard

`GET /cases/{case_id}/findings` (and `findings` on a case) lists the questions the
record does not yet answer, each with the reality behind it and a link to where the
answer is recorded. DUTY findings are legal duties: closing the case is refused with
**409**, listing them under `findings`, until they are met or a team manager or
safeguarding lead overrides each with a reason (`duty_overrides`). PROMPT findings
never block.

## Retrying safely (Idempotency-Key)

`POST /people` and `POST /people/{person_id}/concerns` create a record each time they
run. If you are not sure a request arrived (a timeout, a dropped connection), send it
again with the same `Idempotency-Key` header, a value you chose for it such as a UUID.
The same key, from the same user, with the same body creates nothing new: the
response is **201** with the record the first request created (read again, so it is
as it is now, and only if you may still see it), with the header
`Idempotent-Replayed: true`. The same key with a different body is **422**. A request
that failed is not remembered, so its key can be used again. Keys are kept for 24
hours; use a new key for each new record.
## Request bodies (415)

Send request bodies as JSON with the header `Content-Type: application/json`. A body
sent as anything else (a form, plain text) is refused with **415**.

## Validation errors (422)

Input that is missing or not valid is **422**, with nothing changed:
`{"detail": "...", "errors": {"field": ["message", ...]}}`. Errors about the request as
a whole are under `__all__`. Messages are written to be shown to the person entering
the data.

Codes (such as `abuse_types` or `ethnicity`) are listed in each field's schema, with
their labels, and follow the national code lists.
"""

# Response descriptions, fixed here: ninja takes them from Python's HTTPStatus,
# whose wording changes between Python versions (422 is "Unprocessable Entity" in
# 3.12 and "Unprocessable Content" in 3.13), which would make the committed
# document drift with the interpreter.
RESPONSE_DESCRIPTIONS = {
    "200": "OK",
    "201": "Created",
    "204": "No Content",
    "400": "Bad Request",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "405": "Method Not Allowed",
    "409": "Conflict",
    "415": "Unsupported Media Type",
    "422": "Unprocessable Content",
}


class MspNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                if "requestBody" in operation:
                    # Every body is parsed by errors.JsonParser, which refuses other types.
                    operation["responses"].setdefault(
                        415,
                        {
                            "description": "",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ErrorOut"}
                                }
                            },
                        },
                    )
                for code, response in operation.get("responses", {}).items():
                    if str(code) in RESPONSE_DESCRIPTIONS:
                        response["description"] = RESPONSE_DESCRIPTIONS[str(code)]
        return schema


api = MspNinjaAPI(
    title="MSP Casework API",
    version="1",
    description=DESCRIPTION,
    auth=TOKEN,
    parser=errors.JsonParser(),
    docs_decorator=login_not_required,
    urls_namespace="api",
)
errors.register(api)
api.add_router("", people.router)
api.add_router("", cases.router)
api.add_router("", workflow.router)
api.add_router("", outcomes.router)
api.add_router("", record.router)
api.add_router("", risk.router)
api.add_router("", plan.router)
api.add_router("", findings.router)
api.add_router("", restriction.router)
api.add_router("", account.router)

"""The vignette engine: a practice story as data, recorded through the API as a
practitioner would, and the set of check ids the guard raised about it.

A vignette is written from myths.md, not from the guard's code. It lists what a
worker recorded (in the order they recorded it), whether they tried to close
the case and how, and the exact set of check ids the guard should raise. What
the guard raised is read from ``GET /cases/{id}/findings`` and, when closing is
refused, from the refusal (which holds the checks that depend on the closure).

Bodies may hold placeholders, replaced when the story is played:
``"{concern_id}"`` (the main concern), ``"{outcome_id}"`` (the first desired
outcome) and ``"{manager_id}"`` (a team manager who can co-sign).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

Body = dict[str, Any]
Step = tuple[str, str, Body]


def day(offset: int = 0) -> str:
    """Today, or ``offset`` days from today, as an ISO date."""
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


@dataclass(frozen=True)
class Outcome:
    text: str
    whose_words: str = "person"
    representative_name: str = ""
    representative_relationship: str = ""
    revisions: tuple[Body, ...] = ()
    rating: Body | None = None


@dataclass(frozen=True)
class Vignette:
    id: str
    story: str
    expected: frozenset[str]
    steps: tuple[Step, ...] = ()
    person: Body = field(default_factory=dict)
    concern: Body = field(default_factory=dict)
    decision: Body = field(default_factory=dict)
    outcomes: tuple[Outcome, ...] = ()
    closure: Body | None = None
    # Earlier concerns about the same person, each closed after a proportionate
    # response: (days before today it was raised, what happened, response words).
    earlier: tuple[tuple[int, str, str], ...] = ()
    xfail: str | None = None

    def __str__(self) -> str:
        return self.id


@dataclass
class Played:
    """What happened when a vignette was recorded."""

    got: set[str] = field(default_factory=set)
    closure_status: int | None = None
    notes: list[str] = field(default_factory=list)


PERSON: Body = {"given_name": "Edith", "family_name": "Marsh", "date_of_birth": "1941-03-09"}

CONCERN: Body = {
    "raised_on": day(-20),
    "raised_via": "partner",
    "referrer_name": "Nia Evans",
    "referrer_job_title": "District nurse",
    "referrer_organisation": "Northmoor Community Health",
    "what_happened": "Her grandson takes her pension each week and she goes without food.",
    "abuse_types": ["financial"],
    "location_of_risk": "own_home",
    "sources_of_risk": ["known"],
    "person_aware": "yes",
    "person_wishes": "She wants to keep seeing her grandson but wants her money back.",
}

S42: Body = {
    "has_care_and_support_needs": "yes",
    "care_and_support_needs_evidence": "Home care twice a day after a stroke.",
    "experiencing_or_at_risk": "yes",
    "experiencing_or_at_risk_evidence": "Bank statements show weekly cash withdrawals she did not make.",
    "unable_to_protect_self": "yes",
    "unable_to_protect_self_evidence": "Cannot get to the bank alone and relies on him for shopping.",
    "result": "s42",
}

NO_ENQUIRY: Body = {
    "has_care_and_support_needs": "yes",
    "care_and_support_needs_evidence": "Home care twice a day.",
    "experiencing_or_at_risk": "no",
    "experiencing_or_at_risk_evidence": "The bruise was from a fall seen by her carer.",
    "unable_to_protect_self": "no",
    "unable_to_protect_self_evidence": "Tells staff clearly when something is wrong.",
    "result": "none",
    "proportionate_response": "needs_assessment",
    "response_details": "Asked the occupational therapist to review her falls risk at home.",
}


def _fill(value: Any, names: dict[str, Any]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return names.get(value[1:-1], value)
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    return value


def _ok(r: Any, what: str) -> Any:
    assert r.status_code in (200, 201), f"{what}: {r.status_code} {r.content[:600]!r}"
    return r.json()


def _ids(findings: Any) -> set[str]:
    return {f["check_id"] for f in findings or []}


def _raise_and_decide(
    api: Any, manager_api: Any, person_id: int, concern: Body, decision: Body
) -> tuple[dict[str, Any], int]:
    """The worker raises and triages; the team manager records the decision
    (the council's default policy)."""
    case = _ok(api.post(f"/people/{person_id}/concerns", concern), "raise concern")
    concern_id = case["concerns"][-1]["id"]
    if case["state"] == "raised":
        case = _ok(api.post(f"/cases/{case['id']}/triage", {"version": case["version"]}), "triage")
    case = _ok(
        manager_api.post(f"/cases/{case['id']}/decision", {"version": case["version"], **decision}),
        "decision",
    )
    return case, concern_id


def play(v: Vignette, api: Any, manager_api: Any, manager_id: int, worker_id: int) -> Played:
    """Record the vignette through ``api`` (an ApiClient for the lead worker).
    A step whose method starts with ``MANAGER`` is sent by the team manager, and
    ``{last_id}`` in a path is the id of the record the step before made."""
    played = Played()
    person = _ok(api.post("/people", {**PERSON, **v.person}), "add person")
    for ago, what, response in v.earlier:
        case, _ = _raise_and_decide(
            api,
            manager_api,
            person["id"],
            {**CONCERN, "raised_on": day(-ago), "what_happened": what},
            {
                **NO_ENQUIRY,
                "proportionate_response": "information_advice",
                "response_details": response,
            },
        )
        case = _ok(
            api.post(f"/cases/{case['id']}/closing", {"version": case["version"]}), "closing"
        )
        _ok(
            api.post(
                f"/cases/{case['id']}/closure", {"version": case["version"], "reason": "no_enquiry"}
            ),
            "close earlier concern",
        )

    decision = {**(NO_ENQUIRY if v.decision.get("result") == "none" else S42), **v.decision}
    case, concern_id = _raise_and_decide(
        api, manager_api, person["id"], {**CONCERN, **v.concern}, decision
    )
    cid = case["id"]
    case = _ok(
        manager_api.post(
            f"/cases/{cid}/allocation", {"version": case["version"], "worker_id": worker_id}
        ),
        "allocate",
    )
    if decision["result"] != "none":
        case = _ok(api.post(f"/cases/{cid}/enquiry", {"version": case["version"]}), "enquiry")

    names: dict[str, Any] = {"concern_id": concern_id, "manager_id": manager_id}
    outcomes: list[tuple[Outcome, dict[str, Any]]] = []
    for o in v.outcomes:
        version = api.get(f"/cases/{cid}").json()["version"]
        body = {"version": version, "text": o.text, "whose_words": o.whose_words}
        if o.whose_words == "representative":
            body["representative_name"] = o.representative_name
            body["representative_relationship"] = o.representative_relationship
        made = _ok(api.post(f"/cases/{cid}/outcomes", body), "desired outcome")
        for rev in o.revisions:
            made = _ok(
                api.post(
                    f"/outcomes/{made['id']}/revisions",
                    {"version": made["version"], "whose_words": o.whose_words, **rev},
                ),
                "outcome revision",
            )
        outcomes.append((o, made))
        names.setdefault("outcome_id", made["id"])

    for method, part, body in v.steps:
        client = api
        if method.startswith("MANAGER "):
            client, method = manager_api, method.removeprefix("MANAGER ")
        path = part.format(**names) if part.startswith("/") else f"/cases/{cid}/{part}"
        made = _ok(client.request(method, path, _fill(body, names)), f"{method} {part}")
        if isinstance(made, dict) and "id" in made:
            names["last_id"] = made["id"]

    if v.closure is not None:
        version = api.get(f"/cases/{cid}").json()["version"]
        r = api.post(f"/cases/{cid}/closing", {"version": version})
        if r.status_code == 200:
            for o, made in outcomes:
                if o.rating is not None:
                    _ok(
                        api.post(
                            f"/outcomes/{made['id']}/rating",
                            {"version": made["version"], **o.rating},
                        ),
                        "rate outcome",
                    )
            version = api.get(f"/cases/{cid}").json()["version"]
            r = api.post(f"/cases/{cid}/closure", {"version": version, **v.closure})
        played.closure_status = r.status_code
        assert r.status_code in (200, 409), f"closing: {r.status_code} {r.content[:600]!r}"
        if r.status_code == 409:
            body = r.json()
            played.got |= _ids(body.get("all_findings")) | _ids(body.get("findings"))
            played.notes.append(f"closing refused: {body.get('detail')}")
    played.got |= _ids(_ok(api.get(f"/cases/{cid}/findings"), "findings"))
    return played

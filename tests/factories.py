"""Builders for test records, with named states. Everything goes through the
action functions, so test data is shaped exactly like real data."""

import datetime
import itertools
from typing import Any

from django.utils import timezone

from msp.accounts.models import Role, Team, User
from msp.cases.actions import allocate_case
from msp.cases.models import Case
from msp.imports.builder import build_case
from msp.people.actions import create_person
from msp.people.models import Person

_seq = itertools.count(1)

PASSWORD = "correct-horse-battery-staple"


def nhs_number(seed: int) -> str:
    """A valid NHS number in the 999 test range."""
    for n in itertools.count(seed * 7):
        body = f"999{n % 1_000_000:06d}"
        total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        if check != 10:
            return body + str(check)
    raise AssertionError("unreachable")


def team(name: str = "North locality team") -> Team:
    return Team.objects.get_or_create(name=name)[0]


def user(
    role: str = Role.PRACTITIONER,
    *,
    team_name: str | None = "North locality team",
    username: str | None = None,
    **extra: Any,
) -> User:
    n = next(_seq)
    u = User.objects.create_user(
        username=username or f"{role}{n}",
        password=PASSWORD,
        first_name=extra.pop("first_name", role.replace("_", " ").title()),
        last_name=extra.pop("last_name", f"Tester{n}"),
        role=role,
        team=team(team_name) if team_name else None,
        **extra,
    )
    return u


def person(by: User, **values: Any) -> Person:
    n = next(_seq)
    defaults: dict[str, Any] = {
        "given_name": "Margaret",
        "family_name": f"Example{n}",
        "date_of_birth": datetime.date(1944, 3, 14),
        "nhs_number": nhs_number(n),
        "address": "12 Mill Lane, Northmoor",
        "postcode": "NM1 2AB",
    }
    defaults.update(values)
    return create_person(by=by, **defaults)


CONCERN = {
    "raised_via": "staff",
    "what_happened": "Her son has been taking money from her purse and shouting at her.",
    "abuse_types": ["financial", "psychological"],
    "location_of_risk": "own_home",
    "sources_of_risk": ["known"],
    "immediate_safety_actions": "Bank card cancelled with her agreement.",
    "person_aware": "yes",
    "person_wishes": "She wants the money to stop going missing but does not want her son in trouble.",
}


def new_concern(**values: Any) -> dict[str, Any]:
    """The details of a further concern (to reopen a case, or add to an open one)."""
    return {
        **CONCERN,
        "raised_on": timezone.localdate(),
        "referrer_name": "A. Worker",
        "what_happened": "Her son took money from her purse again.",
        **values,
    }


DECISION_S42 = {
    "has_care_and_support_needs": "yes",
    "care_and_support_needs_evidence": "Receives home care twice a day for personal care.",
    "experiencing_or_at_risk": "yes",
    "experiencing_or_at_risk_evidence": "Bank statements show regular cash withdrawals she did not make.",
    "unable_to_protect_self": "yes",
    "unable_to_protect_self_evidence": "Relies on her son for shopping and cannot get to the bank alone.",
    "result": "s42",
}

DECISION_NONE = {
    "has_care_and_support_needs": "yes",
    "care_and_support_needs_evidence": "Has home care.",
    "experiencing_or_at_risk": "no",
    "experiencing_or_at_risk_evidence": "The missing money was found to be a bank error.",
    "unable_to_protect_self": "no",
    "unable_to_protect_self_evidence": "Manages her own affairs.",
    "result": "none",
    "proportionate_response": "information_advice",
    "response_details": "Gave her the bank's fraud line and our leaflet on scams.",
}

ADVOCACY_NOT_REQUIRED = {
    "assessed_on": None,  # filled with today's date when used
    "difficulty_understanding": False,
    "difficulty_retaining": False,
    "difficulty_using_or_weighing": False,
    "difficulty_communicating": False,
    "appropriate_individual": "no",
    "result": "not_required",
    "reason": "She can take part fully without help.",
}

CLOSURE: dict[str, Any] = {
    "reason": "enquiry_concluded",
    "action_result": "risk_action",
    "risk_outcome": "reduced",
    "msp_asked": "asked_expressed",
    "lacked_capacity": "no",
    "experience_asked": "survey_to_follow",
}


def decider_for(by: User, case: Case) -> User:
    """``by`` if they may record the decision and allocate (a manager or lead),
    otherwise a team manager of the case's team kept for this (not the tests'
    own ``manager``, so that one stays uninvolved in the case)."""
    return _decider(by, case.team)


def _decider(by: User, owning: Team) -> User:
    if by.role == Role.SAFEGUARDING_LEAD or (
        by.role == Role.TEAM_MANAGER and by.team_id == owning.pk
    ):
        return by
    found = User.objects.filter(username=f"decider-{owning.pk}").first()
    return found or user(
        Role.TEAM_MANAGER,
        team_name=owning.name,
        username=f"decider-{owning.pk}",
        first_name="Dee",
        last_name="Cider",
    )


def allocated(c: Case, worker: User) -> Case:
    """``c`` allocated to ``worker`` by their team's manager (as before an enquiry)."""
    if c.lead_worker_id == worker.pk:
        return c
    return allocate_case(c, by=decider_for(worker, c), worker=worker, expected_version=c.version)


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


STATES = ["raised", "triage", "decided", "enquiry", "closing", "closed"]


def case_document(
    by: User, *, state: str = "raised", outcomes: int = 1, advocacy: bool = True, **concern: Any
) -> dict[str, Any]:
    """The import document (docs/import-format.md) for a case moved by ``by``
    to ``state`` today. Items carry no ``at``: they happen now."""
    target = STATES.index(state)
    me = {"by": by.username}
    doc: dict[str, Any] = {
        "format": "msp-case/1",
        "concerns": [{**me, **CONCERN, "raised_on": timezone.localdate(), **concern}],
    }
    if target >= 1:
        doc["triage"] = me
    if target >= 2:
        assert by.team is not None, "the case's team is the author's"
        decider = _decider(by, by.team)
        doc["decisions"] = [{"by": decider.username, **DECISION_S42}]
    if target >= 3:
        doc["allocation"] = {"by": decider.username, "worker": by.username}
        doc["enquiry"] = me
        if advocacy:
            today = timezone.localdate().isoformat()
            doc["record"] = [
                {**me, "type": "advocacy", **ADVOCACY_NOT_REQUIRED, "assessed_on": today}
            ]
        doc["outcomes"] = [
            {**me, "text": f"I want to feel safe in my own home ({i + 1})", "whose_words": "person"}
            for i in range(outcomes)
        ]
    if target >= 4:
        doc["closing"] = me
    if target >= 5:
        for outcome in doc["outcomes"]:
            outcome["rating"] = {**me, "achievement": "fully"}
        doc["closure"] = {**me, **CLOSURE}
    return doc


def case(
    by: User,
    *,
    state: str = "raised",
    about: Person | None = None,
    outcomes: int = 1,
    advocacy: bool = True,
    **concern: Any,
) -> Case:
    """A case moved through the workflow to ``state`` by ``by``, built by the
    import builder (msp/imports/builder.py) from ``case_document``. Once an
    enquiry starts it records the Care Act s68 advocacy test (no advocate
    needed), which the closing gate requires; ``advocacy=False`` leaves that gap."""
    doc = case_document(by, state=state, outcomes=outcomes, advocacy=advocacy, **concern)
    return build_case(doc, person=about or person(by))


def passkey(owner: User, name: str = "Work laptop") -> Any:
    """A passkey on ``owner``'s account, saved directly (tests of signing in
    with one register it through the endpoints instead)."""
    import os

    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.create(
        user=owner,
        name=name,
        credential_id=os.urandom(16),
        public_key=os.urandom(77),
        sign_count=0,
        transports=["internal"],
        aaguid="00000000-0000-0000-0000-000000000000",
    )

"""Pure rules of the public front door: references and secrets, which team a
report goes to, and what a referrer is told about its progress."""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from msp.cases.models import CaseState

# No letters or digits that are easily confused (0/O, 1/I/L, 5/S, 8/B).
ALPHABET = "ACDEFGHJKMNPQRTUVWXY2345679"


def _code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_reference() -> str:
    """A report's reference, e.g. "R-7KQX-3MFA": short enough to read out on the phone."""
    return f"R-{_code(4)}-{_code(4)}"


def new_secret() -> str:
    """The one-time secret shown with the reference: 4 groups of 4 (about 76 bits)."""
    return "-".join(_code(4) for _ in range(4))


def tidy(text: str) -> str:
    """What the referrer typed, without spaces, dashes or case, so "r 7kqx 3mfa" works."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def hash_secret(secret: str) -> str:
    return hashlib.sha256(tidy(secret).encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def tidy_reference(text: str) -> str:
    code = tidy(text).removeprefix("R")
    return f"R-{code[:4]}-{code[4:]}" if len(code) == 8 else ""


# Which team a report goes to ------------------------------------------------------

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)\s*[0-9][A-Z]{2}\b")


def parse_areas(setting: str) -> list[tuple[str, str]]:
    """``MSP_INTAKE_AREAS``: "NM1=North locality team; SM=South locality team"
    as (postcode prefix, team name) pairs, longest prefix first."""
    pairs = []
    for part in setting.split(";"):
        prefix, _, team = part.partition("=")
        if prefix.strip() and team.strip():
            pairs.append((prefix.strip().upper().replace(" ", ""), team.strip()))
    return sorted(pairs, key=lambda p: -len(p[0]))


def team_for_area(address: str, areas: list[tuple[str, str]], default: str) -> str:
    """The team covering the postcode in ``address`` (by the longest matching
    prefix of its outward code), else the default intake team ("" for none)."""
    match = _POSTCODE.search(address.upper())
    if match:
        outward = match.group(1)
        for prefix, team in areas:
            if outward.startswith(prefix):
                return team
    return default


# What the referrer is told -------------------------------------------------------


@dataclass(frozen=True)
class Status:
    key: str
    words: str
    explanation: str


RECEIVED = Status(
    "received",
    "Received",
    "We have received your report. Someone will look at it soon.",
)
LOOKED_AT = Status(
    "looking",
    "Being looked at",
    "Someone in our safeguarding team is looking at your report.",
)
CLOSED = Status(
    "closed",
    "Closed",
    "We have finished looking at your report.",
)


def status_for(case_state: str | None) -> Status:
    """The words a referrer sees. They say nothing about the adult, the
    decision or any enquiry: only whether the report is waiting, being looked
    at or finished. ``case_state`` is None until a triager has taken it on."""
    if case_state is None or case_state == CaseState.RAISED:
        return RECEIVED
    if case_state == CaseState.CLOSED:
        return CLOSED
    return LOOKED_AT

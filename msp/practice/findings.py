"""What the guard says about a case: one ``Finding`` per check that fails."""

from dataclasses import dataclass
from typing import Literal

from django.urls import NoReverseMatch, reverse

Severity = Literal["DUTY", "PROMPT"]
Stage = Literal["concern", "decision", "enquiry", "closure"]
Principle = Literal[
    "Empowerment", "Prevention", "Proportionality", "Protection", "Partnership", "Accountability"
]

DUTY: Severity = "DUTY"
PROMPT: Severity = "PROMPT"
SEVERITIES: tuple[Severity, ...] = (DUTY, PROMPT)
STAGES: tuple[Stage, ...] = ("concern", "decision", "enquiry", "closure")
PRINCIPLES: tuple[Principle, ...] = (
    "Empowerment",
    "Prevention",
    "Proportionality",
    "Protection",
    "Partnership",
    "Accountability",
)


@dataclass(frozen=True)
class Fix:
    """Where in the case the worker records what is missing: a URL name that
    takes the case's primary key, and an anchor on that page."""

    url_name: str
    anchor: str = ""

    def url(self, case_pk: int) -> str | None:
        """The link, or None while the page does not exist yet."""
        try:
            return reverse(self.url_name, args=[case_pk]) + self.anchor
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class Finding:
    check_id: str
    severity: Severity
    stage: Stage
    question: str  # the question the worker is asked
    missing: str  # what the record does not show yet
    reality: str  # the reality behind the myth: why it matters
    principles: tuple[Principle, ...]
    fix: Fix

    @property
    def myth(self) -> str:
        """ "M3" for "M3.a"."""
        return self.check_id.split(".", 1)[0]

    @property
    def blocks_closure(self) -> bool:
        return self.severity == DUTY

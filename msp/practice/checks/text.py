"""Free text written by workers, and the phrases some checks look for.

Only text a worker wrote is read: case notes, contact records, the section 42
decision, the closure and feedback to the referrer. The person's own words
(desired outcomes, their reasons for declining) are never scanned: the guard
does not judge what a person said.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from msp.practice.checks.base import listed, plural
from msp.practice.snapshot import CaseSnapshot


@dataclass(frozen=True)
class WorkerText:
    source: str  # "case note", "contact record", ...
    text: str


def worker_texts(s: CaseSnapshot) -> Iterator[WorkerText]:
    for note in s.notes:
        yield WorkerText("case note", note.text)
    for contact in s.contacts:
        yield WorkerText("contact record", f"{contact.notes}\n{contact.coercion_conclusion}")
    if s.decision is not None:
        d = s.decision
        yield WorkerText(
            "section 42 decision",
            "\n".join(
                (
                    d.care_and_support_needs_evidence,
                    d.experiencing_or_at_risk_evidence,
                    d.unable_to_protect_self_evidence,
                    d.response_details,
                )
            ),
        )
    if s.closure is not None:
        yield WorkerText("closure record", f"{s.closure.reason_details}\n{s.closure.open_door}")
    for feedback in s.feedback:
        yield WorkerText("feedback to the referrer", feedback.what_was_said)


def where(sources: list[str]) -> str:
    """'2 case notes and the section 42 decision'"""
    counts = Counter(sources)
    parts = []
    for source, n in counts.items():
        if source in ("section 42 decision", "closure record"):
            parts.append(f"the {source}")
        else:
            parts.append(plural(n, source))
    return listed(parts)


LIFESTYLE = re.compile(r"\blife[\s-]?style\s+choices?\b|\bunwise\s+decisions?\b", re.IGNORECASE)

INVESTIGATE = re.compile(r"\binvestigat\w*", re.IGNORECASE)
# Investigations by the police or a regulator are real investigations.
LEGITIMATE = re.compile(
    r"\bpolice\b|\bcriminal\b|\bregulat\w*|\bCQC\b|\bCare Quality Commission\b"
    r"|\bHSE\b|\bHealth and Safety Executive\b",
    re.IGNORECASE,
)
NEAR = 60  # characters either side


def says_investigation(text: str) -> bool:
    """True when "investigat..." is used for our own work: not within a few
    words of the police or a regulator."""
    for match in INVESTIGATE.finditer(text):
        around = text[max(0, match.start() - NEAR) : match.end() + NEAR]
        if not LEGITIMATE.search(around):
            return True
    return False


def says_lifestyle_choice(text: str) -> bool:
    return bool(LIFESTYLE.search(text))


# What workers write in "who was present" when nobody else was there (the
# contact form suggests "no one else").
NOBODY = frozenset(
    {
        "",
        "no one",
        "no-one",
        "noone",
        "nobody",
        "none",
        "n/a",
        "na",
        "nil",
        "-",
        "alone",
        "just the person",
        "only the person",
        "the person only",
        "just her",
        "just him",
        "just them",
    }
)


def someone_else_present(who_was_present: str) -> bool:
    words = re.sub(r"[.!,;]", "", who_was_present).strip().lower()
    words = re.sub(r"\s+", " ", words)
    words = re.sub(r"\s+else$", "", words)
    return words not in NOBODY

"""The check registry, and small helpers the checks share.

A check is a pure function ``(snapshot, config) -> Finding | None``. It is
registered with ``@check(...)``, which records what never changes about it
(severity, stage, question, reality, principles, where it is fixed); the
function decides only whether it applies and what is missing.
"""

import datetime
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from msp.practice.checks.triggers import Trigger
from msp.practice.config import Config
from msp.practice.findings import Finding, Fix, Principle, Severity, Stage
from msp.practice.reasons import is_empty_reason
from msp.practice.snapshot import CaseSnapshot

CheckFn = Callable[[CaseSnapshot, Config], Finding | None]

CHECK_ID = re.compile(r"^M(\d{1,2})\.([a-z])$")


@dataclass(frozen=True)
class CheckSpec:
    check_id: str
    severity: Severity
    stage: Stage
    question: str
    reality: str
    principles: tuple[Principle, ...]
    fix: Fix
    fn: CheckFn
    applies_when: tuple[Trigger, ...] = ()
    unless: tuple[Trigger, ...] = ()

    def applies(self, s: CaseSnapshot) -> bool:
        """Any of ``applies_when`` holds (or none are listed), and none of
        ``unless``."""
        if self.applies_when and not any(t(s) for t in self.applies_when):
            return False
        return not any(t(s) for t in self.unless)

    def finding(self, missing: str, fix: Fix | None = None) -> Finding:
        return Finding(
            check_id=self.check_id,
            severity=self.severity,
            stage=self.stage,
            question=self.question,
            missing=missing,
            reality=self.reality,
            principles=self.principles,
            fix=fix or self.fix,
        )


def sort_key(check_id: str) -> tuple[int, str]:
    match = CHECK_ID.match(check_id)
    if not match:
        raise ValueError(f"Not a check id: {check_id!r}")
    return int(match.group(1)), match.group(2)


CHECKS: dict[str, CheckSpec] = {}


def check(
    check_id: str,
    *,
    severity: Severity,
    stage: Stage,
    question: str,
    reality: str,
    principles: tuple[Principle, ...],
    fix: Fix,
    applies_when: tuple[Trigger, ...] = (),
    unless: tuple[Trigger, ...] = (),
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as the check ``check_id``. The
    registered function runs the decorated one only where the check applies
    (``applies_when`` / ``unless``: the facts that trigger it), so callers of
    ``CHECKS[id].fn`` and the guard see the same thing."""
    sort_key(check_id)

    def register(fn: CheckFn) -> CheckFn:
        if check_id in CHECKS:
            raise ValueError(f"{check_id} is registered twice")

        @functools.wraps(fn)
        def guarded(s: CaseSnapshot, config: Config) -> Finding | None:
            return fn(s, config) if spec.applies(s) else None

        spec = CheckSpec(
            check_id,
            severity,
            stage,
            question,
            reality,
            principles,
            fix,
            guarded,
            applies_when,
            unless,
        )
        CHECKS[check_id] = spec
        return fn

    return register


def fail(check_id: str, missing: str, fix: Fix | None = None) -> Finding:
    """The finding for ``check_id``, saying what is ``missing``."""
    return CHECKS[check_id].finding(missing, fix)


def blank(text: str | None) -> bool:
    return not (text or "").strip()


def no_reason(text: str | None, config: Config | None = None) -> bool:
    """Blank, or only words that give no reason ("NFA", "n/a", "see notes" ...:
    the guard settings' list)."""
    return is_empty_reason(text, config)


def day(d: datetime.date) -> str:
    """3 May 2025"""
    return f"{d.day} {d:%B %Y}"


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def listed(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'"""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]

"""Run the checks. ``evaluate`` is pure; the other two read the database
through the loader."""

from collections.abc import Mapping
from typing import Any

from msp.cases.models import Case
from msp.practice.checks import CHECKS
from msp.practice.config import Config
from msp.practice.findings import Finding
from msp.practice.loader import load_snapshot
from msp.practice.models import GuardConfig
from msp.practice.snapshot import CaseSnapshot, ProposedClosure


def evaluate(snapshot: CaseSnapshot, config: Config) -> list[Finding]:
    """Every failing check, in check-id order. No database access."""
    findings = []
    for spec in CHECKS.values():
        finding = spec.fn(snapshot, config)
        if finding is not None:
            findings.append(finding)
    return findings


def findings_for(case: Case) -> list[Finding]:
    """The open findings on ``case`` as it stands."""
    config = GuardConfig.current()
    return evaluate(load_snapshot(case, config=config), config)


def closure_findings(case: Case, proposed: Mapping[str, Any]) -> list[Finding]:
    """The findings if ``case`` were closed with the close form's ``proposed``
    values (reason, action_result, msp_asked, lacked_capacity, open_door ...)."""
    config = GuardConfig.current()
    snapshot = load_snapshot(case, ProposedClosure.from_values(proposed), config=config)
    return evaluate(snapshot, config)

"""Every demo case, as data. ``myths`` holds the cases that show each myth
handled well and badly; ``routine`` holds the everyday work around them;
``records`` holds what was recorded during each case."""

from dataclasses import replace

from msp.demo.scenarios.myths import MYTH_CASES
from msp.demo.scenarios.records import RECORDS
from msp.demo.scenarios.routine import ROUTINE_CASES
from msp.demo.specs import CaseSpec


def _with_records(cases: tuple[CaseSpec, ...]) -> tuple[CaseSpec, ...]:
    unknown = sorted(set(RECORDS) - {c.key for c in cases})
    if unknown:
        raise ValueError(f"Demo records for scenarios that do not exist: {unknown}")
    return tuple(replace(c, records=RECORDS.get(c.key, ())) for c in cases)


CASES: tuple[CaseSpec, ...] = _with_records(MYTH_CASES + ROUTINE_CASES)

"""Every demo case, as data. ``myths`` holds the cases that show each myth
handled well and badly; ``routine`` holds the everyday work around them."""

from msp.demo.scenarios.myths import MYTH_CASES
from msp.demo.scenarios.routine import ROUTINE_CASES
from msp.demo.specs import CaseSpec

CASES: tuple[CaseSpec, ...] = MYTH_CASES + ROUTINE_CASES

"""The check ids in myths.md are a public contract: every one that is a check
is implemented, with the severity myths.md gives it, and nothing else is."""

import re
from pathlib import Path

from msp.practice.checks import CHECKS

MYTHS = Path("/work/shared/myths.md")

# Used when the shared specification is not on this machine (for example in CI).
KNOWN = {
    "M1.a": "DUTY",
    "M1.b": "PROMPT",
    "M1.c": "PROMPT",
    "M1.d": "PROMPT",
    "M1.e": "DUTY",
    "M1.f": "PROMPT",
    "M2.a": "DUTY",
    "M2.b": "PROMPT",
    "M2.c": "DUTY",
    "M2.d": "PROMPT",
    "M3.a": "DUTY",
    "M3.b": "DUTY",
    "M3.c": "DUTY",
    "M3.d": "PROMPT",
    "M4.a": "DUTY",
    "M5.a": "DUTY",
    "M5.b": "DUTY",
    "M5.c": "DUTY",
    "M6.a": "PROMPT",
    "M6.b": "PROMPT",
    "M6.c": "PROMPT",
    "M6.d": "PROMPT",
    "M7.a": "PROMPT",
    "M7.b": "PROMPT",
    "M8.a": "DUTY",
    "M8.b": "PROMPT",
    "M8.c": "PROMPT",
    "M8.d": "PROMPT",
    "M9.a": "PROMPT",
    "M11.a": "PROMPT",
}

# "- `M1.a` DUTY-level in this product: ..." / "- `M4.b` Measure, not a check: ..."
ENTRY = re.compile(r"^- `(M\d+\.[a-z])` (\S+)", re.MULTILINE)


def specified() -> dict[str, str]:
    """{check id: DUTY or PROMPT} for every entry of myths.md that is a check."""
    if not MYTHS.exists():
        return KNOWN
    checks = {}
    for check_id, kind in ENTRY.findall(MYTHS.read_text(encoding="utf-8")):
        kind = kind.rstrip(":,")
        if kind.startswith("DUTY"):  # "DUTY" and "DUTY-level in this product"
            checks[check_id] = "DUTY"
        elif kind == "PROMPT":
            checks[check_id] = "PROMPT"
        # "Measure, not a check" and product duties are not checks
    return checks


def test_every_check_in_the_specification_is_implemented_with_its_severity():
    spec = specified()
    assert len(spec) >= 30
    assert {k: v.severity for k, v in CHECKS.items()} == spec


def test_the_fallback_list_matches_the_specification():
    if MYTHS.exists():
        assert specified() == KNOWN


def test_measures_are_not_checks():
    assert "M4.b" not in CHECKS
    assert "M9.b" not in CHECKS


def test_one_module_per_myth_and_one_function_per_check():
    for check_id, spec in CHECKS.items():
        myth = check_id.split(".")[0].lower()
        assert spec.fn.__module__ == f"msp.practice.checks.{myth}"
    assert len({spec.fn for spec in CHECKS.values()}) == len(CHECKS)


def test_registry_is_in_check_id_order():
    ids = list(CHECKS)
    assert ids[:6] == ["M1.a", "M1.b", "M1.c", "M1.d", "M1.e", "M1.f"]
    assert ids[-2:] == ["M9.a", "M11.a"]

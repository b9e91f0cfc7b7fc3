"""Precision and recall of the practice guard over the vignette suite.

    .venv/bin/python tests/vignettes/score.py [--unseen | --third] [--markdown FILE]

Runs the vignette tests (they write what each vignette expected and got), then
counts, for each check id, true positives (expected and raised), false
positives (raised, not expected) and misses (expected, not raised), and prints
them with the list of vignettes that did not match."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_suite(tests: str = "tests/vignettes/test_vignettes.py") -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        env = {**os.environ, "VIGNETTE_RESULTS": str(out)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                tests,
            ],
            cwd=ROOT,
            env=env,
            check=False,
            stdout=subprocess.DEVNULL,
        )
        return json.loads(out.read_text(encoding="utf-8"))


def score(results: list[dict[str, object]]) -> str:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong = []
    for r in results:
        expected, got = set(r["expected"]), set(r["got"])  # type: ignore[call-overload]
        tp.update(expected & got)
        fp.update(got - expected)
        fn.update(expected - got)
        if expected != got:
            wrong.append((r["id"], sorted(expected), sorted(got), r.get("xfail")))
    checks = sorted(set(tp) | set(fp) | set(fn), key=lambda c: (int(c[1:].split(".")[0]), c))
    t, f, m = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = t / (t + f) if t + f else 1.0
    recall = t / (t + m) if t + m else 1.0
    good = [r for r in results if str(r["id"]).startswith(("good-", "u-g", "c-g"))]
    lines = [
        f"Vignettes: {len(results)} ({len(good)} good practice); matching exactly: {len(results) - len(wrong)}",
        f"Precision: {precision:.0%} ({t} of {t + f} findings raised were expected)",
        f"Recall: {recall:.0%} ({t} of {t + m} expected findings were raised)",
        "",
        "| Check | Raised and expected | Raised, not expected | Expected, not raised |",
        "|---|---|---|---|",
        *(f"| {c} | {tp[c]} | {fp[c]} | {fn[c]} |" for c in checks),
        "",
        "| Vignette | Expected | Got | Note |",
        "|---|---|---|---|",
        *(
            f"| {i} | {', '.join(e) or 'none'} | {', '.join(g) or 'none'} | {f'xfail: {x}' if x else ''} |"
            for i, e, g, x in wrong
        ),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--results", help="a results file already written by a run with VIGNETTE_RESULTS"
    )
    parser.add_argument("--markdown", help="also write the figures to this file")
    parser.add_argument(
        "--unseen",
        action="store_true",
        help="score the blind second set (tests/vignettes/unseen.py) instead",
    )
    parser.add_argument(
        "--third",
        action="store_true",
        help="score the blind third set (tests/vignettes/unseen_c.py) instead",
    )
    args = parser.parse_args()
    suite = "tests/vignettes/test_vignettes.py"
    if args.unseen:
        suite = "tests/vignettes/test_unseen.py"
    elif args.third:
        suite = "tests/vignettes/test_unseen_c.py"
    results = json.loads(Path(args.results).read_text()) if args.results else run_suite(suite)
    text = score(results)
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

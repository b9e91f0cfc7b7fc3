#!/usr/bin/env python3
"""Which queries make the statutory return slow, and their query plans.

    MSP_SQLITE_PATH=/tmp/big.sqlite3 .venv/bin/python bench/sac_explain.py [--year 2024]
    DATABASE_URL=postgresql://... .venv/bin/python bench/sac_explain.py [--top 4]

Runs ``msp.assurance.sac.build_return(year)`` once on the database the
settings name (no data is created: fill it first, for example with
``sac_bench.py --keep`` or ``manage.py generate_synthetic``), times every SQL
statement, then prints the slowest ones with their plans: ``EXPLAIN ANALYZE``
on PostgreSQL (which runs the query again), ``EXPLAIN QUERY PLAN`` on SQLite.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")


class Recorder:
    def __init__(self) -> None:
        self.queries: list[tuple[float, str, Any]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql, params))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--top", type=int, default=4, help="How many slow queries to explain")
    parser.add_argument("--jit", choices=["default", "on", "off"], default="default")
    parser.add_argument("--work-mem", default="", help="PostgreSQL work_mem to try, e.g. 16MB")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection

    from msp.assurance.sac import build_return

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if args.jit != "default":
                cursor.execute(f"SET jit = {args.jit}")
            if args.work_mem:
                cursor.execute("SELECT set_config('work_mem', %s, false)", [args.work_mem])
    recorder = Recorder()
    started = time.perf_counter()
    with connection.execute_wrapper(recorder):
        build_return(args.year)
    total = time.perf_counter() - started
    in_sql = sum(t for t, _, _ in recorder.queries)
    print(
        f"build_return({args.year}) on {connection.vendor}: {total:.2f}s, "
        f"{len(recorder.queries)} queries taking {in_sql:.2f}s"
    )
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    slowest = sorted(recorder.queries, key=lambda q: q[0], reverse=True)[: args.top]
    for seconds, sql, params in slowest:
        print(f"\n=== {seconds:.2f}s ===\n{sql}\n--- params: {params}\n--- plan:")
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            for row in cursor.fetchall():
                print("  " + " | ".join(str(v) for v in row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

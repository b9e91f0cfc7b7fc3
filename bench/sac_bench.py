#!/usr/bin/env python3
"""Benchmark: the statutory return (SAC) on bulk synthetic data.

For each database and size it makes a fresh database, migrates it, generates
N synthetic concerns (timed), then times ``msp.assurance.sac.build_return(year)``
(median of --runs runs) next to one hand-written SQL aggregate over the same
rows: the floor, what a single well-indexed GROUP BY costs. It prints both and
their ratio, and the slowest queries inside build_return.

    .venv/bin/python bench/sac_bench.py --sizes 100000 --databases sqlite
    .venv/bin/python scripts/pg_throwaway.py -- \\
        .venv/bin/python bench/sac_bench.py --sizes 100000 1000000 --databases sqlite postgresql

PostgreSQL needs DATABASE_URL (scripts/pg_throwaway.py sets it) or
--database-url: a database on a server where this user may create databases.
Each size gets a database of its own (msp_bench_<N>), dropped afterwards
unless --keep. SQLite databases go in a temporary directory.

Each (database, size) runs in a child process of its own, so Django is set up
afresh against that database. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARK = "SAC_BENCH_RESULT "


# The floor ---------------------------------------------------------------

FLOOR_SQL = """
SELECT t.value AS type_of_risk, s.value AS source_of_risk, COUNT(DISTINCT cl.id) AS enquiries
FROM enquiries_closure cl
JOIN cases_case k ON k.id = cl.case_id
JOIN concerns_concern c ON c.case_id = cl.case_id
CROSS JOIN {types}
CROSS JOIN {sources}
WHERE cl.closed_at >= %s AND cl.closed_at < %s AND k.enquiry_type = 's42'
GROUP BY t.value, s.value
"""


def floor_sql(vendor: str) -> str:
    """SG2a-style counts (type of risk x source of risk, concluded section 42
    enquiries in the year) in one statement. The only difference between the
    databases is the function that turns a JSON list into rows."""
    if vendor == "postgresql":
        types = "jsonb_array_elements_text(c.abuse_types) AS t(value)"
        sources = "jsonb_array_elements_text(c.sources_of_risk) AS s(value)"
    else:
        types = "json_each(c.abuse_types) AS t"
        sources = "json_each(c.sources_of_risk) AS s"
    return FLOOR_SQL.format(types=types, sources=sources)


# The child: one database, one size ---------------------------------------


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


class QueryTimer:
    """Times every SQL statement run while it is installed."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql))


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        # The command name is in brackets and may hold spaces: split after it.
        return f.read().rsplit(")", 1)[1].split()


def server_cpu_seconds() -> float | None:
    """CPU time used so far by this PostgreSQL server: its postmaster's
    children (backends, parallel workers, background processes) and those that
    have exited. Only for a server on this machine, read from /proc; None if
    that is not possible. Other work on the machine does not count here, so
    this is steadier than the wall clock on a busy machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = int(cursor.fetchone()[0])
        postmaster = int(_stat(backend)[1])
        ticks = os.sysconf("SC_CLK_TCK")
        stat = _stat(postmaster)
        total = sum(int(v) for v in stat[11:15])  # its own and its reaped children's
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    child_stat = _stat(int(entry))
                except OSError:
                    continue
                if int(child_stat[1]) == postmaster:
                    total += int(child_stat[11]) + int(child_stat[12])
        return total / ticks
    except (OSError, ValueError, IndexError, TypeError):
        return None


def _server_cpu_since(before: float | None) -> float | None:
    if before is None:
        return None
    after = server_cpu_seconds()
    return None if after is None else after - before


def _explain(sql: str, params: Any) -> list[str]:
    from django.db import connection

    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return [" | ".join(str(v) for v in row) for row in cursor.fetchall()]


class PartTimer:
    """Times the functions build_return calls in the modules that do the work
    (demographics, case_details, reviews, validation), whatever their names,
    by wrapping them for one run. Nested calls count in the outermost one."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.depth = 0
        self.originals: list[tuple[Any, str, Any]] = []

    def _wrap(self, module: Any, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.depth += 1
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.depth -= 1
                if self.depth == 0:
                    key = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
                    self.times[key] = self.times.get(key, 0.0) + time.perf_counter() - started

        return timed

    def __enter__(self) -> PartTimer:
        import inspect

        from msp.assurance.sac import case_details, demographics, reviews, validation

        for module in (demographics, case_details, reviews, validation):
            for name, fn in vars(module).items():
                if inspect.isfunction(fn) and fn.__module__ == module.__name__:
                    self.originals.append((module, name, fn))
                    setattr(module, name, self._wrap(module, name, fn))
        return self

    def __exit__(self, *exc: object) -> None:
        for module, name, fn in self.originals:
            setattr(module, name, fn)


def child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "msp.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from msp.assurance.period import Period
    from msp.assurance.sac import build_return
    from msp.assurance.synthetic import generate

    out: dict[str, Any] = {"vendor": connection.vendor, "size": args.size, "year": args.year}
    # Other work on the machine skews every figure: keep the load beside them.
    out["load_average"] = [os.getloadavg()[0]]
    out["migrate_seconds"], _ = _timed(lambda: call_command("migrate", verbosity=0))
    say(f"{connection.vendor} {args.size:,}: generating")
    cpu = time.process_time()
    server = server_cpu_seconds() if connection.vendor == "postgresql" else None
    result = generate(
        concerns=args.size, seed=args.seed, start_year=args.start_year, years=args.years
    )
    # CPU time of this process only (all of SQLite's work; not PostgreSQL's server).
    out["generate_cpu_seconds"] = time.process_time() - cpu
    out["generate_server_cpu_seconds"] = _server_cpu_since(server)
    out["generate_seconds"] = result.seconds
    if connection.vendor == "postgresql" and args.teams > 1:
        out["teams"] = spread_over_teams(args.teams)
    out["rows"] = result.rows
    out["people"] = result.summary.people
    if connection.vendor == "sqlite" and args.sqlite_analyze:
        out["sqlite_analyze_seconds"], _ = _timed(lambda: connection.cursor().execute("ANALYZE"))

    if connection.vendor == "postgresql" and args.pg_jit != "default":
        with connection.cursor() as cursor:
            cursor.execute(f"SET jit = {'on' if args.pg_jit == 'on' else 'off'}")
    out["pg_jit"] = args.pg_jit if connection.vendor == "postgresql" else ""

    period = Period(args.year)
    floor_params = [period.starts_at, period.ends_before]
    sql = floor_sql(connection.vendor)

    def floor() -> list[Any]:
        with connection.cursor() as cursor:
            cursor.execute(sql, floor_params)
            found: list[Any] = cursor.fetchall()
            return found

    say(f"{connection.vendor} {args.size:,}: timing build_return({args.year})")
    build_times, floor_times = [], []
    sac = None
    build_cpu, build_server_cpu = [], []
    for _ in range(args.runs):
        cpu = time.process_time()
        server = server_cpu_seconds() if connection.vendor == "postgresql" else None
        seconds, sac = _timed(lambda: build_return(args.year))
        build_cpu.append(time.process_time() - cpu)
        build_server_cpu.append(_server_cpu_since(server))
        build_times.append(seconds)
    out["build_return_cpu_seconds"] = build_cpu
    out["build_return_server_cpu_seconds"] = build_server_cpu
    floor_server_cpu = []
    for _ in range(args.runs):
        server = server_cpu_seconds() if connection.vendor == "postgresql" else None
        seconds, rows = _timed(floor)
        floor_server_cpu.append(_server_cpu_since(server))
        floor_times.append(seconds)
    out["floor_server_cpu_seconds"] = floor_server_cpu
    out["build_return_seconds"] = build_times
    out["floor_seconds"] = floor_times
    out["floor_rows"] = len(rows)
    assert sac is not None
    out["return"] = {
        "concerns": sac.concerns,
        "enquiries_started": sac.enquiries_started,
        "enquiries_concluded": sac.enquiries_concluded,
    }

    # One more run with every statement timed, to see which queries dominate.
    timer = QueryTimer()
    with connection.execute_wrapper(timer):
        build_return(args.year)
    total = sum(t for t, _ in timer.queries)
    slowest = sorted(timer.queries, key=lambda q: q[0], reverse=True)[: args.top]
    out["queries"] = {"count": len(timer.queries), "seconds": total}
    out["slowest"] = [{"seconds": t, "sql": " ".join(q.split())[:600]} for t, q in slowest]
    parts = PartTimer()
    with parts:
        seconds, _ = _timed(lambda: build_return(args.year))
    out["parts"] = {"build_return": seconds, **parts.times}
    out["load_average"].append(os.getloadavg()[0])
    out["background"] = background(args)
    if connection.vendor == "postgresql":
        out["per_table"] = per_table(args, period)
        if args.board_runs:
            out["board"] = board(args, period)
    if args.explain:
        out["floor_plan"] = _explain(sql, floor_params)
    print(RESULT_MARK + json.dumps(out), flush=True)


# Each part of the return and the board, against its own floor (PostgreSQL) ---

# The functions that compute each group of tables: (module, name) -> floor key.
PARTS = {
    ("msp.assurance.sac.demographics", "started"): "SG1f",
    ("msp.assurance.sac.demographics", "person_tables"): "SG1a-e",
    ("msp.assurance.sac.case_details", "_cross_by_source"): "SG2a, SG2a_b1, SG2b, SG2c",
    ("msp.assurance.sac.case_details", "closure_counts"): "SG2e, SG3a, SG4a",
    ("msp.assurance.sac.build", "reviews"): "SG5 (reviews)",
    ("msp.assurance.sac.build", "validation"): "data checks",
}


def spread_over_teams(teams: int) -> dict[str, int]:
    """The generator puts every case in one team; a board has several. Share
    the cases out by id between ``teams`` teams (the return is unchanged)."""
    from django.db import connection

    from msp.accounts.models import Team

    # The generator's team is the first; more are made as needed.
    ids = list(Team.objects.order_by("pk").values_list("pk", flat=True)[:teams])
    ids += [Team.objects.create(name=f"Synthetic team {i + 1}").pk for i in range(len(ids), teams)]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE cases_case SET team_id = (%s::int[])[1 + id %% %s]", [ids, teams])
        cursor.execute("ANALYZE")
    return {str(pk): n for pk, n in zip(ids, range(teams), strict=True)}


class Wrapped:
    """Times, by name, every call of the functions in PARTS (a module named
    ``validation`` or ``reviews`` stands for every call into that module)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.undo: list[tuple[Any, str, Any]] = []

    def _timed(self, key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*a: Any, **k: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                self.times[key] = self.times.get(key, 0.0) + time.perf_counter() - started

        return timed

    def __enter__(self) -> Wrapped:
        import importlib
        import inspect

        for (module_name, name), key in PARTS.items():
            module = importlib.import_module(module_name)
            target = getattr(module, name)
            if inspect.ismodule(target):
                for fname, fn in vars(target).items():
                    if inspect.isfunction(fn) and fn.__module__ == target.__name__:
                        self.undo.append((target, fname, fn))
                        setattr(target, fname, self._timed(key, fn))
            else:
                self.undo.append((module, name, target))
                setattr(module, name, self._timed(key, target))
        return self

    def __exit__(self, *exc: object) -> None:
        for module, name, fn in reversed(self.undo):
            setattr(module, name, fn)


def _floor_params(period: Any) -> dict[str, Any]:
    return {
        "start": period.starts_at,
        "end": period.ends_before,
        "first": period.first_day,
        "last": period.last_day,
        "year_end": period.last_day,
    }


def _run_sql(statements: list[str], params: dict[str, Any]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement, params)
            cursor.fetchall()


def per_table(args: argparse.Namespace, period: Any) -> dict[str, Any]:
    """Each group of tables inside build_return (median over --runs runs), and
    its own hand-written floor (median over --runs runs)."""
    from floors import RETURN_FLOORS

    from msp.assurance.sac import build_return

    runs: list[dict[str, float]] = []
    totals: list[float] = []
    for _ in range(args.runs):
        with Wrapped() as wrapped:
            seconds, _sac = _timed(lambda: build_return(args.year))
        runs.append(wrapped.times)
        totals.append(seconds)
    params = _floor_params(period)
    floors: dict[str, float] = {}
    for key, sql in RETURN_FLOORS.items():
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            _run_sql([sql], params)
            times.append(time.perf_counter() - started)
        floors[key] = statistics.median(times)
    keys = list(dict.fromkeys(PARTS.values()))
    return {
        "return_seconds": statistics.median(totals),
        "parts": {k: statistics.median(r.get(k, 0.0) for r in runs) for k in keys},
        "floors": floors,
    }


def background(args: argparse.Namespace) -> dict[str, Any]:
    """The return as the service now makes it: the background task's whole
    build (counting, both downloads, storing), then the page as a performance
    officer sees it served from that stored build, and a download."""
    from django.test import RequestFactory

    from msp.accounts.models import Role
    from msp.assurance.builds import build_return_task, request_return
    from msp.assurance.models import ReturnBuild
    from msp.assurance.views import download, sac_return
    from tests import factories

    officer = factories.user(Role.PERFORMANCE, team_name=None, username="bench-performance")
    ReturnBuild.objects.all().delete()
    request_return_s, _ = _timed(lambda: request_return(args.year))  # queues (tests: runs) it
    build_s = []
    for _ in range(args.runs):
        build_s.append(_timed(lambda: build_return_task.call(args.year))[0])
    page = RequestFactory().get("/assurance/return/", {"year": str(args.year)})
    page.user = officer
    page_s = [_timed(lambda: sac_return(page))[0] for _ in range(max(args.runs, 3))]
    response = sac_return(page)
    assert b"SG1f" in response.content, "the page did not serve the stored return"
    csv = RequestFactory().get(f"/assurance/return/{args.year}.csv")
    csv.user = officer
    download_s = [_timed(lambda: download(csv, args.year, "csv"))[0] for _ in range(3)]
    return {
        "request_seconds": request_return_s,
        "build_seconds": build_s,
        "stored_page_seconds": page_s,
        "stored_download_seconds": download_s,
        "page_bytes": len(response.content),
    }


def board(args: argparse.Namespace, period: Any) -> dict[str, Any]:
    """The board's every view of the year (all teams and each team, the year
    and each quarter), protected together, as a board member's first request
    for the year makes them (cache cleared): measuring every view, then
    protecting them together; then a repeated request (the cache is keyed by
    the true counts, so it measures again). Once each, unless --board-runs:
    at a million concerns one request takes minutes. And the floor: every count
    of every view, in one pass per kind of count."""
    from django.core.cache import cache
    from floors import BOARD

    from msp.accounts.models import Team
    from msp.board import report as board_report
    from msp.board.models import StoredFigures

    teams = {t.pk: t.name for t in Team.objects.order_by("name")}
    views = [(team, q) for team in [None, *sorted(teams)] for q in [*board_report.QUARTERS, None]]
    first, protecting = [], []
    build_year = board_report.build_year

    def timed_build_year(*a: Any, **k: Any) -> Any:
        started = time.perf_counter()
        try:
            return build_year(*a, **k)
        finally:
            protecting.append(time.perf_counter() - started)

    board_report.build_year = timed_build_year
    try:
        for _ in range(args.board_runs):
            cache.clear()
            StoredFigures.objects.all().delete()
            first.append(_timed(lambda: board_report.year_reports(args.year, teams))[0])
    finally:
        board_report.build_year = build_year
    # Then from the stored figures: with the protected figures' cache cleared
    # (disclosure control runs again), and with it kept (a repeated request).
    stored_uncached, stored_cached = [], []
    for _ in range(3):
        cache.clear()
        stored_uncached.append(_timed(lambda: board_report.year_reports(args.year, teams))[0])
        stored_cached.append(_timed(lambda: board_report.year_reports(args.year, teams))[0])
    measuring = [f - p for f, p in zip(first, protecting, strict=True)]
    params = _floor_params(period)
    floor = statistics.median(_timed(lambda: _run_sql(BOARD, params))[0] for _ in range(args.runs))
    return {
        "teams": len(teams),
        "views": len(views),
        "first_request_seconds": first,
        "measure_seconds": measuring,
        "protect_seconds": protecting,
        "floor_seconds": floor,
        "stored_protect_seconds": stored_uncached,
        "stored_cached_seconds": stored_cached,
    }


def per_table_report(r: dict[str, Any]) -> list[str]:
    t = r.get("per_table")
    if not t:
        return []
    lines = [
        "",
        f"{r['vendor']} {r['size']:,}: each part of build_return({r.get('year', '')}) "
        "against its own hand-written floor (bench/floors.py)",
        f"  {'tables':<28}{'in return':>10}{'floor':>9}{'ratio':>8}",
    ]
    floor_sum = 0.0
    for key, seconds in t["parts"].items():
        floor = t["floors"].get(key)
        if floor is None:
            lines.append(f"  {key:<28}{seconds:>9.3f}s{'-':>9}{'-':>8}")
        else:
            floor_sum += floor
            lines.append(f"  {key:<28}{seconds:>9.3f}s{floor:>8.3f}s{seconds / floor:>7.1f}x")
    whole = t["return_seconds"]
    lines.append(
        f"  {'whole return':<28}{whole:>9.3f}s{floor_sum:>8.3f}s{whole / floor_sum:>7.1f}x"
        "  (floor: the sum of the floors)"
    )
    b = r.get("board")
    if b:
        measuring = statistics.median(b["measure_seconds"])
        protecting = statistics.median(b["protect_seconds"])
        first = measuring + protecting
        lines += [
            "",
            f"  board, {b['views']} views ({b['teams']} teams and all teams; the year and each "
            "quarter), protected together:",
            f"    first request (cache and store empty) {first:.2f}s: measuring "
            f"{measuring:.2f}s, protecting {protecting:.2f}s (later requests read the stored "
            f"figures, see below); floor {b['floor_seconds']:.3f}s; "
            f"ratio {first / b['floor_seconds']:.1f}x",
        ]
    return lines


# The parent: every database and size -------------------------------------


def say(message: str) -> None:
    print(f"sac_bench: {message}", file=sys.stderr, flush=True)


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


def _child_command(size: int, args: argparse.Namespace) -> list[str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--size", str(size)]
    for option in ("year", "seed", "start_year", "years", "runs", "top", "teams", "board_runs"):
        command += ["--" + option.replace("_", "-"), str(getattr(args, option))]
    if args.explain:
        command.append("--explain")
    if args.sqlite_analyze:
        command.append("--sqlite-analyze")
    command += ["--pg-jit", args.pg_jit]
    return command


def run_one(vendor: str, size: int, args: argparse.Namespace) -> dict[str, Any]:
    """Make a fresh database, run the child against it, then remove it."""
    env = dict(os.environ, MSP_ENV="development", MSP_DEBUG="false")
    if vendor == "sqlite":
        directory = tempfile.mkdtemp(prefix="sac-bench-")
        env.pop("DATABASE_URL", None)
        env["MSP_SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")

        def cleanup() -> None:
            if args.keep:
                say(f"kept {env['MSP_SQLITE_PATH']}")
            else:
                shutil.rmtree(directory, ignore_errors=True)

    else:
        base = args.database_url or os.environ.get("DATABASE_URL", "")
        if not base.startswith("postgres"):
            raise SystemExit(
                "PostgreSQL needs --database-url or DATABASE_URL: run under "
                "scripts/pg_throwaway.py, or give a server where you may create databases."
            )
        name = f"msp_bench_{size}"
        _admin(base, f"DROP DATABASE IF EXISTS {name}")
        _admin(base, f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = _with_database(base, name)

        def cleanup() -> None:
            if args.keep:
                say(f"kept database {name}")
            else:
                _admin(base, f"DROP DATABASE IF EXISTS {name}")

    try:
        # This same script, with arguments we built: no untrusted input.
        done = subprocess.run(  # noqa: S603
            _child_command(size, args), env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"{vendor} {size}: the benchmark failed (exit {done.returncode})")
        line = next(line for line in done.stdout.splitlines() if line.startswith(RESULT_MARK))
        result: dict[str, Any] = json.loads(line.removeprefix(RESULT_MARK))
        return result
    finally:
        cleanup()


def report(results: list[dict[str, Any]]) -> str:
    lines = [
        f"{'database':<11}{'concerns':>10}{'rows':>11}{'generate':>10}{'rows/s':>9}"
        f"{'build_return':>14}{'floor':>9}{'ratio':>8}",
    ]
    for r in results:
        rows = sum(r["rows"].values())
        build = statistics.median(r["build_return_seconds"])
        floor = statistics.median(r["floor_seconds"])
        vendor = r["vendor"] + (" (jit off)" if r.get("pg_jit") == "off" else "")
        lines.append(
            f"{vendor:<11}{r['size']:>10,}{rows:>11,}{r['generate_seconds']:>9.1f}s"
            f"{rows / r['generate_seconds']:>9,.0f}{build:>13.2f}s{floor:>8.2f}s"
            f"{build / floor:>7.1f}x"
        )
    lines.append("")
    lines.append("build_return and floor: median of the timed runs, in seconds.")
    for r in results:
        lines.append("")
        lines.append(
            f"{r['vendor']} {r['size']:,}: build_return runs "
            + ", ".join(f"{t:.2f}s" for t in r["build_return_seconds"])
            + "; floor runs "
            + ", ".join(f"{t:.2f}s" for t in r["floor_seconds"])
            + f"; {r['queries']['count']} queries taking {r['queries']['seconds']:.2f}s; "
            + f"return: {r['return']}"
        )
        if "generate_cpu_seconds" in r:
            lines.append(
                f"  CPU time in the benchmark process: generate {r['generate_cpu_seconds']:.1f}s, "
                "build_return " + ", ".join(f"{t:.2f}s" for t in r["build_return_cpu_seconds"])
            )
        if any(r.get("build_return_server_cpu_seconds") or []):
            lines.append(
                "  CPU time in the PostgreSQL server: generate "
                f"{r['generate_server_cpu_seconds'] or 0:.1f}s, build_return "
                + ", ".join(f"{t or 0:.2f}s" for t in r["build_return_server_cpu_seconds"])
                + ", floor "
                + ", ".join(f"{t or 0:.2f}s" for t in r["floor_server_cpu_seconds"])
            )
        if "load_average" in r:
            lines.append(
                "  load average (1 min) at start and end: "
                + ", ".join(f"{x:.1f}" for x in r["load_average"])
            )
        parts = r.get("parts", {})
        lines.append(
            "  parts: "
            + "; ".join(
                f"{name} {value:.2f}s" if isinstance(value, float) else f"{name}: {value}"
                for name, value in parts.items()
            )
        )
        for q in r["slowest"]:
            lines.append(f"  {q['seconds']:7.2f}s  {q['sql'][:300]}")
        lines += per_table_report(r)
        if "background" in r:
            bg = r["background"]
            lines.append(
                "  background build (count, both downloads, store): "
                + ", ".join(f"{t:.2f}s" for t in bg["build_seconds"])
                + "; page from the stored build: "
                + ", ".join(f"{t:.3f}s" for t in bg["stored_page_seconds"])
                + "; CSV from the store: "
                + ", ".join(f"{t:.3f}s" for t in bg["stored_download_seconds"])
            )
        if "board" in r and "stored_protect_seconds" in r["board"]:
            b = r["board"]
            lines.append(
                "  board: first request (store empty) "
                + ", ".join(f"{t:.2f}s" for t in b["first_request_seconds"])
                + "; from the store, disclosure control again "
                + ", ".join(f"{t:.3f}s" for t in b["stored_protect_seconds"])
                + "; from the store, protected figures cached "
                + ", ".join(f"{t:.3f}s" for t in b["stored_cached_seconds"])
            )
        for plan_line in r.get("floor_plan", []):
            lines.append(f"  plan: {plan_line}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite"]
    )
    parser.add_argument("--database-url", default="", help="PostgreSQL server to use")
    parser.add_argument("--year", type=int, default=2024, help="Reporting year (default 2024)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start-year", type=int, default=2023)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3, help="Timed runs of each (default 3)")
    parser.add_argument("--top", type=int, default=6, help="Slowest queries to show")
    parser.add_argument("--explain", action="store_true", help="Show the floor's query plan")
    parser.add_argument(
        "--sqlite-analyze", action="store_true", help="Run ANALYZE on SQLite after loading"
    )
    parser.add_argument(
        "--pg-jit",
        choices=["default", "on", "off"],
        default="off",
        help=(
            "PostgreSQL's JIT compiler for the session (default off, as build_return sets "
            "for itself, so that the floor runs the same way; 'default' keeps the server's)"
        ),
    )
    parser.add_argument(
        "--teams", type=int, default=3, help="Share the cases between this many teams (default 3)"
    )
    parser.add_argument(
        "--board-runs", type=int, default=1, help="Timed runs of the board (default 1; 0: none)"
    )
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards")
    parser.add_argument("--json", type=Path, help="Also write the results to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0
    results = []
    for vendor in args.databases:
        for size in args.sizes:
            say(f"{vendor}, {size:,} concerns")
            results.append(run_one(vendor, size, args))
            if len(args.databases) * len(args.sizes) > 1:
                print(report(results[-1:]) + "\n", flush=True)
    print(report(results), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

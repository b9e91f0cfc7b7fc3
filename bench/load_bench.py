"""Load test on the production server, person search at scale, and the list pages.

    .venv/bin/python scripts/pg_throwaway.py -- .venv/bin/python bench/load_bench.py
    .venv/bin/python scripts/pg_throwaway.py -- .venv/bin/python bench/load_bench.py \
        --people 1000000 --open-cases 30000 --seconds 30 --clients 16

On the PostgreSQL server that DATABASE_URL names, makes a new database
(``msp_load_bench``), migrates it and fills it:

- one large case built through the action functions (bench/guard_bench.py: about
  200 contacts, 150 notes, 50 desired outcomes revisited once, 30 plan actions);
- ``--people`` people written in bulk (COPY), half in the bench team and half in
  another, with invented dates of birth and postcodes and, with ``--names
  realistic`` (the default), names spread as in England (bench/names.py: Smith
  about 1.3%, a few hundred common family names, then tens of thousands of rarer
  ones); ``--names synthetic`` gives the synthetic generator's names instead
  (invented halves glued together, whose three-letter pieces nearly everyone
  shares: the names person search was first measured on, 150-245 ms at the 95th
  percentile over a million people). Each kind is kept in a database of its own
  (``msp_load_bench``, ``msp_load_bench_synthetic``), so ``--keep-data`` reuses the
  right one;
- ``--open-cases`` open cases in the bench team, one in three allocated to the
  bench practitioner (their "My cases").

Then it serves the project with gunicorn (``--workers`` sync workers,
gunicorn.conf.py, DEBUG off) and runs ``--clients`` threads for ``--seconds``,
asking for the case page, then for the floor (``/bench/floor/``: a signed-in
page that does nothing, through the same middleware), in turns (``--rounds``)
within one run, so both see the same machine. It prints requests a second,
median and 95th percentile for each and their ratios; then single-client
timings of the list pages and of person search, in the process (``find_people``)
and over HTTP. The load average is printed at the start and the end.

http.client in threads is the load generator (locust is not installed; wrk is
used by nobody here). The client runs on the same 2 cores as the server: its
own CPU is part of what is measured, as it is for the floor.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from importlib import import_module
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATABASE = "msp_load_bench"


def say(message: str) -> None:
    print(f"load_bench: {message}", file=sys.stderr, flush=True)


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def prepare_database(base_url: str, keep_data: bool, names: str) -> str:
    """The bench database's URL, made anew unless ``keep_data``. The two kinds of
    names live in databases of their own, so either can be kept and reused."""
    import psycopg

    database = DATABASE if names == "realistic" else f"{DATABASE}_{names}"
    parts = urlsplit(base_url)
    url = urlunsplit(parts._replace(path=f"/{database}"))
    with psycopg.connect(base_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists and not keep_data:
            conn.execute(f"DROP DATABASE {database}")
        if not exists or not keep_data:
            conn.execute(f"CREATE DATABASE {database}")
    return url


# Data ---------------------------------------------------------------------------


def fill(people: int, open_cases: int, seed: int, names: str) -> dict[str, Any]:
    import names as bench_names
    from django.core.management import call_command
    from django.db import connection, transaction

    from msp.accounts.models import Role, Team, User
    from msp.assurance.synthetic import text, writer
    from msp.cases.models import Case, CaseState
    from msp.people.models import SEARCH_KEYS, Person, search_keys_of

    call_command("migrate", verbosity=0)
    if User.objects.filter(username="bench_worker").exists():
        say("data already there (--keep-data)")
        return info()
    started = time.perf_counter()
    import guard_bench

    big = guard_bench.build()
    say(f"large case built in {time.perf_counter() - started:.0f} s")
    team = big.team
    worker = User.objects.get(username="bench_worker")
    other = Team.objects.create(name="Other bench team")
    User.objects.create_user(username="bench_lead", password=None, role=Role.SAFEGUARDING_LEAD)

    rng = random.Random(seed)
    givens = text.GIVEN_NAMES_FEMALE + text.GIVEN_NAMES_MALE + text.GIVEN_NAMES_ANY
    realistic = bench_names.Names(random.Random(seed), people) if names == "realistic" else None
    now = datetime.datetime.now(datetime.UTC)
    columns = [
        "id", "given_name", "family_name", "date_of_birth", "address", "postcode",
        "team_id", "created_at", *SEARCH_KEYS,
    ]  # fmt: skip
    table = writer.Table(Person, columns)
    first = writer.next_ids({"person": Person})["person"]
    trigram = import_module("msp.people.migrations.0002_search_merge_estimated")
    with connection.cursor() as cursor:  # built once after the load: much quicker
        for name, _column in trigram.TRIGRAM_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
    started = time.perf_counter()
    batch: list[tuple[Any, ...]] = []
    for n in range(people):
        if realistic is not None:
            given, family = realistic.given(), realistic.family()
        else:
            given = rng.choice(givens)
            family = rng.choice(text.SURNAME_STARTS) + rng.choice(text.SURNAME_ENDS)
            if rng.random() < 0.7:
                family += rng.choice(text.SURNAME_ENDS)
            family = family.capitalize()
        born = datetime.date(1925, 1, 1) + datetime.timedelta(days=rng.randrange(29_000))
        postcode = (
            f"FN{rng.randrange(1, 21)} {rng.randrange(10)}"
            f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        )
        address = f"{rng.randrange(1, 200)} {rng.choice(text.STREETS)}, {text.TOWN}"
        keys = search_keys_of(
            given_name=given,
            family_name=family,
            preferred_name="",
            address=address,
            postcode=postcode,
        )
        batch.append(
            (
                first + n, given, family, born, address, postcode,
                team.pk if n % 2 == 0 else other.pk, now,
                *(keys[k] for k in SEARCH_KEYS),
            )
        )  # fmt: skip
        if len(batch) == 20_000:
            with transaction.atomic():
                writer.insert(table, batch)
            batch = []
    with transaction.atomic():
        writer.insert(table, batch)
    say(f"{people} people written in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    with connection.schema_editor() as editor:
        trigram.add_trigram_indexes(None, editor)
    say(f"trigram indexes built in {time.perf_counter() - started:.0f} s")

    states = [s for s in CaseState if s != CaseState.CLOSED]
    case_table = writer.Table(
        Case,
        ["id", "reference", "person_id", "team_id", "lead_worker_id", "state", "opened_at"],
    )
    first_case = writer.next_ids({"case": Case})["case"]
    rows = []
    for n in range(open_cases):
        rows.append(
            (
                first_case + n,
                f"BENCH-{n:06d}",
                first + 2 * (n % max(1, people // 2)),  # the bench team's people
                team.pk,
                worker.pk if n % 3 == 0 else None,
                states[n % len(states)].value,
                now - datetime.timedelta(minutes=n),
            )
        )
    with transaction.atomic():
        writer.insert(case_table, rows)
    writer.reset_sequences([Person, Case])
    writer.analyse([Person, Case])
    say(f"{open_cases} open cases written")
    return info()


def info() -> dict[str, Any]:
    from msp.accounts.models import User
    from msp.cases.models import Case

    worker = User.objects.get(username="bench_worker")
    big = Case.objects.exclude(reference__startswith="BENCH-").order_by("-pk").first()
    assert big is not None
    return {"case": big.pk, "worker": worker.pk}


def session_cookie(username: str) -> str:
    """A signed-in session for ``username``, as a Cookie header."""
    from django.conf import settings

    from msp.accounts.middleware import SESSION_KEY
    from msp.accounts.models import User
    from msp.accounts.sessions import SessionStore

    user = User.objects.get(username=username)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[SESSION_KEY] = ""
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


# HTTP ---------------------------------------------------------------------------


def get(port: int, path: str, cookie: str) -> tuple[int, float, int]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers={"Cookie": cookie, "Host": "localhost"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, time.perf_counter() - started, len(body)


def serve(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "MSP_DEBUG": "false",
        "MSP_BIND": f"127.0.0.1:{port}",
        "MSP_WEB_WORKERS": str(workers),
        "MSP_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "MSP_LOG_LEVEL": "WARNING",
    }
    command = [str(ROOT / ".venv/bin/gunicorn"), "--config", "gunicorn.conf.py"]
    server = subprocess.Popen(  # noqa: S603 (our own command)
        [*command, "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped")
        try:
            get(port, "/bench/floor/", "")
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def phase(
    port: int, path: str, cookie: str, clients: int, seconds: float
) -> tuple[list[float], float]:
    """``clients`` threads asking for ``path`` until time is up: the times of
    the requests that answered 200, and how long the phase really took."""
    times: list[float] = []
    failures = 0
    lock = threading.Lock()
    started = time.perf_counter()
    deadline = started + seconds

    def run() -> None:
        nonlocal failures
        while time.perf_counter() < deadline:
            status, took, _ = get(port, path, cookie)
            with lock:
                if status == 200:
                    times.append(took)
                else:
                    failures += 1

    threads = [threading.Thread(target=run) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        say(f"{failures} requests for {path} did not answer 200")
    return times, time.perf_counter() - started


def interleaved(
    port: int, paths: dict[str, str], cookie: str, clients: int, seconds: float, rounds: int
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Each path in turn for ``seconds / rounds / len(paths)``, ``rounds`` times,
    so a change in the machine's load falls on every path alike."""
    times: dict[str, list[float]] = defaultdict(list)
    spent: dict[str, float] = defaultdict(float)
    each = seconds / rounds / len(paths)
    for _ in range(rounds):
        for kind, path in paths.items():
            took, elapsed = phase(port, path, cookie, clients, each)
            times[kind] += took
            spent[kind] += elapsed
    return times, spent


def sequential(port: int, path: str, cookie: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        status, took, _ = get(port, path, cookie)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        out.append(took)
    return out


def row(name: str, values: list[float], seconds: float | None = None) -> dict[str, Any]:
    result = {
        "what": name,
        "n": len(values),
        "median_ms": round(statistics.median(values) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
    }
    if seconds:
        result["per_second"] = round(len(values) / seconds, 1)
    return result


def show(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        rate = f"{r['per_second']:>8}/s" if "per_second" in r else " " * 10
        print(f"  {r['what']:<52} {rate} median {r['median_ms']:>8} ms  p95 {r['p95_ms']:>8} ms")


# Search in the process ------------------------------------------------------------

SEARCHES = (
    "a common family name",
    "a rare family name",
    "a name (given and family)",
    "a misspelt family name",
    "a family name and a year of birth",
    "a date of birth",
    "a postcode",
)


def _misspell(rng: random.Random, name: str) -> str:
    """``name`` with one letter changed, or two neighbours swapped, past its
    first two letters (how a name heard on the phone is often typed)."""
    i = rng.randrange(2, len(name) - 1)
    if rng.random() < 0.5:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    letter = rng.choice([c for c in "aeioulnrst" if c != name[i].lower()])
    return name[:i] + letter + name[i + 1 :]


def search_texts(seed: int) -> dict[str, list[str]]:
    """Twenty texts of each kind, from people in the database: the common family
    names are the most frequent ones, the rare ones are shared by at most three
    people, and the misspelt ones are names of seven letters or more (a shorter name with
    a letter wrong shares too few three-letter pieces with it to be found)."""
    from django.db.models import Count

    from msp.people.models import Person

    rng = random.Random(seed + 1)
    sample = list(
        Person.objects.filter(family_name__gt="")
        .order_by("?")[:20]
        .values_list("given_name", "family_name", "date_of_birth", "postcode")
    )
    counts = Person.objects.values("family_name").annotate(n=Count("id"))
    common = list(counts.order_by("-n").values_list("family_name", flat=True)[:20])
    rare = sorted(
        counts.filter(n__lte=3, family_name__regex=r"^[A-Za-z]+$").values_list(
            "family_name", flat=True
        )
    )
    spellable = list(
        Person.objects.filter(family_name__regex=r"^[A-Za-z]{7,}$")
        .order_by("?")[:20]
        .values_list("family_name", flat=True)
    )
    texts: dict[str, list[str]] = defaultdict(list)
    texts[SEARCHES[0]] = common
    texts[SEARCHES[1]] = rng.sample(rare, min(20, len(rare)))
    texts[SEARCHES[3]] = [_misspell(rng, family) for family in spellable]
    for given, family, born, postcode in sample:
        texts[SEARCHES[2]].append(f"{given} {family}")
        texts[SEARCHES[4]].append(f"{family} {born.year}")
        texts[SEARCHES[5]].append(born.strftime("%d/%m/%Y"))
        texts[SEARCHES[6]].append(postcode)
    return texts


def time_search(texts: dict[str, list[str]], username: str) -> list[dict[str, Any]]:
    from django.db import transaction

    from msp.accounts.models import User
    from msp.people.search import find_people

    user = User.objects.get(username=username)
    out = []
    for kind in SEARCHES:
        took = []
        for t in texts[kind]:
            with transaction.atomic():
                started = time.perf_counter()
                find_people(user, t)
                took.append(time.perf_counter() - started)
        out.append(row(f"search, {username}: {kind}", took))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--open-cases", type=int, default=30_000)
    parser.add_argument("--seconds", type=float, default=60, help="of the load test, in all")
    parser.add_argument("--rounds", type=int, default=3, help="turns of each page in it")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20, help="single-client requests each")
    parser.add_argument(
        "--names",
        choices=("realistic", "synthetic"),
        default="realistic",
        help="family and given names: realistic (bench/names.py) or the synthetic "
        "generator's invented ones, as measured before issue 12",
    )
    parser.add_argument("--keep-data", action="store_true", help="reuse msp_load_bench")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args()

    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (scripts/pg_throwaway.py)")
    url = prepare_database(base, args.keep_data, args.names)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load_settings")
    os.environ["MSP_DEBUG"] = "false"
    import django

    django.setup()

    start_load = load()
    say(f"load average at the start: {start_load}")
    ids = fill(args.people, args.open_cases, args.seed, args.names)
    cookie = session_cookie("bench_worker")
    lead_cookie = session_cookie("bench_lead")
    texts = search_texts(args.seed)
    from django.db import connection

    connection.close()

    server = serve(args.port, args.workers, dict(os.environ))
    results: dict[str, Any] = {"load_start": start_load, "args": vars(args)}
    try:
        case_path = f"/cases/{ids['case']}/"
        paths = {"case page": case_path, "floor": "/bench/floor/"}
        for path in paths.values():  # warm every worker
            sequential(args.port, path, cookie, args.workers * 2)
        single = [
            row(f"{k}, one client", sequential(args.port, p, cookie, args.repeat))
            for k, p in paths.items()
        ]
        say(f"interleaved run: {args.clients} clients, {args.seconds:.0f} s")
        times, spent = interleaved(
            args.port, paths, cookie, args.clients, args.seconds, args.rounds
        )
        loaded = [row(f"{k}, {args.clients} clients", times[k], spent[k]) for k in paths]
        results["load_after_run"] = load()
        now = results["load_after_run"]
        print(f"\nCase page and floor ({args.workers} sync workers; load {now})")
        show(single + loaded)
        if all(times[k] for k in paths):
            ratio = (len(times["case page"]) / spent["case page"]) / (
                len(times["floor"]) / spent["floor"]
            )
            print(f"  case page throughput / floor throughput: {ratio:.2f}")
            results["throughput_ratio"] = round(ratio, 3)

        from django.urls import reverse

        team_cases = reverse("cases:team-cases")
        lists = {
            "Team cases, page 1": team_cases,
            "Team cases, page 200": f"{team_cases}?page=200",
            "My cases, page 1": reverse("cases:my-cases"),
        }
        list_rows = [
            row(f"{name} ({args.open_cases} open)", sequential(args.port, p, cookie, args.repeat))
            for name, p in lists.items()
        ]
        find = reverse("people:find")
        for kind in SEARCHES:
            for who, c in (("practitioner", cookie), ("lead", lead_cookie)):
                took = []
                for t in texts[kind]:
                    took += sequential(args.port, f"{find}?{urlencode({'q': t})}", c, 1)
                list_rows.append(row(f"Find a person page, {who}: {kind}", took))
        print(f"\nList pages and search over HTTP, one client ({args.people} people)")
        show(list_rows)
    finally:
        server.terminate()
        server.wait(30)

    search_rows = time_search(texts, "bench_worker") + time_search(texts, "bench_lead")
    print(f"\nPerson search in the process (find_people), {args.people} people")
    show(search_rows)
    results |= {"single": single, "loaded": loaded, "lists": list_rows, "search": search_rows}
    results["load_end"] = load()
    say(f"load average at the end: {results['load_end']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Everything `make test` checks, in order:
#
#   1. ruff check          (lint)
#   2. ruff format --check (formatting)
#   3. mypy                (type checks)
#   4. pytest on SQLite
#   5. pytest on PostgreSQL: the database in DATABASE_URL if it is a PostgreSQL
#      URL, otherwise a throwaway server started by scripts/pg_throwaway.py.
#
# Every stage runs even if an earlier one failed; the script exits non-zero if
# any stage failed. Passing on one database only is not a pass. Extra arguments
# go to both pytest runs, e.g. `scripts/test_all.sh -k consent -x`.
#
# Needs the virtual environment from `make setup`. Options (environment):
#   MSP_TEST_WORKERS  pytest-xdist worker processes (default 2; 0 = no xdist)
#   MSP_CHROMIUM      Chromium for the browser tests (default /usr/bin/chromium)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
if [[ ! -x "$PY" ]]; then
    echo "No virtual environment in .venv. Run 'make setup' (or 'make test') first." >&2
    exit 1
fi

ORIGINAL_DATABASE_URL="${DATABASE_URL:-}"
unset DATABASE_URL

WORKERS="${MSP_TEST_WORKERS:-2}"
PYTEST_ARGS=(-p no:cacheprovider)
if [[ "$WORKERS" != "0" ]]; then
    PYTEST_ARGS+=(-n "$WORKERS")
fi
PYTEST_ARGS+=("$@")

# Browser tests drive the system Chromium. Without it they skip loudly, or fail
# when CI=true; that decision belongs to the tests.
if [[ -z "${MSP_CHROMIUM:-}" ]]; then
    for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
        if [[ -x "$candidate" ]]; then
            export MSP_CHROMIUM="$candidate"
            break
        fi
    done
fi

STAGES=()   # "name|result" lines for the summary
RAN_ON=()   # "SQLite (12 s)" etc.
FAILED=()

join() {
    # join SEPARATOR ITEM... -> items joined by SEPARATOR
    local separator="$1" out="" item
    shift
    for item in "$@"; do
        out="${out:+$out$separator}$item"
    done
    printf '%s\n' "$out"
}

heading() {
    printf '\n==> %s\n' "$1"
}

record() {
    # record NAME EXIT_CODE [SECONDS]
    local name="$1" rc="$2" seconds="${3:-}" result
    if [[ "$rc" == 0 ]]; then
        result="passed"
    elif [[ "$rc" == 5 && "$name" == pytest* ]]; then
        result="FAILED (no tests were collected)"
    else
        result="FAILED (exit $rc)"
    fi
    [[ -n "$seconds" ]] && result="$result in $seconds s"
    STAGES+=("$name|$result")
    [[ "$rc" == 0 ]] || FAILED+=("$name")
}

run_stage() {
    # run_stage NAME COMMAND...
    local name="$1" rc=0
    shift
    heading "$name"
    "$@" || rc=$?
    record "$name" "$rc"
}

# --- Lint and type checks ----------------------------------------------------
run_stage "ruff check" .venv/bin/ruff check .
run_stage "ruff format --check" .venv/bin/ruff format --check .
run_stage "mypy" .venv/bin/mypy .

# --- pytest on SQLite --------------------------------------------------------
heading "pytest on SQLite"
start=$SECONDS
rc=0
"$PY" -m pytest "${PYTEST_ARGS[@]}" || rc=$?
seconds=$((SECONDS - start))
record "pytest SQLite" "$rc" "$seconds"
RAN_ON+=("SQLite ($seconds s)")

# --- pytest on PostgreSQL ----------------------------------------------------
# Runs with DATABASE_URL set; writes the server version to $1.
pytest_postgresql() {
    local version_file="$1"
    shift
    .venv/bin/python - >"$version_file" 2>/dev/null <<'PYTHON' || echo "" >"$version_file"
import os

import psycopg

with psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=10) as conn:
    row = conn.execute("SHOW server_version").fetchone()
    print(str(row[0]).split()[0] if row else "")
PYTHON
    .venv/bin/python -m pytest "$@"
}
export -f pytest_postgresql

version_file="$(mktemp)"
trap 'rm -f "$version_file"' EXIT

if [[ "$ORIGINAL_DATABASE_URL" == postgres* ]]; then
    heading "pytest on PostgreSQL (DATABASE_URL from the environment)"
    start=$SECONDS
    rc=0
    DATABASE_URL="$ORIGINAL_DATABASE_URL" pytest_postgresql "$version_file" "${PYTEST_ARGS[@]}" \
        || rc=$?
else
    if [[ -n "$ORIGINAL_DATABASE_URL" ]]; then
        echo "DATABASE_URL is not a PostgreSQL URL; using a throwaway PostgreSQL server instead."
    fi
    heading "pytest on PostgreSQL (throwaway server)"
    start=$SECONDS
    rc=0
    "$PY" scripts/pg_throwaway.py -- \
        bash -c 'pytest_postgresql "$@"' pytest_postgresql "$version_file" "${PYTEST_ARGS[@]}" \
        || rc=$?
fi
seconds=$((SECONDS - start))
record "pytest PostgreSQL" "$rc" "$seconds"
version="$(cat "$version_file" 2>/dev/null || true)"
if [[ -n "$version" ]]; then
    RAN_ON+=("PostgreSQL $version ($seconds s)")
else
    RAN_ON+=("PostgreSQL: not reached (see above)")
fi

# --- Summary -----------------------------------------------------------------
heading "Summary"
for line in "${STAGES[@]}"; do
    printf '  %-22s %s\n' "${line%%|*}" "${line#*|}"
done
[[ -n "${MSP_CHROMIUM:-}" ]] && echo "  Browser tests used ${MSP_CHROMIUM}" \
    || echo "  No Chromium found: browser tests could not run"
echo "Test suite ran on: $(join ", " "${RAN_ON[@]}")"
if ((${#FAILED[@]})); then
    echo "FAILED: $(join ", " "${FAILED[@]}")"
    exit 1
fi
echo "All checks passed."

#!/usr/bin/env bash
# `make run`'s last step: the development server and the background task worker
# (the statutory return is built by it) as one command. Stopping the server
# (Ctrl+C) stops the worker too.
#
#   scripts/run_dev.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

"$PY" manage.py db_worker --no-reload --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT

"$PY" manage.py runserver "127.0.0.1:${1:-8000}"

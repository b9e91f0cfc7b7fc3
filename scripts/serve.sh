#!/usr/bin/env bash
# Serve MSP Casework in production with gunicorn (settings in gunicorn.conf.py).
#
#   MSP_ENV=production MSP_SECRET_KEY=... MSP_ALLOWED_HOSTS=... scripts/serve.sh
#
# Serving only: it does not migrate the database or collect static files. Those
# are deployment steps, run before serving (docs/operations.md, "Upgrading").
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${MSP_ENV:-}" != "production" ]]; then
  echo "serve.sh serves production only: set MSP_ENV=production (use 'make run' to try the service)." >&2
  exit 2
fi

exec .venv/bin/gunicorn --config gunicorn.conf.py

"""Gunicorn settings for serving MSP Casework in production.

    MSP_ENV=production ... scripts/serve.sh      (or: make serve)

Read by gunicorn at start-up; each value comes from an environment variable
listed in the README's configuration table. Gunicorn speaks plain HTTP: put it
behind a web server or load balancer that handles HTTPS.
"""

import os

from msp.envvars import env_int, env_str

wsgi_app = "msp.wsgi:application"

# Where to listen. Loopback by default: the proxy in front connects here.
bind = [env_str("MSP_BIND", "127.0.0.1:8000")]

# Sync workers, one request each. Gunicorn's rule of thumb is 2 x cores + 1;
# capped at 8 because each worker holds a database connection and ~100 MB.
_cores = os.cpu_count() or 1
workers = env_int("MSP_WEB_WORKERS", min(2 * _cores + 1, 8), minimum=1)

# A request still running after MSP_WEB_TIMEOUT seconds is stopped and its worker
# replaced. Longer than the database statement timeout (MSP_DB_STATEMENT_TIMEOUT,
# 60 s in production), so a slow query is cancelled by the database first.
timeout = env_int("MSP_WEB_TIMEOUT", 90, minimum=1)
graceful_timeout = 30
keepalive = 5

# Replace each worker after a few thousand requests, at staggered times, so a slow
# leak cannot grow without end.
max_requests = 2000
max_requests_jitter = 200
# Load the application once, in the master, before forking the workers: a
# replacement worker then starts in milliseconds, not the second it takes to
# import Django and the project (at 2000 requests a worker under heavy load, that
# second was a sixth of the machine). Nothing opens a database connection at
# import, so no connection is shared between workers.
preload_app = True

# Logs go to standard error for the service manager to keep. The access log has
# the time, method, path without its query string, protocol, status, size and
# duration: no client address, query string, referrer or browser, any of which
# could identify a person or quote what they searched for. Paths hold record
# numbers, never names.
accesslog = "-"
errorlog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
loglevel = env_str("MSP_LOG_LEVEL", "INFO").lower()

# Nothing on the command line of a worker but its role.
proc_name = "msp-casework"

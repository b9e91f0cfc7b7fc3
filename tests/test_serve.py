"""The production server: gunicorn with gunicorn.conf.py, started by scripts/serve.sh
with production settings, answers with the security headers and logs no query
strings."""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_settings import GOOD_KEY, _clean_environment

ROOT = Path(__file__).resolve().parent.parent
START_WITHIN = 60  # seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(port: int, path: str, headers: dict[str, str]) -> tuple[http.client.HTTPResponse, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()
    return response, body


@pytest.fixture
def production(tmp_path):
    port = free_port()
    env = {
        **_clean_environment(),
        "MSP_ENV": "production",
        "MSP_SECRET_KEY": GOOD_KEY,
        "MSP_ALLOWED_HOSTS": "127.0.0.1",
        "MSP_BEHIND_PROXY": "true",
        "MSP_SQLITE_PATH": str(tmp_path / "serve.sqlite3"),
        "MSP_STATIC_ROOT": str(tmp_path / "static"),
        "MSP_BIND": f"127.0.0.1:{port}",
        "MSP_WEB_WORKERS": "1",
    }
    # Only the service's own assets: the admin's and the API docs' would add minutes
    # of compression and are not on the page under test.
    collect = ["collectstatic", "--noinput", "-v", "0", "-i", "admin", "-i", "ninja"]
    for step in (["migrate", "--noinput", "-v", "0"], collect):
        done = subprocess.run(
            [sys.executable, "manage.py", *step],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    log = tmp_path / "gunicorn.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            ["bash", "scripts/serve.sh"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_WITHIN
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert server.poll() is None, log.read_text()
                    assert time.monotonic() < deadline, (
                        "gunicorn did not start:\n" + log.read_text()
                    )
                    time.sleep(0.2)
            yield port, log
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)


def test_gunicorn_serves_pages_with_the_security_headers(production):
    port, log = production
    secret_search = "Lovelace"
    page, html = fetch(
        port,
        f"/sign-in/?next=/people/?q={secret_search}",
        {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"},
    )
    assert page.status == 200
    headers = page.headers
    assert headers["Cache-Control"] == "no-store"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Secure" in headers["Set-Cookie"]

    # Plain HTTP is sent to HTTPS.
    plain, _ = fetch(port, "/sign-in/", {"Host": "127.0.0.1"})
    assert plain.status == 301
    assert plain.headers["Location"] == "https://127.0.0.1/sign-in/"

    # Static files, linked by hashed names, keep a long cache.
    found = re.search(r'href="(/static/vendor/app\.[0-9a-f]+\.css)"', html)
    assert found, "the page links no hashed stylesheet"
    css, _ = fetch(port, found.group(1), {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    assert css.status == 200
    assert "max-age=315360000" in css.headers["Cache-Control"]

    # Other host names are refused.
    assert fetch(port, "/sign-in/", {"Host": "evil.example"})[0].status == 400

    time.sleep(0.5)  # let the access log line reach the file
    text = log.read_text()
    assert '"GET /sign-in/ HTTP/1.1" 200' in text
    assert secret_search not in text
    assert "127.0.0.1 -" not in text  # no client address


def test_serve_refuses_to_run_outside_production():
    done = subprocess.run(
        ["bash", "scripts/serve.sh"],
        cwd=ROOT,
        env={**_clean_environment(), "MSP_ENV": "development"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert "set MSP_ENV=production" in done.stderr


def test_a_preloaded_master_holds_no_database_connection_and_has_every_page_loaded(tmp_path):
    """gunicorn.conf.py preloads the application and forks workers from it: the
    production checks at import read the database, and a worker must never share
    its parent's connection."""
    env = {
        **_clean_environment(),
        "MSP_ENV": "production",
        "MSP_SECRET_KEY": GOOD_KEY,
        "MSP_ALLOWED_HOSTS": "127.0.0.1",
        "MSP_SQLITE_PATH": str(tmp_path / "preload.sqlite3"),
        "MSP_STATIC_ROOT": str(tmp_path / "static"),
    }
    migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"]
    done = subprocess.run(migrate, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    probe = (
        "import sys, msp.wsgi\n"
        "from django.db import connections\n"
        "print(all(c.connection is None for c in connections.all(initialized_only=True)))\n"
        "print('msp.cases.views' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]

#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL server, then delete the server.

    scripts/pg_throwaway.py -- COMMAND [ARG...]
    scripts/pg_throwaway.py              (no command: start, print, wait for Ctrl-C)

Creates a new database cluster in a temporary directory, starts it on
127.0.0.1 on a free port (trust authentication, unix socket in the same
temporary directory), creates the database ``msp_test`` and runs COMMAND with

    DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/msp_test

in its environment. Afterwards (also on failure, Ctrl-C or SIGTERM) the server
is stopped and the temporary directory removed. Exits with COMMAND's exit code.

PostgreSQL refuses to run as root, so when run as root the server runs as the
``postgres`` user that Debian's and Ubuntu's packages create. Standard library
only, so any Python 3.9+ can run it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

DATABASE = "msp_test"
SUPERUSER = "postgres"
MISSING = (
    "PostgreSQL is needed for the test suite. Install it (Debian/Ubuntu: apt-get install "
    "postgresql) or set DATABASE_URL to a PostgreSQL database you can create test "
    "databases on."
)


class Stop(Exception):
    """Raised by the signal handler so that ``finally`` blocks clean up."""


def say(message: str) -> None:
    print(f"pg_throwaway: {message}", file=sys.stderr, flush=True)


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path))


def find_bindir() -> Path | None:
    """Directory holding initdb, pg_ctl and postgres (newest installed version)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            candidates.append(
                subprocess.run(
                    [pg_config, "--bindir"], capture_output=True, text=True, check=True
                ).stdout.strip()
            )
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).resolve().parent))
    for candidate in candidates:
        bindir = Path(candidate)
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.tmp: Path | None = None
        self.started = False
        self.port = 0

    def _server_cmd(self, *args: str) -> list[str]:
        """A command run as the user that owns the cluster."""
        if self.as_root:
            return ["runuser", "-u", SUPERUSER, "--", *args]
        return list(args)

    def _run(self, cmd: list[str], what: str) -> None:
        result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            say(f"{what} failed (exit {result.returncode}):\n{result.stdout.rstrip()}")
            self._print_log()
            raise SystemExit(1)

    def _print_log(self) -> None:
        if self.tmp and (self.tmp / "server.log").exists():
            lines = (self.tmp / "server.log").read_text(errors="replace").splitlines()
            say("last lines of the server log:\n" + "\n".join(lines[-30:]))

    def start(self) -> str:
        if self.as_root:
            try:
                owner = pwd.getpwnam(SUPERUSER)
            except KeyError:
                say(
                    "PostgreSQL refuses to run as root and there is no 'postgres' user to run "
                    "it as. Create one, run as an ordinary user, or set DATABASE_URL."
                )
                raise SystemExit(1) from None
            # /tmp, not $TMPDIR: the postgres user must be able to reach the directory.
            self.tmp = Path(tempfile.mkdtemp(prefix="msp-pg-", dir="/tmp"))
            os.chown(self.tmp, owner.pw_uid, owner.pw_gid)
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="msp-pg-"))
        os.chmod(self.tmp, 0o700)
        data = self.tmp / "data"
        self._run(
            self._server_cmd(
                str(self.bindir / "initdb"),
                "--pgdata",
                str(data),
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--locale",
                "C",
                "--no-sync",
            ),
            "initdb",
        )
        self.port = free_port()
        # Appending keeps the file's owner (the cluster's owner) unchanged.
        with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                "\n# scripts/pg_throwaway.py: local, disposable, fast\n"
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.port}\n"
                f"unix_socket_directories = '{self.tmp}'\n"
                "fsync = off\n"
                "synchronous_commit = off\n"
                "full_page_writes = off\n"
                "max_connections = 100\n"
            )
        self.started = True  # from here on, cleanup tries to stop the server
        self._run(
            self._server_cmd(
                str(self.bindir / "pg_ctl"),
                "--pgdata",
                str(data),
                "--log",
                str(self.tmp / "server.log"),
                "--wait",
                "--timeout",
                "60",
                "start",
            ),
            "pg_ctl start",
        )
        self._create_database()
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{DATABASE}"

    def _create_database(self) -> None:
        createdb = self.bindir / "createdb"
        if not createdb.is_file():
            found = shutil.which("createdb")
            createdb = Path(found) if found else createdb
        cmd = [
            str(createdb),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--username",
            SUPERUSER,
            DATABASE,
        ]
        # The server has only just said it is ready; allow a moment for TCP.
        for attempt in range(10):
            result = subprocess.run(cmd, capture_output=True, text=True)
            if result.returncode == 0:
                return
            if attempt == 9:
                say(f"createdb failed:\n{result.stderr.rstrip()}")
                self._print_log()
                raise SystemExit(1)
            time.sleep(0.5)

    def version(self) -> str:
        out = subprocess.run(
            [str(self.bindir / "postgres"), "--version"], capture_output=True, text=True
        ).stdout
        match = re.search(r"\d+(\.\d+)*", out)
        return f"PostgreSQL {match.group(0)}" if match else "PostgreSQL"

    def stop(self) -> None:
        if self.tmp is None:
            return
        try:
            if self.started:
                subprocess.run(
                    self._server_cmd(
                        str(self.bindir / "pg_ctl"),
                        "--pgdata",
                        str(self.tmp / "data"),
                        "--mode",
                        "immediate",
                        "--wait",
                        "stop",
                    ),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
            if self.tmp.exists():
                say(f"could not remove {self.tmp}")
            self.tmp = None


def _raise_stop(signum: int, _frame: FrameType | None) -> None:
    raise Stop(signum)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0

    bindir = find_bindir()
    if bindir is None:
        print(MISSING, file=sys.stderr)
        return 1

    # Also SIGINT: a shell without job control starts background jobs with
    # SIGINT ignored, and we still want Ctrl-C / kill -INT to clean up.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_stop)

    cluster = Cluster(bindir)
    child: subprocess.Popen[bytes] | None = None
    try:
        url = cluster.start()
        version = cluster.version()
        say(f"{version} running in {cluster.tmp}, listening on 127.0.0.1:{cluster.port}")
        env = dict(os.environ, DATABASE_URL=url, MSP_PG_THROWAWAY_VERSION=version)
        if not argv:
            print(f"export DATABASE_URL={url}", flush=True)
            say("press Ctrl-C to stop the server and delete it")
            while True:
                time.sleep(3600)
        child = subprocess.Popen(argv, env=env)
        return child.wait()
    except Stop:
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        say("interrupted")
        return 130
    finally:
        # Ignore further signals while cleaning up.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        cluster.stop()
        say("server stopped and removed")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""What production needs from PostgreSQL: durability on (a check that warns, and
refuses in production), and connection settings read from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from msp.operations.checks import (
    database_is_durable,
    durability_problems,
    refuse_non_durable_database_in_production,
    server_durability,
)

ROOT = Path(__file__).resolve().parent.parent
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's own settings, read with SHOW"
)
DURABLE = {"fsync": "on", "full_page_writes": "on", "synchronous_commit": "on"}


def test_durable_settings_pass():
    assert durability_problems(DURABLE) == []
    assert durability_problems({**DURABLE, "synchronous_commit": "remote_apply"}) == []


@pytest.mark.parametrize("name", ["fsync", "full_page_writes", "synchronous_commit"])
def test_each_setting_off_is_a_problem(name):
    problems = durability_problems({**DURABLE, name: "off"})
    assert len(problems) == 1
    assert problems[0].startswith(f"{name} is 'off'")


def test_synchronous_commit_local_is_a_problem():
    # "local" waits for the local disk only; fine for one server, but we ask for "on".
    assert durability_problems({**DURABLE, "synchronous_commit": "local"})


@pytest.mark.django_db
def test_sqlite_has_nothing_to_check():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    assert server_durability() == {}
    assert database_is_durable(databases=["default"]) == []


@on_postgresql
@pytest.mark.django_db
def test_a_server_that_may_lose_commits_warns_and_is_an_error_in_production(settings):
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")  # this session only
    values = server_durability()
    assert values["synchronous_commit"] == "off"
    settings.PRODUCTION = False
    [warning] = [m for m in database_is_durable(databases=["default"]) if m.id == "msp.W010"]
    assert "synchronous_commit is 'off'" in warning.msg
    settings.PRODUCTION = True
    errors = database_is_durable(databases=["default"])
    assert [m.id for m in errors] == ["msp.E010"]
    assert database_is_durable() == []  # runs only when asked to check databases


@on_postgresql
def test_connection_settings_reach_the_server(tmp_path):
    show = (
        "from django.db import connection\n"
        "c = connection.cursor()\n"
        "c.execute('SHOW statement_timeout'); print(c.fetchone()[0])\n"
        "c.execute('SHOW jit'); print(c.fetchone()[0])\n"
        "print(connection.settings_dict['OPTIONS']['connect_timeout'])\n"
        "print(connection.settings_dict['CONN_MAX_AGE'], connection.settings_dict['CONN_HEALTH_CHECKS'])\n"
    )
    env = {
        **os.environ,
        "MSP_DB_STATEMENT_TIMEOUT": "7",
        "MSP_DB_CONNECT_TIMEOUT": "4",
        "MSP_DB_CONN_MAX_AGE": "120",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", show],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # JIT is off for the app's short queries (it cost a list page 40 ms of compiling).
    assert done.stdout.split("\n")[:4] == ["7s", "off", "4", "120 True"]


@on_postgresql
@pytest.mark.django_db
def test_production_will_not_serve_from_a_server_that_may_lose_commits(settings):
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured, match="synchronous_commit is 'off'"):
        refuse_non_durable_database_in_production()
    settings.PRODUCTION = False
    refuse_non_durable_database_in_production()  # development: the check warns instead

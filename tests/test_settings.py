"""Settings read from the environment fail loudly on bad values, and production
mode refuses unsafe configurations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from msp.envvars import env_bool, env_choice, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "t3st-only-Q9x!vR2#mL7pZ0wK4sJ8nB6yH1cF5gD-aE3uI9oP2rT7qW0zX4"


def test_typed_helpers_read_values(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "45")
    monkeypatch.setenv("X_LIST", "a.example, b.example,")
    assert env_bool("X_BOOL", False) is True
    assert env_int("X_INT", 1) == 45
    assert env_list("X_LIST", []) == ["a.example", "b.example"]
    assert env_int("X_UNSET", 7) == 7


@pytest.mark.parametrize(
    ("helper", "value", "message"),
    [
        (lambda: env_bool("X", False), "maybe", "X must be true or false"),
        (lambda: env_int("X", 1), "ten", "X must be a whole number"),
        (lambda: env_int("X", 1, minimum=1), "0", "X must be at least 1"),
        (lambda: env_choice("X", "a", ("a", "b")), "c", "X must be one of a, b"),
    ],
)
def test_bad_values_fail_loudly_naming_the_variable(monkeypatch, helper, value, message):
    monkeypatch.setenv("X", value)
    with pytest.raises(ImproperlyConfigured, match=message):
        helper()


def _clean_environment() -> dict[str, str]:
    """The environment without this project's settings or test-only switches."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MSP_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return clean


def _start(
    env: dict[str, str], *args: str, db: Path | None = None
) -> subprocess.CompletedProcess[str]:
    clean = _clean_environment()
    clean["MSP_SQLITE_PATH"] = str(db or ROOT / "var" / "unused.sqlite3")
    return subprocess.run(
        [sys.executable, "manage.py", *(args or ("check",))],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MSP_DEBUG": "true", "MSP_SECRET_KEY": GOOD_KEY}, "MSP_DEBUG must be off"),
        ({}, "Set MSP_SECRET_KEY"),
        ({"MSP_SECRET_KEY": GOOD_KEY}, "Set MSP_ALLOWED_HOSTS"),
        (
            {"MSP_SECRET_KEY": GOOD_KEY, "MSP_ALLOWED_HOSTS": "x", "MSP_SESSION_IDLE_MINUTES": "0"},
            "MSP_SESSION_IDLE_MINUTES must be at least 1",
        ),
    ],
)
def test_production_refuses_unsafe_settings(env, message):
    result = _start({"MSP_ENV": "production", **env})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_deploy_check_is_clean(tmp_path):
    env = {
        "MSP_ENV": "production",
        "MSP_SECRET_KEY": GOOD_KEY,
        "MSP_ALLOWED_HOSTS": "safeguarding.example.gov.uk",
    }
    db = tmp_path / "deploy.sqlite3"
    migrate = _start(env, "migrate", "--noinput", "-v", "0", db=db)
    assert migrate.returncode == 0, migrate.stderr
    result = _start(env, "check", "--deploy", "--fail-level", "WARNING", db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_argon2_hashes_real_passwords():
    # The test suite swaps in a fast hasher; the real setting must lead with Argon2.
    from msp import settings as real

    assert real.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert real.SESSION_SAVE_EVERY_REQUEST is False  # saved at most once a minute instead
    assert real.SESSION_COOKIE_AGE == real.SESSION_IDLE_MINUTES * 60


def test_production_refuses_to_start_with_demo_accounts(tmp_path):
    env = {
        "MSP_ENV": "production",
        "MSP_SECRET_KEY": GOOD_KEY,
        "MSP_ALLOWED_HOSTS": "safeguarding.example.gov.uk",
    }
    db = tmp_path / "demo.sqlite3"
    assert _start(env, "migrate", "--noinput", "-v", "0", db=db).returncode == 0
    make_demo = (
        "from msp.accounts.models import User; User.objects.create(username='d', is_demo=True)"
    )
    assert _start(env, "shell", "-c", make_demo, db=db).returncode == 0
    check = _start(env, "check", "--database", "default", db=db)
    assert check.returncode != 0
    assert "Demo accounts exist" in check.stderr
    clean = _clean_environment()
    serve = subprocess.run(
        [sys.executable, "-c", "import msp.wsgi"],
        cwd=ROOT,
        env={**clean, **env, "MSP_SQLITE_PATH": str(db)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert serve.returncode != 0
    assert "Demo accounts exist" in serve.stderr

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings


@pytest.fixture(scope="module")
def demo_load(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo data once per module, inside a transaction that is rolled
    back at the end (audit rows cannot be deleted, so nothing else could remove
    them). Each test runs in a savepoint inside it, as with Django's TestCase.

    Returns the command's output and the var/ directory it used."""
    var_dir = tmp_path_factory.mktemp("var")
    overrides = override_settings(
        VAR_DIR=var_dir,
        MSP_DEMO_PASSWORD="",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock(), overrides:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = io.StringIO()
            call_command("load_demo_data", stdout=out)
            yield {"output": out.getvalue(), "var_dir": var_dir}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def loaded(demo_load, db, settings):
    settings.VAR_DIR = demo_load["var_dir"]
    settings.MSP_DEMO_PASSWORD = ""
    return demo_load

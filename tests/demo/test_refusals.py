"""When load_demo_data must refuse. Kept apart from the loaded-data tests,
which share one load for the whole module."""

import io

import pytest
from django.core.management import CommandError, call_command

from msp.accounts.models import User
from msp.cases.models import Case


def run():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_loading_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="Demo data is not allowed in production"):
        run()
    assert not User.objects.filter(is_demo=True).exists()


def test_a_real_account_with_a_demo_username_stops_the_load(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    User.objects.create_user(username="manager", password="x" * 20)
    with pytest.raises(CommandError, match="real account"):
        run()
    assert not Case.objects.exists()

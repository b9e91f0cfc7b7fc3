import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from msp.accounts.models import Team, User
from msp.demo.accounts import (
    PASSWORD_FILE_NAME,
    DemoPassword,
    accounts_table,
    demo_password,
    ensure_accounts,
    ensure_teams,
)
from msp.demo.clock import demo_clock
from msp.demo.data import build_plan
from msp.demo.loader import demo_data_loaded, load_plan
from msp.demo.specs import DemoScenarioError


class Command(BaseCommand):
    help = (
        "Load a fictional council's demo accounts, people and cases. Safe to run again: "
        "a second run only shows the accounts and sets their password again (from "
        "MSP_DEMO_PASSWORD if set, else var/demo-password.txt). Refused in production."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo data is not allowed in production")
        started = time.monotonic()
        password = demo_password()
        with transaction.atomic():
            if demo_data_loaded():
                _accounts(ensure_teams(), password)
                message = "Demo data is already loaded; nothing new was created."
            else:
                try:
                    plan = build_plan(timezone.now())
                    with demo_clock(plan.start) as clock:
                        # On the demo clock, so their audit events come first in time too.
                        teams = ensure_teams()
                        users = _accounts(teams, password)
                        load_plan(plan, clock, users, teams)
                except DemoScenarioError as error:
                    # Nothing is kept: the transaction is rolled back
                    raise CommandError(f"Demo data was not loaded. {error}") from error
                summary = plan.summary()
                states = ", ".join(f"{state} {n}" for state, n in summary["states"].items())
                message = (
                    f"Loaded demo data for {settings.COUNCIL_NAME}: {summary['people']} "
                    f"people and {summary['cases']} cases ({states}) in "
                    f"{time.monotonic() - started:.1f}s."
                )
        self.stdout.write(self.style.SUCCESS(message))
        if password.source == "file":
            note = f"(The password is kept in var/{PASSWORD_FILE_NAME}.)"
        elif password.source == "generated":
            note = f"(A new password was generated and kept in var/{PASSWORD_FILE_NAME}.)"
        else:
            note = "(The password is the MSP_DEMO_PASSWORD setting.)"
        self.stdout.write("")
        self.stdout.write(accounts_table(password.value))
        self.stdout.write("")
        self.stdout.write(note)


def _accounts(teams: dict[str, Team], password: DemoPassword) -> dict[str, User]:
    try:
        return ensure_accounts(teams, password)
    except ValueError as error:
        raise CommandError(str(error)) from error

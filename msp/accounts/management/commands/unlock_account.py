from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.accounts import lockout


class Command(BaseCommand):
    help = (
        "Let a username, or a client address, sign in again after a lock-out. "
        "The unlock is recorded in the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", default="")
        parser.add_argument("--address", default="", help="Unlock this client IP address")

    def handle(self, *args: Any, **options: Any) -> None:
        username, address = options["username"], options["address"]
        if not username and not address:
            raise CommandError("Give a username, or --address with an IP address")
        cleared = lockout.unlock(by=None, username=username, ip_address=address)
        what = " and ".join(x for x in (f"username {username!r}" if username else "", address) if x)
        self.stdout.write(f"Unlocked {what} ({cleared} record(s) of failed attempts cleared)")

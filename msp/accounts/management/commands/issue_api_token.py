from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.accounts.models import TokenScope, User
from msp.accounts.tokens import issue_token


class Command(BaseCommand):
    help = (
        "Issue an API token for a user. The token is shown once and never stored. "
        "Read-only unless --scope write; expires after MSP_API_TOKEN_DAYS days unless --days."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for")
        parser.add_argument(
            "--scope",
            choices=TokenScope.values,
            default=TokenScope.READ,
            help="read (GET only, the default) or write (read and change)",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Days until it expires (default {settings.MSP_API_TOKEN_DAYS})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days is not None and days < 1:
            raise CommandError("--days must be 1 or more")
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user called {options['username']!r}") from None
        token, raw = issue_token(
            user, by=None, name=options["name"], scope=options["scope"], days=days
        )
        self.stdout.write(raw)
        self.stderr.write(
            f"Scope {token.scope}, expires {token.expires_at:%Y-%m-%d %H:%M} UTC. "
            "Keep it secret: it is not shown again."
        )

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Issue an API token for a user. The token is shown once and never stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user called {options['username']!r}") from None
        _, raw = ApiToken.objects.issue(user, name=options["name"])
        self.stdout.write(raw)

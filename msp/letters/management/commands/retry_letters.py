"""Try again to send letters that did not go: run it every few minutes (cron
or a systemd timer), as ``manage.py retry_letters``."""

from typing import Any

from django.core.management.base import BaseCommand

from msp.letters.actions import retry_failed_letters


class Command(BaseCommand):
    help = "Try again to send letters that did not go the first time"

    def handle(self, *args: Any, **options: Any) -> None:
        sent, failed = retry_failed_letters()
        self.stdout.write(f"{sent} sent, {failed} still not sent")

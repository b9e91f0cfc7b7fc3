from typing import Any

from django.core.management.base import BaseCommand

from msp.accounts.models import User


class Command(BaseCommand):
    help = (
        "Deactivate every demo account, so production can start. Demo people and cases "
        "stay: audit events refer to them and can never be removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        active = User.objects.filter(is_demo=True, is_active=True)
        names = sorted(active.values_list("username", flat=True))
        active.update(is_active=False)
        if names:
            self.stdout.write(
                self.style.SUCCESS(f"Deactivated {len(names)} demo accounts: {', '.join(names)}")
            )
        else:
            self.stdout.write("No active demo accounts were found; nothing to do.")
        self.stdout.write(
            "Demo people and cases were kept: the audit log refers to them and cannot be changed."
        )

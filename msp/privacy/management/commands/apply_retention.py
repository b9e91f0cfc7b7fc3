import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from msp.privacy import retention


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today must be a date like 2031-04-01, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Erase the personal data the retention schedule says is due, keeping the figures "
        "the statutory return needs. --dry-run lists what would go (references and "
        "numbers, never names) and changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Report only, change nothing")
        parser.add_argument(
            "--today", help="Apply the schedule as on this day (YYYY-MM-DD), e.g. to replay"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = _day(options["today"]) if options["today"] else timezone.localdate()
        planned = retention.plan(today)
        dry = options["dry_run"]
        self.stdout.write(
            f"Retention schedule on {today:%d %B %Y}"
            + (" (dry run: nothing changed)" if dry else "")
        )
        for rule_plan in planned.rules:
            rule = rule_plan.rule
            state = "" if rule.active else " [rule switched off]"
            verb = "due" if dry else "to erase"
            self.stdout.write(
                f"\n{rule.get_record_type_display()}, kept {rule.period_display}{state}: "
                f"{len(rule_plan.due)} {verb}"
            )
            for item in rule_plan.due:
                self.stdout.write(f"  {item.label}")
            for item in rule_plan.kept:
                self.stdout.write(f"  kept: {item.label} ({item.why_kept})")
        if dry:
            return
        applied = retention.apply(planned)
        for line in applied.skipped:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"\nErased {applied.cases} case{'s' if applied.cases != 1 else ''} and "
            f"{applied.people} {'person' if applied.people == 1 else 'people'}."
        )

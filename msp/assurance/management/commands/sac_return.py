"""manage.py sac_return --year 2025 --format csv --output sac-2025-26.csv"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from msp.assurance.audit import record_return_download
from msp.assurance.codelists import NoCodeLists
from msp.assurance.period import Period, year_code
from msp.assurance.sac import build_return
from msp.assurance.sac.export import FORMATS, render


class Command(BaseCommand):
    help = (
        "Write the Safeguarding Adults Collection return for a reporting year "
        "(--year 2025 is 1 April 2025 to 31 March 2026) as CSV or a spreadsheet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--year", type=int, required=True, help="First year of the period: 2025 for 2025-26"
        )
        parser.add_argument("--format", choices=sorted(FORMATS), default="csv", dest="fmt")
        parser.add_argument("--output", type=Path, required=True, help="File to write")

    def handle(self, *args: Any, year: int, fmt: str, output: Path, **options: Any) -> None:
        current = Period.containing(timezone.localdate()).year
        if year > current:
            raise CommandError(
                f"{year_code(year)} has not started yet: choose {current} or earlier."
            )
        try:
            sac = build_return(year)
        except NoCodeLists as error:
            raise CommandError(f"{error} Choose a later year, or load its code lists.") from None
        try:
            output.write_bytes(render(sac, fmt))
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror}") from None
        record_return_download(by=None, year=year, fmt=fmt)
        if sac.is_empty:
            self.stdout.write(sac.empty_message)
        if sac.council.missing_codes:
            self.stderr.write(
                self.style.WARNING(
                    "Warning: the council's codes are not set, so the identifying columns are "
                    "blank and the national collection will reject the file. Set "
                    + ", ".join(sac.council.missing_codes)
                    + "."
                )
            )
        if checks_passed_on := sac.validation.passed_on:
            self.stdout.write(
                f"{len(checks_passed_on)} case(s) passed to another council are left out: see "
                "the data checks on the return page."
            )
        checks = sac.validation
        if checks.findings:
            self.stdout.write(
                f"{len(checks.findings)} case(s) are missing data the return needs: see the "
                "data checks on the return page."
            )
        if checks.discrepancies or checks.code_list_problems:
            self.stdout.write(
                f"{len(checks.discrepancies)} total(s) do not reconcile and "
                f"{len(checks.code_list_problems)} code(s) are not in the code lists: see the "
                "data checks on the return page."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote the {sac.period.code} return ({fmt}) to {output}. The figures are not "
                "rounded: not for publication."
            )
        )

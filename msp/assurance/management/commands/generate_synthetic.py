from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from msp.assurance.synthetic import DEFAULT_TEAM, SyntheticDataError, generate


class Command(BaseCommand):
    help = (
        "Create bulk synthetic data for benchmarks and load tests: clearly fictional adults, "
        "concerns, decisions, enquiries, desired outcomes and closures in the proportions of "
        "England's published safeguarding figures. Written straight to the tables for speed: "
        "no action functions run and NO AUDIT EVENTS are written, so the records have no "
        "chronology. The same seed gives the same data. Use a database nobody else is "
        "writing to. Refused in production."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--concerns", type=int, required=True, help="How many concerns to create"
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1)")
        parser.add_argument(
            "--start-year",
            type=int,
            default=2023,
            help="First reporting year, which starts on 1 April (default 2023)",
        )
        parser.add_argument(
            "--years", type=int, default=3, help="How many reporting years (default 3)"
        )
        parser.add_argument(
            "--team",
            default=DEFAULT_TEAM,
            help=f"The team that owns the cases, created if missing (default '{DEFAULT_TEAM}')",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verbose = options["verbosity"] >= 2

        def progress(done: int, total: int) -> None:
            if verbose:
                self.stderr.write(f"  {done:,} of {total:,} concerns written")

        try:
            result = generate(
                concerns=options["concerns"],
                seed=options["seed"],
                start_year=options["start_year"],
                years=options["years"],
                team_name=options["team"],
                progress=progress,
            )
        except SyntheticDataError as error:
            raise CommandError(str(error)) from error
        s = result.summary
        enquiries = s.counts["enquiries_started"]
        s42 = sum(n for key, n in enquiries.items() if key.endswith(" s42"))
        other = sum(n for key, n in enquiries.items() if key.endswith(" other"))
        rate = result.total_rows / result.seconds if result.seconds else 0.0
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {s.concerns:,} synthetic concerns about {s.people:,} people for "
                f"'{result.team}': {s42:,} section 42 and {other:,} other enquiries started, "
                f"{result.rows.get('closures', 0):,} closures, {s.outcomes:,} desired outcomes. "
                f"{result.total_rows:,} rows in {result.seconds:.1f}s ({rate:,.0f} rows/s). "
                "No audit events were written."
            )
        )
        if verbose:
            for name, count in result.rows.items():
                self.stdout.write(f"  {name}: {count:,} rows")

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from msp.survey.bank import FIXTURE, load_questions, read_fixture


class Command(BaseCommand):
    help = (
        "Load the outcome survey questions from a fixture file (by default "
        "msp/survey/fixtures/msp_questions.json). New versions are added and "
        "unanswered ones updated; a version people have answered never changes. "
        "Nothing is saved if any entry is refused."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, default=FIXTURE, help="The fixture file to load")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            entries = read_fixture(path)
        except (ValueError, KeyError, TypeError) as error:
            raise CommandError(f"{path} is not a question fixture: {error}") from error
        try:
            with transaction.atomic():
                report = load_questions(entries)
                if report.refused:
                    raise CommandError("Nothing was loaded.\n" + "\n".join(report.refused))
        except ValidationError as error:
            raise CommandError(f"Nothing was loaded. {'; '.join(error.messages)}") from error
        for name in report.added:
            self.stdout.write(f"Added {name}")
        for name in report.updated:
            self.stdout.write(f"Updated {name}")
        if not report.added and not report.updated:
            self.stdout.write("The question bank is up to date")

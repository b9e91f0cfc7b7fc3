from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.survey.bank import PublishedFileError, load_published, read_published, still_local


class Command(BaseCommand):
    help = (
        "Replace the outcome survey's local wordings with the published wordings of the "
        "MSP outcomes framework, from a JSON file: "
        '{"source": "...", "questions": [{"number": 4, "text": "...", "options": [...], '
        '"representative_text": "...", "representative_options": [...]}, ...]}. '
        "Versions people have answered are kept for their answers; the published wording "
        "becomes a new version. Every change is in the audit log. Nothing is saved if any "
        "question is refused."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The published wording file (JSON)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            entries = read_published(path)
            report = load_published(entries, source=f"Published wording, loaded from {path.name}")
        except PublishedFileError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:
            raise CommandError("Nothing was loaded.\n" + "\n".join(error.messages)) from error
        for name in report.added:
            self.stdout.write(f"Added {name} (published)")
        for name in report.updated:
            self.stdout.write(f"Replaced the local wording of {name}")
        if not report.added and not report.updated:
            self.stdout.write("The published wordings are already loaded")
        local = still_local()
        if local:
            self.stdout.write("Still local wording: question " + ", ".join(str(n) for n in local))

"""manage.py import_cases FILE: bring cases from another system, with their real
dates, through the same action functions a worker uses. See
docs/import-format.md."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.imports.reader import BadLine, import_text
from msp.imports.schema import SCHEMA


class Command(BaseCommand):
    help = (
        "Import cases from FILE (a JSON list of case documents, or JSON Lines: one per "
        "line). Each case is imported in its own transaction and the practice guard's "
        "findings printed. The first case refused stops the import, naming its line, "
        "field and reason; the cases before it stay imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="the file to import ('-' for standard input)")
        parser.add_argument(
            "--schema", action="store_true", help="print the import format's JSON Schema and stop"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            self.stdout.write(json.dumps(SCHEMA, indent=2))
            return
        name = options["file"]
        if not name:
            raise CommandError("Give the file to import")
        try:
            text = Path(name).read_text(encoding="utf-8") if name != "-" else self._stdin()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {name}: {error}") from None
        count = 0
        try:
            for done in import_text(text):
                count += 1
                self._report(done.line, done.case.reference, done.findings)
        except BadLine as bad:
            raise CommandError(
                f"Refused {bad}. {count} case{'' if count == 1 else 's'} before it "
                "imported and kept; nothing of this case was recorded."
            ) from None
        self.stdout.write(f"Imported {count} case{'' if count == 1 else 's'}.")

    def _stdin(self) -> str:
        import sys

        return sys.stdin.read()

    def _report(self, line: int, reference: str, findings: list[Any]) -> None:
        if not findings:
            self.stdout.write(f"line {line}: {reference}: the practice guard finds nothing")
            return
        self.stdout.write(f"line {line}: {reference}: {len(findings)} finding(s)")
        for f in findings:
            self.stdout.write(f"  {f.check_id} ({f.severity}): {f.question}")

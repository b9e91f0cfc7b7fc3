from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.api.openapi import DOCUMENT_PATH, openapi_document


class Command(BaseCommand):
    help = "Write the API's OpenAPI document to docs/openapi.json, or check it is up to date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit 1 if docs/openapi.json differs from the code",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        document = openapi_document()
        relative = DOCUMENT_PATH.relative_to(DOCUMENT_PATH.parent.parent)
        if options["check"]:
            current = DOCUMENT_PATH.read_text("utf-8") if DOCUMENT_PATH.exists() else ""
            if current != document:
                raise CommandError(
                    f"{relative} is out of date with the API code. "
                    "Run 'manage.py export_openapi' and commit the result."
                )
            self.stdout.write(f"{relative} is up to date.")
            return
        DOCUMENT_PATH.parent.mkdir(parents=True, exist_ok=True)
        DOCUMENT_PATH.write_text(document, "utf-8")
        self.stdout.write(f"Wrote {relative}.")

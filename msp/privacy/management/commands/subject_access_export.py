from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.accounts.models import User
from msp.people.models import Person
from msp.privacy.actions import export_subject_access


class Command(BaseCommand):
    help = (
        "Write everything recorded about a person, and who has seen it, to a file as a "
        "PDF document or JSON data. Other people's details are marked [REDACT?] for "
        "review before release. The export is recorded in the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("person_id", type=int, help="The person's record number")
        parser.add_argument("--format", choices=["pdf", "json"], default="pdf")
        parser.add_argument("--output", type=Path, required=True, help="The file to write")
        parser.add_argument(
            "--by", help="Username of the safeguarding lead asking for it, for the audit log"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        person_id: int = options["person_id"]
        if not Person.objects.filter(pk=person_id).exists():
            raise CommandError(f"No person with record number {person_id}")
        by = None
        if options["by"]:
            by = User.objects.filter(username=options["by"]).first()
            if by is None:
                raise CommandError(f"No user called {options['by']!r}")
        output: Path = options["output"]
        if not output.parent.is_dir():
            raise CommandError(f"No such folder: {output.parent}")
        content = export_subject_access(person_id, by=by, fmt=options["format"])
        output.write_bytes(content)
        output.chmod(0o600)
        self.stdout.write(f"Wrote {output} ({len(content):,} bytes)")

"""manage.py verify_audit [--checkpoints FILE]: prove the audit log is whole."""

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from msp.audit.checkpoint import read_checkpoints, write_checkpoint
from msp.audit.verify import verify


class Command(BaseCommand):
    help = (
        "Check the audit log's hash chain: every event unchanged, none removed or "
        "reordered, and (with --checkpoints) no tail cut off. Exits non-zero on any failure."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--checkpoints",
            type=Path,
            help="A checkpoint file (MSP_AUDIT_CHECKPOINT_FILE) that the log must still match.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        checkpoints = []
        path: Path | None = options["checkpoints"]
        if path is not None:
            if not path.is_file():
                raise CommandError(f"No checkpoint file at {path}")
            checkpoints = read_checkpoints(path)
        started = time.monotonic()
        result = verify(checkpoints)
        took = time.monotonic() - started
        if not result.ok:
            raise CommandError(
                f"The audit log has been tampered with. {result.problems[0]} "
                f"({result.checked} events before it are intact.)"
            )
        if result.last_seq:
            write_checkpoint(result.last_seq, result.last_chain, "verify_audit")
        self.stdout.write(
            f"The audit log is intact: {result.checked} events checked in {took:.1f} seconds"
            + (f", {len(checkpoints)} checkpoints match." if path is not None else ".")
        )

"""The local outbox: each message is a JSON file (and a PDF beside it, if it
has one) in a folder, for development and tests. Nothing leaves the machine."""

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from msp.delivery.interface import DeliveryFailed, Receipt


@dataclass(frozen=True)
class OutboxBackend:
    folder: Path
    name: str = "outbox"

    @classmethod
    def from_settings(cls) -> "OutboxBackend":
        return cls(Path(settings.DELIVERY_OUTBOX_DIR))

    def _write(self, kind: str, fields: dict[str, Any], pdf: bytes | None) -> Receipt:
        message_id = uuid.uuid4().hex
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S%f")
        stem = f"{stamp}-{kind}-{message_id}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            record = {"id": message_id, "kind": kind, "at": timezone.now().isoformat(), **fields}
            if pdf is not None:
                (self.folder / f"{stem}.pdf").write_bytes(pdf)
                record["pdf"] = f"{stem}.pdf"
            (self.folder / f"{stem}.json").write_text(json.dumps(record, indent=2))
        except OSError as error:
            raise DeliveryFailed(
                f"The outbox folder could not be written: {error.strerror}"
            ) from None
        return Receipt(backend=self.name, id=message_id)

    def send_email(
        self, *, to: str, subject: str, body: str, reference: str, pdf: bytes | None = None
    ) -> Receipt:
        return self._write(
            "email", {"to": to, "subject": subject, "body": body, "reference": reference}, pdf
        )

    def send_letter(self, *, pdf: bytes, reference: str) -> Receipt:
        return self._write("letter", {"reference": reference}, pdf)

    def send_text(self, *, to: str, body: str, reference: str) -> Receipt:
        return self._write("text", {"to": to, "body": body, "reference": reference}, None)


def messages(folder: Path | None = None) -> list[dict[str, Any]]:
    """What the outbox holds, oldest first (for tests and for a developer)."""
    where = folder or Path(settings.DELIVERY_OUTBOX_DIR)
    if not where.exists():
        return []
    found = []
    for path in sorted(where.glob("*.json")):
        record = json.loads(path.read_text())
        if "pdf" in record:
            record["pdf_bytes"] = (where / record["pdf"]).read_bytes()
        found.append(record)
    return found

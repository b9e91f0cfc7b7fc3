"""Checkpoints of the hash chain kept outside the database.

A checkpoint is the latest sequence number and chain hash: no personal data.
It goes to the application log (logger ``msp.audit.checkpoint``) and, when
``MSP_AUDIT_CHECKPOINT_FILE`` is set, as one appended line to that file. If the
tail of the log is later cut off, or history rewritten, the chain no longer
matches an old checkpoint and ``verify_audit --checkpoints FILE`` says so.
"""

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("msp.audit.checkpoint")

LINE = re.compile(r"seq=(?P<seq>\d+) chain=(?P<chain>[0-9a-f]{64})")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    chain_hash: str
    line: int


def format_line(seq: int, chain_hash: str, why: str) -> str:
    return f"{timezone.now().isoformat()} audit checkpoint seq={seq} chain={chain_hash} ({why})"


def write_checkpoint(seq: int, chain_hash: str, why: str) -> None:
    line = format_line(seq, chain_hash, why)
    logger.info(line)
    path = settings.MSP_AUDIT_CHECKPOINT_FILE
    if path:
        try:
            with open(path, "a", encoding="utf-8") as file:
                file.write(line + "\n")
        except OSError as error:
            # The event is already committed; the log line above keeps the checkpoint.
            logger.error("Could not append the audit checkpoint to its file (%s)", error.strerror)


def read_checkpoints(path: Path) -> list[Checkpoint]:
    found = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = LINE.search(text)
        if match:
            found.append(Checkpoint(int(match["seq"]), match["chain"], number))
    return found

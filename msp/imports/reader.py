"""Reading an import file, and importing its cases one at a time: each in its
own transaction, so a refused case loses nothing imported before it."""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from msp.cases.models import Case
from msp.imports.builder import ImportRefused, build_case
from msp.imports.schema import schema_errors
from msp.practice.findings import Finding
from msp.practice.guard import findings_for


class BadLine(Exception):
    """A case in the file that could not be imported: where, and why."""

    def __init__(self, line: int, path: str, reason: str) -> None:
        where = f"line {line}" + (f", {path}" if path else "")
        super().__init__(f"{where}: {reason}")
        self.line = line
        self.path = path
        self.reason = reason


def documents(text: str) -> Iterator[tuple[int, Any]]:
    """(line number, document) for each case in ``text``: a JSON list of
    cases, or JSON Lines (one case per line)."""
    start = len(text) - len(text.lstrip())
    if text[start : start + 1] == "[":
        yield from _list(text, start + 1)
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as error:
            raise BadLine(n, "", f"This is not valid JSON ({error.msg})") from None


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _list(text: str, pos: int) -> Iterator[tuple[int, Any]]:
    decoder = json.JSONDecoder()
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            raise BadLine(_line(text, pos), "", "The list of cases has no closing ]")
        if text[pos] == "]":
            return
        try:
            doc, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            raise BadLine(error.lineno, "", f"This is not valid JSON ({error.msg})") from None
        yield _line(text, pos), doc
        pos = end


@dataclass
class Imported:
    line: int
    case: Case
    findings: list[Finding] = field(default_factory=list)


def import_one(line: int, doc: Any) -> Imported:
    """Check ``doc``'s shape, replay it in a transaction of its own, run the
    guard. Raises ``BadLine`` (and keeps nothing of this case) if refused."""
    problems = schema_errors(doc)
    if problems:
        path, reason = problems[0]
        raise BadLine(line, path, reason)
    try:
        with transaction.atomic():
            case = build_case(doc)
    except ImportRefused as refused:
        raise BadLine(line, refused.path, refused.reason) from refused
    return Imported(line, case, findings_for(case))


def import_text(text: str) -> Iterator[Imported]:
    """Import each case in ``text`` in turn; stops at the first bad one
    (``BadLine``), keeping those before it."""
    for line, doc in documents(text):
        yield import_one(line, doc)

"""The import document's JSON Schema (published as docs/import-case.schema.json)
and a small checker for the part of JSON Schema it uses, so a document's shape
is checked, with the path of each problem, before anything is recorded. The
action functions then check the values themselves, as for any other input."""

import re
from collections.abc import Iterator
from typing import Any

from msp.concerns.actions import CONCERN_FIELDS, DECISION_FIELDS
from msp.enquiries.actions import CLOSURE_FIELDS, OUTCOME_FIELDS
from msp.imports.builder import RECORD_KINDS, UPDATE_KINDS

DATE = r"^\d{4}-\d{2}-\d{2}$"
WHEN = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"

FORMAT = "msp-case/1"


def _item(fields: tuple[str, ...] | list[str], **more: Any) -> dict[str, Any]:
    """A dated item with an author and the given fields."""
    return {
        "type": "object",
        "required": ["at", "by"],
        "properties": {
            "at": {"$ref": "#/$defs/when"},
            "by": {"$ref": "#/$defs/username"},
            "id": {"type": "string"},
            **{name: {} for name in fields},
            **more,
        },
        "additionalProperties": False,
    }


def _episode() -> dict[str, Any]:
    return {
        "triage": {"$ref": "#/$defs/step"},
        "allocation": _item(["reason"], worker={"$ref": "#/$defs/username"}),
        "decisions": {"type": "array", "items": {"$ref": "#/$defs/decision"}},
        "enquiry": _item([], lead_worker={"$ref": "#/$defs/username"}),
        "outcomes": {"type": "array", "items": {"$ref": "#/$defs/outcome"}},
        "closing": {"$ref": "#/$defs/step"},
        "closure": {"$ref": "#/$defs/closure"},
    }


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://github.com/msp-casework/msp/docs/import-case.schema.json",
    "title": "One safeguarding case, for import into MSP Casework",
    "description": "See docs/import-format.md. Every item has when it happened (at) and "
    "who did it (by, a username).",
    "type": "object",
    "required": ["format", "person", "concerns"],
    "properties": {
        "format": {"enum": [FORMAT]},
        "source_reference": {"type": "string"},
        "team": {"type": "string"},
        "person": {
            "type": "object",
            "required": ["given_name", "family_name", "date_of_birth"],
            "properties": {
                "given_name": {"type": "string"},
                "family_name": {"type": "string"},
                "date_of_birth": {"type": "string", "pattern": DATE},
                "by": {"$ref": "#/$defs/username"},
            },
            "additionalProperties": True,
        },
        "concerns": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/concern"}},
        **_episode(),
        "record": {"type": "array", "items": {"$ref": "#/$defs/record"}},
        "reopenings": {"type": "array", "items": {"$ref": "#/$defs/reopening"}},
    },
    "additionalProperties": False,
    "$defs": {
        "when": {"type": "string", "pattern": WHEN},
        "username": {"type": "string", "minLength": 1},
        "step": _item([]),
        "concern": _item(
            [f for f in CONCERN_FIELDS if f != "raised_on"],
            raised_on={"type": "string", "pattern": DATE},
        ),
        "decision": _item(list(DECISION_FIELDS)),
        "outcome": _item(
            list(OUTCOME_FIELDS),
            revisions={
                "type": "array",
                "items": _item([*OUTCOME_FIELDS, "reason"]),
            },
            rating=_item(["achievement", "person_view"]),
        ),
        "closure": _item(list(CLOSURE_FIELDS), duty_overrides={"type": "object"}),
        "record": {
            "type": "object",
            "required": ["type", "at", "by"],
            "properties": {
                "type": {"enum": sorted([*RECORD_KINDS, *UPDATE_KINDS])},
                "at": {"$ref": "#/$defs/when"},
                "by": {"$ref": "#/$defs/username"},
                "id": {"type": "string"},
            },
            "additionalProperties": True,
        },
        "reopening": {
            "type": "object",
            "required": ["at", "by", "reason", "concern"],
            "properties": {
                "at": {"$ref": "#/$defs/when"},
                "by": {"$ref": "#/$defs/username"},
                "reason": {"type": "string"},
                "concern": {
                    "type": "object",
                    "properties": {name: {} for name in CONCERN_FIELDS},
                    "additionalProperties": False,
                },
                **_episode(),
            },
            "additionalProperties": False,
        },
    },
}

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        schema = root["$defs"][name]
    return schema


def _errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], path: str
) -> Iterator[tuple[str, str]]:
    schema = _resolve(schema, root)
    where = path or "(the document)"
    kind = schema.get("type")
    if kind is not None:
        ok = isinstance(value, _TYPES[kind]) and not (kind == "integer" and isinstance(value, bool))
        if not ok:
            yield where, f"Must be {'an' if kind[0] in 'aeiou' else 'a'} {kind}"
            return
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(repr(c) for c in schema["enum"])
        yield where, f"{value!r} is not one of {choices}"
        return
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            yield where, "Must not be empty"
        if "pattern" in schema and not re.match(schema["pattern"], value):
            yield where, f"{value!r} is not a date: write it like 2025-04-30 (or 2025-04-30T14:05)"
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield where, f"Needs at least {schema['minItems']} item"
        for n, item in enumerate(value):
            yield from _errors(item, schema.get("items", {}), root, f"{path}[{n}]")
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                yield (f"{path}.{name}" if path else name), "This is required"
        properties = schema.get("properties", {})
        for name, item in value.items():
            sub = f"{path}.{name}" if path else name
            if name in properties:
                yield from _errors(item, properties[name], root, sub)
            elif schema.get("additionalProperties", True) is False:
                yield sub, "This is not a field the import format has"


def schema_errors(doc: Any, schema: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """Every place ``doc`` does not fit the schema: (path, reason) pairs, in
    document order. Empty when it fits."""
    root = schema or SCHEMA
    return list(_errors(doc, root, root, ""))

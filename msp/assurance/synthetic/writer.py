"""Fast inserts of ready-made rows, straight to the database.

The ORM's ``bulk_create`` builds a model instance per row and prepares every
value field by field; for millions of rows that costs far more than the
database does (writing the same rows took 12 times as long on SQLite and 5
times on PostgreSQL: docs/performance.md). Here rows are tuples in a fixed
column order, ids are chosen up front, and each table is written with one
``COPY`` (PostgreSQL) or one ``executemany`` (SQLite and others) per batch.
The only conversions are the ones each database needs: JSON to text, and on
SQLite aware UTC datetimes to naive ones (which is how Django stores them).

Columns the caller does not give get the model field's default, so a field
added to a model later does not break the generator as long as it has one.
"""

import datetime
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

Row = tuple[Any, ...]
Convert = Callable[[Any], Any]


class Table:
    """One model's columns: those the caller gives, in order, then the rest
    filled with their defaults."""

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = [c for c in columns if c not in fields]
        if unknown:
            raise ValueError(f"{model.__name__} has no columns {unknown}")
        self.model = model
        self.fields = [fields[c] for c in columns] + [
            f for name, f in fields.items() if name not in columns
        ]
        self.given = len(columns)
        self.defaults: Row = tuple(f.get_default() for f in self.fields[self.given :])

    @property
    def db_table(self) -> str:
        return self.model._meta.db_table

    @property
    def column_names(self) -> list[str]:
        return [f.column or f.attname for f in self.fields]


def _json(value: Any) -> Any:
    return None if value is None else json.dumps(value)


def _naive_utc(value: datetime.datetime | None) -> datetime.datetime | None:
    if value is None:
        return None
    if value.tzinfo is not datetime.UTC:
        value = value.astimezone(datetime.UTC)
    return value.replace(tzinfo=None)


def _converters(table: Table, vendor: str) -> list[tuple[int, Convert]]:
    """Which columns need converting on this database, and how."""
    out: list[tuple[int, Convert]] = []
    for index, f in enumerate(table.fields):
        if isinstance(f, models.JSONField):
            out.append((index, _json))
        elif vendor == "sqlite" and isinstance(f, models.DateTimeField):
            out.append((index, _naive_utc))
        elif vendor not in ("sqlite", "postgresql"):
            out.append((index, _prepare_with(f)))
    return out


def _prepare_with(f: models.Field[Any, Any]) -> Convert:
    """The ORM's own conversion: slower, for databases without a fast path."""

    def convert(value: Any) -> Any:
        return f.get_db_prep_save(value, connection)

    return convert


def _prepared(table: Table, rows: Iterable[Row]) -> Iterable[Row]:
    converters = _converters(table, connection.vendor)
    defaults = table.defaults
    for row in rows:
        full = row + defaults if defaults else row
        if converters:
            values = list(full)
            for index, convert in converters:
                values[index] = convert(values[index])
            full = tuple(values)
        yield full


def insert(table: Table, rows: Sequence[Row]) -> None:
    """Write ``rows`` into ``table``. Call inside a transaction."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in table.column_names)
    prepared = _prepared(table, rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sql = f"COPY {quote(table.db_table)} ({columns}) FROM STDIN"
            with cursor.cursor.copy(sql) as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(table.fields))
            sql = f"INSERT INTO {quote(table.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, list(prepared))


def next_ids(models_by_name: dict[str, type[models.Model]]) -> dict[str, int]:
    """The first free id of each table: one more than the highest in use."""
    out = {}
    for name, model in models_by_name.items():
        highest = model._default_manager.aggregate(highest=models.Max("id"))["highest"]
        out[name] = (highest or 0) + 1
    return out


def reset_sequences(all_models: Iterable[type[models.Model]]) -> None:
    """After inserting chosen ids, move the id sequences past them, so the next
    ordinary insert does not collide. (SQLite keeps its own record up to date.)"""
    statements = connection.ops.sequence_reset_sql(no_style(), list(all_models))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def analyse(all_models: Iterable[type[models.Model]]) -> None:
    """Refresh the query planner's statistics for these tables, as autovacuum
    would soon after a big load. PostgreSQL only: SQLite plans well without."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in all_models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

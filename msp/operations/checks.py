"""PostgreSQL must not lose committed records: a case saved must survive a crash.

The check reads the server's durability settings. Any of them off is an error in
production (``migrate``, ``check --database default`` and the WSGI entry point
refuse to go on) and a warning elsewhere, since a throwaway test server may run
with ``fsync`` off for speed.
"""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections

# Setting -> the values that keep committed transactions safe.
DURABLE = {
    "fsync": {"on"},
    "full_page_writes": {"on"},
    "synchronous_commit": {"on", "remote_write", "remote_apply"},
}


def durability_problems(values: dict[str, str]) -> list[str]:
    """Pure: the settings, from ``SHOW name``, that put committed data at risk."""
    return [
        f"{name} is {values[name]!r}; it must be {' or '.join(sorted(DURABLE[name]))}"
        for name in DURABLE
        if name in values and values[name].lower() not in DURABLE[name]
    ]


def server_durability(alias: str = "default") -> dict[str, str]:
    """The durability settings of the PostgreSQL server ``alias`` uses ({} otherwise)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return {}
    values = {}
    with connection.cursor() as cursor:
        for name in DURABLE:
            cursor.execute(f"SHOW {name}")  # names are constants above
            values[name] = str(cursor.fetchone()[0])
    return values


def _message(problems: list[str]) -> str:
    return (
        "The PostgreSQL server may lose saved records after a crash: "
        + "; ".join(problems)
        + ". Turn these settings on in postgresql.conf."
    )


@register("database")
def database_is_durable(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    for alias in kwargs.get("databases") or []:
        try:
            problems = durability_problems(server_durability(alias))
        except DatabaseError:
            continue  # cannot connect: Django reports that itself
        if not problems:
            continue
        if settings.PRODUCTION:
            messages.append(Error(_message(problems), id="msp.E010"))
        else:
            messages.append(Warning(_message(problems), id="msp.W010"))
    return messages


def refuse_non_durable_database_in_production() -> None:
    """Called by the WSGI entry point, so a production server will not start."""
    if not settings.PRODUCTION:
        return
    try:
        problems = durability_problems(server_durability())
    except DatabaseError:
        return  # the database is not reachable yet; the first request will say so
    if problems:
        raise ImproperlyConfigured(_message(problems))

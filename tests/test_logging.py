"""Logs never carry an exception's message, which may quote personal data."""

import logging

from msp.audit.logging import NoExceptionMessages


def test_exception_messages_are_dropped_but_the_type_and_place_are_kept():
    nhs_number = "".join(["943", "476", "5919"])  # as data, not in the source line
    try:
        raise ValueError(f"Key (nhs_number)=({nhs_number}) already exists")
    except ValueError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/cases/1/",),
            exc_info=__import__("sys").exc_info(),
        )
    assert NoExceptionMessages().filter(record)
    text = logging.Formatter().format(record)
    assert nhs_number not in text
    assert "ValueError" in text
    assert "test_logging.py" in text
    assert "Internal Server Error: /cases/1/" in text

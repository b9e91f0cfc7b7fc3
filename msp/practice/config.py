"""The settings the checks read. ``GuardConfig`` (the admin-editable row)
satisfies ``Config``; tests can pass ``GuardSettings`` without a database."""

from dataclasses import dataclass
from typing import Protocol

from msp.practice.reasons import DEFAULT_PLACEHOLDER_TEXT


class Config(Protocol):
    @property
    def min_contact_attempts(self) -> int: ...

    @property
    def min_contact_methods(self) -> int: ...

    @property
    def repeat_concern_count(self) -> int: ...

    @property
    def repeat_window_days(self) -> int: ...

    @property
    def placeholder_phrases(self) -> str: ...


@dataclass(frozen=True)
class GuardSettings:
    min_contact_attempts: int = 3
    min_contact_methods: int = 2
    repeat_concern_count: int = 3
    repeat_window_days: int = 365
    placeholder_phrases: str = DEFAULT_PLACEHOLDER_TEXT


DEFAULTS = GuardSettings()

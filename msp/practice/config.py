"""The settings the checks read. ``GuardConfig`` (the admin-editable row)
satisfies ``Config``; tests can pass ``GuardSettings`` without a database."""

from dataclasses import dataclass
from typing import Protocol


class Config(Protocol):
    @property
    def min_contact_attempts(self) -> int: ...

    @property
    def min_contact_methods(self) -> int: ...

    @property
    def repeat_concern_count(self) -> int: ...

    @property
    def repeat_window_days(self) -> int: ...


@dataclass(frozen=True)
class GuardSettings:
    min_contact_attempts: int = 3
    min_contact_methods: int = 2
    repeat_concern_count: int = 3
    repeat_window_days: int = 365


DEFAULTS = GuardSettings()

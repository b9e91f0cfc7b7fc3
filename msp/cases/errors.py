"""Errors an action function raises. Views turn them into a message on the page;
the API turns them into 409 responses."""

from typing import Any


class ActionError(Exception):
    """The action cannot be done in the record's current state."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidTransition(ActionError):
    pass


class StaleVersion(ActionError):
    """Someone else saved the record after the user loaded it."""

    def __init__(self, record: Any, current_version: int, changed_by: str, changes: dict[str, Any]):
        super().__init__(
            f"{changed_by} changed this record while you were working on it. "
            "Your changes have not been saved. Check their changes below, then save again."
        )
        self.record = record
        self.current_version = current_version
        self.changed_by = changed_by
        self.changes = changes

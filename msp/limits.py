"""How long typed text may be. One limit per kind of field, used by the web forms
(msp/govuk/forms.py) and the API schemas (msp/api/types.py), so a page and the
API refuse the same text with the same limit in the message."""

NAME = 100  # a person's names
SHORT_TEXT = 200  # a one-line answer: a role, an organisation, who did something
LONG_TEXT = 10_000  # a narrative: what happened, evidence, notes


def too_long(noun: str, limit: int) -> str:
    """The message for text over its limit, e.g. "Notes must be 10,000 characters or fewer"."""
    return f"{noun} must be {limit:,} characters or fewer"

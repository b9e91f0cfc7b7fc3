"""Code lists for the outcome survey."""

from django.db import models

from msp.enquiries.codes import Achievement, MspAsked

# The two questions whose answers the statutory return (SAC table SG4a) also
# counts. Their options are the national labels and are not for local editing.
ASKED_QUESTION = 1
ACHIEVED_QUESTION = 2
NATIONAL_OPTIONS: dict[int, list[dict[str, str]]] = {
    ASKED_QUESTION: [{"code": str(c), "label": str(label)} for c, label in MspAsked.choices],
    ACHIEVED_QUESTION: [{"code": str(c), "label": str(label)} for c, label in Achievement.choices],
}

# Eight weeks: the framework's limit for asking after the case closed.
WINDOW_DAYS = 56


class Respondent(models.TextChoices):
    ADULT = "adult", "The person"
    REPRESENTATIVE = "representative", "A representative"


class Method(models.TextChoices):
    LEAD_AT_CLOSURE = "lead_enquirer_at_closure", "Asked by the lead enquirer when the case closed"
    INDEPENDENT = "independent_after_closure", "Asked by someone independent, after the case closed"


class WordingSource(models.TextChoices):
    NATIONAL = "national", "National wording (LGA outcomes framework)"
    LOCAL = "local", "Local version: check it against the LGA outcomes framework"

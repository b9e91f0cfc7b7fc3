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

# The framework's questions about the experience of safeguarding have an adult
# and a representative version; questions 1 to 3 have one wording.
TWO_VERSION_QUESTIONS = frozenset({4, 5, 6, 7})

# Eight weeks: the framework's limit for asking after the case closed.
WINDOW_DAYS = 56


class Respondent(models.TextChoices):
    ADULT = "adult", "The person"
    REPRESENTATIVE = "representative", "A representative"


class Method(models.TextChoices):
    LEAD_AT_CLOSURE = "lead_enquirer_at_closure", "Asked by the lead enquirer when the case closed"
    INDEPENDENT = "independent_after_closure", "Asked by someone independent, after the case closed"


class WordingSource(models.TextChoices):
    """Whose words a version of a question uses. Local wordings are ours, written
    in plain English until the council loads the framework's published ones
    (``manage.py load_published_wordings``)."""

    PUBLISHED = "published", "Published: the national outcomes framework's wording"
    LOCAL = "local", "Local: our wording, to be replaced by the published one"


class Voice(models.TextChoices):
    """Who a wording speaks to. A question with an adult and a representative
    version puts its adult version to the person ("Did you feel...", answered
    "Yes, I felt..."); every other wording is about the person ("Did the person
    feel...", answered "Yes, they felt...")."""

    TO_PERSON = "to_person", "Put to the person: “you”, answered with “I”"
    ABOUT_PERSON = "about_person", "About the person: “the person”, answered with “they”"

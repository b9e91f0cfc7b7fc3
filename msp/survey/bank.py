"""Changing the question bank without rewriting history.

A version of a question that anyone has answered keeps its wording for good.
``save_question`` (used by the admin) turns an edit of an answered version into
a new version; ``load_questions`` (used by ``manage.py load_survey_questions``)
reads the council's fixture file and adds what is new in it;
``load_published`` (used by ``manage.py load_published_wordings``) replaces local
wordings with the outcomes framework's published ones.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from msp.accounts.models import User
from msp.audit.log import diff, record_change
from msp.survey.codes import WordingSource
from msp.survey.models import SurveyQuestion

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "msp_questions.json"

EDITABLE = (*SurveyQuestion.CONTENT_FIELDS, "active", "wording_source", "note")


def _snapshot(question: SurveyQuestion) -> dict[str, Any]:
    return {f: getattr(question, f) for f in EDITABLE}


def next_version(number: int) -> int:
    top = SurveyQuestion.objects.filter(number=number).aggregate(top=Max("version"))["top"]
    return (top or 0) + 1


SAVED = "survey.question_saved"
PUBLISHED_LOADED = "survey.published_wording_loaded"


@transaction.atomic
def save_question(
    question: SurveyQuestion, *, by: User | None, action: str = SAVED
) -> SurveyQuestion:
    """Save ``question`` as edited. If its stored version has been answered and
    the wording, topic or answers changed, save the edit as a new version (and
    leave the answered one as it was). An active version replaces the
    question's previously active one."""
    old: dict[str, Any] = {}
    if question.pk is not None:
        stored = SurveyQuestion.objects.select_for_update().get(pk=question.pk)
        old = _snapshot(stored)
        content_changed = any(
            getattr(stored, f) != getattr(question, f) for f in SurveyQuestion.CONTENT_FIELDS
        )
        if content_changed and stored.is_answered:
            question.pk = None
            question._state.adding = True
            question.version = next_version(question.number)
            old = {}
    question.full_clean(validate_constraints=False)
    if question.active:
        SurveyQuestion.objects.filter(number=question.number, active=True).exclude(
            pk=question.pk
        ).update(active=False)
    question.save()
    record_change(
        by=by,
        action=action,
        obj=question,
        changes={**diff(old, _snapshot(question)), "version": [None, question.version]},
    )
    return question


@dataclass
class LoadReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def read_fixture(path: Path = FIXTURE) -> list[dict[str, Any]]:
    """The ``fields`` of each question in a fixture file."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [dict(entry["fields"]) for entry in entries]


def load_questions(entries: list[dict[str, Any]], *, by: User | None = None) -> LoadReport:
    """Add new versions and update unanswered ones; refuse to change answered ones."""
    report = LoadReport()
    for values in entries:
        number, version = int(values["number"]), int(values.get("version", 1))
        name = f"question {number} version {version}"
        existing = SurveyQuestion.objects.filter(number=number, version=version).first()
        fields = {k: v for k, v in values.items() if k in EDITABLE}
        if existing is None:
            save_question(SurveyQuestion(number=number, version=version, **fields), by=by)
            report.added.append(name)
            continue
        if all(getattr(existing, k) == v for k, v in fields.items()):
            continue
        content_changed = any(
            getattr(existing, k) != fields[k] for k in SurveyQuestion.CONTENT_FIELDS if k in fields
        )
        if content_changed and existing.is_answered:
            report.refused.append(
                f"{name} has been answered, so its wording cannot change: "
                "add the new wording as a new version"
            )
            continue
        for k, v in fields.items():
            setattr(existing, k, v)
        save_question(existing, by=by)
        report.updated.append(name)
    return report


# What a published wording file gives for each question. ``representative_text``
# and ``representative_options`` only for questions with two versions.
PUBLISHED_FIELDS = ("topic", "text", "options", "representative_text", "representative_options")


class PublishedFileError(ValueError):
    """The published wording file is not in the expected shape."""


def read_published(path: Path) -> list[dict[str, Any]]:
    """The questions in a published wording file: a JSON object with a
    ``questions`` list, each with ``number``, ``text`` and ``options``, and, for
    questions with two versions, ``representative_text`` and
    ``representative_options``; ``topic`` and ``note`` are optional."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PublishedFileError(f"{path} cannot be read as JSON: {error}") from error
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not questions:
        raise PublishedFileError(f'{path} has no "questions" list')
    for i, entry in enumerate(questions, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("number"), int):
            raise PublishedFileError(f"Entry {i} in {path} has no question number")
        if not isinstance(entry.get("text"), str) or "options" not in entry:
            raise PublishedFileError(f"Question {entry['number']} in {path} needs text and options")
    numbers = [entry["number"] for entry in questions]
    if len(set(numbers)) != len(numbers):
        raise PublishedFileError(f"{path} gives a question more than once")
    return questions


@transaction.atomic
def load_published(
    entries: list[dict[str, Any]], *, by: User | None = None, source: str = ""
) -> LoadReport:
    """Replace each question's active wording with the published one in
    ``entries``, marked ``published``. An unanswered active version is reworded
    in place; an answered one is kept for its answers and the published wording
    becomes a new version. Each change is one audit event. All or nothing: an
    entry that fails the bank's checks raises ``ValidationError`` and nothing
    is saved."""
    report = LoadReport()
    for values in entries:
        number = int(values["number"])
        current = SurveyQuestion.objects.filter(number=number, active=True).first()
        question = current or SurveyQuestion(number=number, version=next_version(number))
        wanted: dict[str, Any] = {
            "topic": values.get("topic") or (current.topic if current else f"Question {number}"),
            "text": values["text"],
            "options": values["options"],
            "representative_text": values.get("representative_text", ""),
            "representative_options": values.get("representative_options", []),
        }
        if (
            current is not None
            and current.wording_source == WordingSource.PUBLISHED
            and all(getattr(current, k) == v for k, v in wanted.items())
        ):
            continue
        for key, value in wanted.items():
            setattr(question, key, value)
        question.wording_source = WordingSource.PUBLISHED
        question.active = True
        question.note = str(values.get("note") or source or "Published wording")
        try:
            saved = save_question(question, by=by, action=PUBLISHED_LOADED)
        except ValidationError as error:
            raise ValidationError(
                [f"Question {number}: {message}" for message in error.messages]
            ) from error
        name = f"question {number} version {saved.version}"
        (report.updated if current is not None and saved.pk == current.pk else report.added).append(
            name
        )
    return report


def still_local() -> list[int]:
    """The numbers of the questions whose active wording is still local."""
    return list(
        SurveyQuestion.objects.active()
        .filter(wording_source=WordingSource.LOCAL)
        .values_list("number", flat=True)
    )

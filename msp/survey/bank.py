"""Changing the question bank without rewriting history.

A version of a question that anyone has answered keeps its wording for good.
``save_question`` (used by the admin) turns an edit of an answered version into
a new version; ``load_questions`` (used by ``manage.py load_survey_questions``)
reads the council's fixture file and adds what is new in it.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max

from msp.accounts.models import User
from msp.audit.log import diff, record_change
from msp.survey.models import SurveyQuestion

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "msp_questions.json"

EDITABLE = (*SurveyQuestion.CONTENT_FIELDS, "active", "wording_source", "note")


def _snapshot(question: SurveyQuestion) -> dict[str, Any]:
    return {f: getattr(question, f) for f in EDITABLE}


def next_version(number: int) -> int:
    top = SurveyQuestion.objects.filter(number=number).aggregate(top=Max("version"))["top"]
    return (top or 0) + 1


@transaction.atomic
def save_question(question: SurveyQuestion, *, by: User | None) -> SurveyQuestion:
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
        action="survey.question_saved",
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

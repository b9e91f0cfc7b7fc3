"""The order of the public report's questions, which apply to whom, and the
answers as the check-your-answers page lists them. Pure: answers are a dict."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from msp.frontdoor import forms as f
from msp.frontdoor.models import ReferrerKind
from msp.govuk.forms import GovukForm

Answers = dict[str, Any]


def _self(a: Answers) -> bool:
    return bool(a.get("referrer_kind") == ReferrerKind.ADULT)


@dataclass(frozen=True)
class Step:
    slug: str
    form: type[GovukForm]
    applies: Callable[[Answers], bool] = lambda a: True
    knows_self: bool = False  # the form asks differently when the adult reports for themselves

    def make(self, answers: Answers, data: Any = None) -> GovukForm:
        kwargs: dict[str, Any] = {"self_report": _self(answers)} if self.knows_self else {}
        if data is not None:
            return self.form(data, **kwargs)
        return self.form(initial=answers, **kwargs)


STEPS = (
    Step("who", f.WhoForm),
    Step(
        "organisation",
        f.OrganisationForm,
        lambda a: a.get("referrer_kind") == ReferrerKind.PROFESSIONAL,
    ),
    Step("identity", f.IdentityForm),
    Step("adult", f.AdultForm, knows_self=True),
    Step("what-happened", f.WhatForm),
    Step("where", f.WhereForm),
    Step("adult-knows", f.KnowsForm, lambda a: not _self(a)),
    Step("adult-wants", f.WantsForm, knows_self=True),
    Step("contact", f.ContactForm, lambda a: a.get("identity") != "anonymous", knows_self=True),
)
BY_SLUG = {s.slug: s for s in STEPS}


def applicable(answers: Answers) -> list[Step]:
    return [s for s in STEPS if s.applies(answers)]


def next_slug(slug: str, answers: Answers) -> str | None:
    """The step after ``slug`` for these answers; None when it is the last."""
    steps = applicable(answers)
    names = [s.slug for s in steps]
    if slug in names:
        i = names.index(slug)
        return names[i + 1] if i + 1 < len(names) else None
    later = [s.slug for s in STEPS[[s.slug for s in STEPS].index(slug) + 1 :] if s in steps]
    return later[0] if later else None


def previous_slug(slug: str, answers: Answers) -> str | None:
    names = [s.slug for s in applicable(answers)]
    if slug in names and names.index(slug) > 0:
        return names[names.index(slug) - 1]
    return None


def first_unanswered(answers: Answers) -> str | None:
    """The first step whose answers are missing or no longer valid."""
    for step in applicable(answers):
        form = step.make(answers, data=_as_data(step, answers))
        if not form.is_valid():
            return step.slug
    return None


def _as_data(step: Step, answers: Answers) -> dict[str, Any]:
    return {name: answers.get(name, "") for name in step.form.base_fields}


def tidy_answers(answers: Answers) -> Answers:
    """The answers of the steps that apply, ready for ``submit_report``."""
    kept: Answers = {}
    for step in applicable(answers):
        for name in step.form.base_fields:
            if name in answers:
                kept[name] = answers[name]
    identity = kept.pop("identity", "named")
    kept["anonymous"] = identity == "anonymous"
    kept["confidential"] = identity == "confidential"
    if _self(answers):
        kept["adult_knows"] = "yes"
        kept["referrer_name"] = "" if kept["anonymous"] else kept.get("adult_name", "")
    return kept


def summary(answers: Answers) -> list[tuple[str, str, str]]:
    """(question, answer, step to change it) for the check-your-answers page."""
    rows: list[tuple[str, str, str]] = []
    for step in applicable(answers):
        form = step.make(answers)
        for name, field in form.fields.items():
            if name == "website":
                continue
            value = answers.get(name, "")
            choices = dict(getattr(field, "choices", []) or [])
            shown = str(choices.get(value, value)) if choices else str(value or "")
            label = str(field.label).removesuffix(" (optional)")
            rows.append((label, shown or "Not given", step.slug))
    return rows

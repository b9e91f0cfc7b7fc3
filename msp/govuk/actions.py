"""Running an action function from a form, and turning what it raises into
something the page shows: errors next to fields, a conflict warning, or a
message that the record cannot move to this step."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict

from msp.cases.errors import ActionError, StaleVersion
from msp.govuk.forms import GovukForm
from msp.govuk.merge import as_data, merge, sign_base

Rules = Callable[[dict[str, Any]], Mapping[str, str]]


@dataclass
class Attempt[T]:
    """What happened when the user submitted a form."""

    form: GovukForm
    result: T | None = None
    status: int = 200
    context: dict[str, Any] = field(default_factory=dict)
    # What the action refused the input with, for a page that shows more than the message.
    refusal: ValidationError | None = None

    @property
    def done(self) -> bool:
        return self.result is not None


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def stale_context(error: StaleVersion, form: GovukForm) -> dict[str, Any]:
    rows = []
    for key, change in error.changes.items():
        if key in ("revision",) or not isinstance(change, list | tuple) or len(change) != 2:
            continue
        label = form.fields[key].label if key in form.fields else None
        rows.append(
            (label or key.replace("_", " ").capitalize(), _shown(change[0]), _shown(change[1]))
        )
    return {"stale": error, "stale_changes": rows}


def attempt[T](
    form: GovukForm, do: Callable[[int | None, dict[str, Any]], T], *, rules: Rules | None = None
) -> Attempt[T]:
    """Validate ``form`` and call ``do(version, values)``, which calls one action function.

    Shape errors come from the form; ``rules`` (a pure rules function) adds the
    business errors for the other fields so the user sees all problems at once.
    """
    if not form.is_valid():
        if rules is not None:
            form.add_rule_errors(rules(form.values()))
        return Attempt(form=form)
    version = form.cleaned_data.get("version")
    try:
        return Attempt(form=form, result=do(version, form.values()))
    except ValidationError as error:
        form.add_action_errors(error)
        return Attempt(form=form, refusal=error)
    except StaleVersion as error:
        return _conflict(form, error)
    except ActionError as error:
        return Attempt(form=form, status=409, context={"problem": error.message})


def _conflict[T](form: GovukForm, error: StaleVersion) -> Attempt[T]:
    """Show the form again after someone else saved first: the other person's
    change, their new values where the user changed nothing, the user's values
    where the user changed something, and the current version and base."""
    merged = merge(form, error.record, error.changes)
    if merged is None:
        # No base to compare with (an old page): keep everything the user typed.
        data = form.data.copy() if isinstance(form.data, QueryDict) else QueryDict(mutable=True)
        if not isinstance(form.data, QueryDict):
            data.update(form.data)
    else:
        data = as_data(form, merged.values)
        data["base"] = sign_base(merged.theirs)
        for key in ("submission_token", "csrfmiddlewaretoken"):
            if key in form.data:
                data[key] = form.data[key]
    data["version"] = str(error.current_version)
    form.data = data
    form.full_clean()
    context = stale_context(error, form)
    context["stale_both"] = merged.both_changed if merged is not None else []
    context["stale_merged"] = merged is not None
    return Attempt(form=form, status=409, context=context)

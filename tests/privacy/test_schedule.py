"""The pure rules of the schedule, and a guard that every text field of a case
has a decision: erased or kept."""

import datetime

from django.apps import apps
from django.db import models
from hypothesis import given
from hypothesis import strategies as st

from msp.cases.models import Case
from msp.people.models import Person
from msp.people.validators import years_between
from msp.privacy import fields
from msp.privacy.actions import CASE_PATH
from msp.privacy.schedule import (
    CaseFacts,
    add_years,
    case_clock_starts,
    due_on,
    kept_date_of_birth,
)

D = datetime.date


def test_due_dates_add_whole_years_then_days():
    assert due_on(D(2024, 9, 1), keep_years=6, keep_days=0) == D(2030, 9, 1)
    assert due_on(D(2024, 9, 1), keep_years=0, keep_days=30) == D(2024, 10, 1)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)


def facts(**values):
    base = {
        "closed": True,
        "had_enquiry": True,
        "closed_on": D(2024, 9, 1),
        "last_decided_on": D(2024, 5, 2),
        "actions_not_done": 0,
    }
    return CaseFacts(**{**base, **values})


def test_the_clock_starts_at_closure_and_never_while_open_or_actions_remain():
    assert case_clock_starts(facts()) == D(2024, 9, 1)
    assert case_clock_starts(facts(closed=False)) is None
    assert case_clock_starts(facts(actions_not_done=1)) is None
    late_decision = facts(had_enquiry=False, last_decided_on=D(2024, 10, 1))
    assert case_clock_starts(late_decision) == D(2024, 10, 1)


dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2010, 12, 31))


@given(born=dates, years=st.integers(18, 110), died=st.none() | st.integers(0, 40000))
def test_the_kept_date_of_birth_gives_the_same_ages_the_return_uses(born, years, died):
    death = born + datetime.timedelta(days=died) if died is not None else None
    kept = kept_date_of_birth(born, death)
    year_end = D(born.year + years, 3, 31)
    assert years_between(kept, year_end) == years_between(born, year_end)
    if death:
        assert years_between(kept, death) == years_between(born, death)
    assert (kept.year, kept.month) in {
        (born.year, born.month),
        (
            (born.replace(day=28) + datetime.timedelta(days=4)).year,
            (born.replace(day=28) + datetime.timedelta(days=4)).month,
        ),
    }


TEXT = (models.CharField, models.TextField, models.JSONField)


def case_part_models():
    """Every model that belongs to a case, directly or through another part."""
    found = {}
    for rel in Case._meta.related_objects:
        found[rel.related_model._meta.label_lower] = rel.related_model
    for model in list(found.values()):
        for rel in model._meta.related_objects:
            label = rel.related_model._meta.label_lower
            if label in CASE_PATH:
                found[label] = rel.related_model
    return found


def test_every_text_field_of_a_case_is_either_erased_or_kept_on_purpose():
    undecided = []
    for label, model in case_part_models().items():
        erased = fields.CASE_PARTS.get(label, {})
        kept = fields.KEPT.get(label, {})
        for f in model._meta.concrete_fields:
            if isinstance(f, TEXT) and not f.choices and f.name not in erased | kept.keys():
                undecided.append(f"{label}.{f.name}")
    for f in Case._meta.concrete_fields:
        if isinstance(f, TEXT) and not f.choices and f.name not in fields.KEPT["cases.case"]:
            undecided.append(f"cases.case.{f.name}")
    assert undecided == []


def test_person_erasure_covers_every_identifying_text_field():
    kept_codes = {"gender", "ethnicity", "primary_support_reason"}
    text = {
        f.name
        for f in Person._meta.concrete_fields
        if isinstance(f, TEXT) and not f.choices and f.name not in kept_codes
    }
    assert text == set(fields.PERSON)


def test_every_listed_model_and_field_exists():
    for label, values in fields.CASE_PARTS.items():
        model = apps.get_model(label)
        for name in values:
            model._meta.get_field(name)

"""SG1: who was involved in concerns and enquiries, and how many there were.

Counting rules (concerns raised and enquiries started are defined in
``msp.assurance.definitions``, shared with the board):

- A case passed to another council (the council where the abuse happened
  records it) is not counted; the data checks list it.
- A concern is in the year when its ``raised_on`` date is (1 April to 31 March).
- An enquiry is in the year when its episode (``enquiries.Enquiry``) started
  in the year (UK time); its type is the episode's. A reopened case that
  starts a second enquiry has two episodes, and both count. The data checks
  compare the count with the audit log, which keeps every start.
- SG1a-SG1d count individuals: distinct adults per column. An adult with three
  section 42 enquiries in the year counts once in SG1a-SG1d and three times in
  SG1f (which counts concerns and enquiries, not people). The national guidance
  allows an adult to appear more than once in SG1d when their primary support
  reason differed between enquiries; the person record holds one current
  reason, so each adult appears once there too, and SG1d adds up to SG1a.
- Age is taken on 31 March at the end of the year, or on the date of death if
  the adult died before then, using the project's own age rule
  (``msp.people.validators.years_between``) computed in the database. The age
  bands are data (the ``age_band`` code list); an age below the first band
  counts under "Age unknown" and the case is listed in the data checks.
- Gender, ethnicity and primary support reason are as the person record holds
  them when the return is produced, mapped through the year's code lists.
- SG1e (learning disability breakdown) has its rows but no counts: the person
  record has no field for it yet.

Everything is counted by aggregate queries: one grouped query per column for
SG1a-SG1d, and two counts for SG1f.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from msp.assurance.codelists import LoadedList
from msp.assurance.definitions import concerns_in, enquiries_started_in
from msp.assurance.models import ListName
from msp.assurance.period import Period
from msp.assurance.sac.checks import Checks
from msp.assurance.sac.tables import CONCERNS, OTHER, S42, Cell, Column, Table, TableRow, grid
from msp.cases.models import Case as CaseRecord
from msp.cases.models import EnquiryType
from msp.people.models import Person

INDIVIDUALS = (
    Column("Individuals Involved In Safeguarding Concerns", CONCERNS),
    Column("Individuals Involved In Section 42 Safeguarding Enquiries", S42),
    Column("Individuals Involved In Other Safeguarding Enquiries", OTHER),
)

# SG1a-SG1e: (key, title, row heading, code list, person field or None for age).
PERSON_TABLES = (
    ("SG1a", "Individuals involved, by age band", "Age band", ListName.AGE_BAND, None),
    ("SG1b", "Individuals involved, by gender", "Gender", ListName.GENDER, "gender"),
    ("SG1c", "Individuals involved, by ethnicity", "Ethnicity", ListName.ETHNICITY, "ethnicity"),
    (
        "SG1d",
        "Individuals involved, by primary support reason",
        "Primary support reason",
        ListName.SUPPORT_REASON,
        "primary_support_reason",
    ),
)
GROUPED_FIELDS = ("band", "gender", "ethnicity", "primary_support_reason")

SG1E_NOTE = (
    "Not collected: the person record has no field for this breakdown yet, so every cell "
    "is 0. Leave these cells blank in the national template or explain in its comment box."
)


@dataclass(frozen=True)
class Started:
    """Concerns raised and enquiries started in the year (SG1f)."""

    concerns: int
    s42: int
    other: int

    @property
    def enquiries(self) -> int:
        return self.s42 + self.other


def people_by_column(period: Period) -> dict[str, QuerySet[Person]]:
    """The adults in each SG1 column (keyed by ENQUIRY_TYPE)."""
    started = enquiries_started_in(period)
    return {
        CONCERNS: Person.objects.filter(pk__in=concerns_in(period).values("case__person_id")),
        S42: Person.objects.filter(
            pk__in=started.filter(kind=EnquiryType.S42).values("case__person_id")
        ),
        OTHER: Person.objects.filter(
            pk__in=started.filter(kind=EnquiryType.OTHER).values("case__person_id")
        ),
    }


def band_lower_bounds(bands: LoadedList) -> list[tuple[int, str]]:
    """(lowest age, label) for each age band, oldest first."""
    return sorted(((int(code), label) for code, label in bands.codes.items()), reverse=True)


def with_age(people: QuerySet[Person], period: Period) -> QuerySet[Person]:
    """Annotate ``age_then``: the age on the last day of the year, or at death if earlier."""
    on = Case(
        When(date_of_death__lt=period.last_day, then=F("date_of_death")),
        default=Value(period.last_day),
        output_field=DateField(),
    )
    before_birthday = Q(on_month__lt=F("born_month")) | Q(
        on_month=F("born_month"), on_day__lt=F("born_day")
    )
    return (
        people.annotate(on=on)
        .annotate(
            on_month=ExtractMonth("on"),
            on_day=ExtractDay("on"),
            born_month=ExtractMonth("date_of_birth"),
            born_day=ExtractDay("date_of_birth"),
        )
        .annotate(
            age_then=ExtractYear("on")
            - ExtractYear("date_of_birth")
            - Case(
                When(before_birthday, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
    )


def grouped_people(
    people: QuerySet[Person], period: Period, bands: LoadedList
) -> list[dict[str, Any]]:
    """One row per (age band, gender, ethnicity, support reason) with the number of adults.

    An adult alive on 31 March is at least N then when born on or before 31 March
    N years earlier, so their band is a comparison of dates. Only for adults who
    died before 31 March is the age worked out from the date of death, and only
    for them is it computed: the bands for the dead are a CASE inside the
    "died" branch (as ``died AND age >= N`` in each band, SQL's NULL logic
    computed the age five times for everyone alive, whose date of death is
    NULL: most of this query's time at a million concerns)."""
    bounds = band_lower_bounds(bands)
    fallback = Value(bands.fallback or "")
    died = Q(date_of_death__lt=period.last_day)
    last_day = period.last_day  # 31 March: a date in every year
    band_at_death = Case(
        *(When(age_then__gte=lowest, then=Value(label)) for lowest, label in bounds),
        default=fallback,
        output_field=CharField(),
    )
    band = Case(
        When(died, then=band_at_death),
        *(
            When(
                date_of_birth__lte=last_day.replace(year=last_day.year - lowest), then=Value(label)
            )
            for lowest, label in bounds
        ),
        default=fallback,
        output_field=CharField(),
    )
    return list(
        with_age(people, period)
        .annotate(band=band)
        .values(*GROUPED_FIELDS)
        .annotate(n=Count("pk"))
        .order_by()
    )


def _list_under_age(
    people: QuerySet[Person], period: Period, bands: LoadedList, checks: Checks
) -> None:
    youngest = min(lowest for lowest, _ in band_lower_bounds(bands))
    under = with_age(people, period).filter(Q(age_then__lt=youngest)).values("pk")
    problem = (
        f"Aged under {youngest} on 31 March {period.year + 1} (or when they died): "
        "check the date of birth"
    )
    cases = (
        CaseRecord.objects.filter(person_id__in=under)
        .filter(
            Q(pk__in=concerns_in(period).values("case_id"))
            | Q(pk__in=enquiries_started_in(period).values("pk"))
        )
        .values_list("pk", "reference")
    )
    for case_id, reference in cases:
        checks.find(case_id, reference, "Concern or enquiry in the year", problem)


def _count(groups: list[dict[str, Any]], field: str) -> dict[str, int]:
    """Adults by the value of one field, from the grouped rows."""
    counts: dict[str, int] = {}
    for group in groups:
        code = str(group[field] or "")
        counts[code] = counts.get(code, 0) + int(group["n"])
    return counts


def _lookup(
    counts: dict[tuple[str, str], dict[str, int]], key: str
) -> Callable[[str, Column], int]:
    def value(label: str, column: Column) -> int:
        return counts[(key, column.enquiry_type)][label]

    return value


def person_tables(period: Period, lists: dict[str, LoadedList], checks: Checks) -> list[Table]:
    """SG1a-SG1e."""
    bands = lists[ListName.AGE_BAND]
    counts: dict[tuple[str, str], dict[str, int]] = {}  # (table, column) -> {row: n}
    by_column = people_by_column(period)
    for column in INDIVIDUALS:
        people = by_column[column.enquiry_type]
        groups = grouped_people(people, period, bands)
        for key, _, _, list_name, field in PERSON_TABLES:
            if field is None:
                # The query has put each adult in an age band row already.
                by_band = _count(groups, "band")
                counts[(key, column.enquiry_type)] = {r: by_band.get(r, 0) for r in bands.labels}
                if bands.fallback and by_band.get(bands.fallback):
                    _list_under_age(people, period, bands, checks)
                continue
            code_list = lists[list_name]
            mapped = code_list.map_counts(_count(groups, field).items())
            checks.unmapped(code_list, mapped.unmapped, f"{key}, {column.heading}")
            counts[(key, column.enquiry_type)] = mapped.counts

    tables = []
    for key, title, row_heading, list_name, _ in PERSON_TABLES:
        in_table = [counts[(key, c.enquiry_type)] for c in INDIVIDUALS]
        rows = lists[list_name].visible_rows(
            {label: sum(column[label] for column in in_table) for label in in_table[0]}
        )
        tables.append(
            grid(
                key,
                title,
                row_heading,
                INDIVIDUALS,
                rows,
                _lookup(counts, key),
            )
        )
    tables.append(
        grid(
            "SG1e",
            "Individuals involved, learning, developmental or intellectual disability",
            "Disability",
            INDIVIDUALS,
            lists[ListName.LEARNING_DISABILITY].labels,
            lambda label, column: 0,
            notes=[SG1E_NOTE],
        )
    )
    return tables


def started(period: Period) -> Started:
    enquiries = enquiries_started_in(period).aggregate(
        s42=Count("pk", filter=Q(kind=EnquiryType.S42)),
        other=Count("pk", filter=Q(kind=EnquiryType.OTHER)),
    )
    return Started(concerns_in(period).count(), enquiries["s42"], enquiries["other"])


def cases_table(counts: Started) -> Table:
    """SG1f: concerns and enquiries counted as cases, not individuals. Each row
    is about a different activity, so each cell's ENQUIRY_TYPE comes from its row."""
    rows = (
        ("Total Number of Safeguarding Concerns", CONCERNS, counts.concerns),
        ("Total Number of Section 42 Safeguarding Enquiries", S42, counts.s42),
        ("Total Number of Other Safeguarding Enquiries", OTHER, counts.other),
    )
    return Table(
        key="SG1f",
        reference="SG1f",
        title="Number of concerns and enquiries",
        row_heading="Measure",
        columns=(Column("Number", ""),),
        rows=tuple(TableRow(label, (Cell(kind, label, "", n),)) for label, kind, n in rows),
    )

"""The shape of a return: tables of cells, derived measures and the data checks.

A cell carries the four labels of the national long format (ENQUIRY_TYPE,
CATEGORY, SUBCATEGORY and the table reference), so the CSV is the cells in
order and the spreadsheet and web page are the same cells laid out as rows
and columns.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from msp.assurance.period import Period

# ENQUIRY_TYPE values of the national long format.
CONCERNS = "Safeguarding Concerns"
S42 = "Section 42 Enquiries"
OTHER = "Other Enquiries"
CONCLUDED_S42 = "Concluded Section 42 Enquiries"
SARS = "Count of Safeguarding Adult Reviews"
SAR_INDIVIDUALS = "Count of Individuals Involved in Safeguarding Adult Reviews"


@dataclass(frozen=True)
class Cell:
    enquiry_type: str
    category: str
    subcategory: str
    value: int


@dataclass(frozen=True)
class Column:
    heading: str
    enquiry_type: str
    subcategory: str = ""


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[Cell, ...]

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(c.value for c in self.cells)


@dataclass(frozen=True)
class Table:
    key: str  # unique in a return: "SG1a", or "SG4a-asked" for a part of a table
    reference: str  # TABLE_REFERENCE: "SG1a"
    title: str
    row_heading: str
    columns: tuple[Column, ...]
    rows: tuple[TableRow, ...]
    notes: tuple[str, ...] = ()
    # Worked out by this system for the published dashboard, not a submitted table.
    derived: bool = False

    @property
    def caption(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(c.heading for c in self.columns)

    def as_dict(self) -> dict[str, tuple[int, ...]]:
        """{row label: (value in each column)}: what tests and people compare."""
        return {row.label: row.values for row in self.rows}

    def column_totals(self) -> tuple[int, ...]:
        return tuple(sum(row.values[i] for row in self.rows) for i in range(len(self.columns)))

    def cells(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row.cells]


def grid(
    key: str,
    title: str,
    row_heading: str,
    columns: Sequence[Column],
    rows: Sequence[str],
    value: Callable[[str, Column], int],
    *,
    notes: Sequence[str] = (),
    reference: str = "",
    derived: bool = False,
) -> Table:
    """A table whose cell for (row, column) is ``value(row, column)``; each cell's
    CATEGORY is the row label and its ENQUIRY_TYPE and SUBCATEGORY the column's."""
    return Table(
        key=key,
        reference=reference or key,
        title=title,
        row_heading=row_heading,
        columns=tuple(columns),
        rows=tuple(
            TableRow(
                label,
                tuple(Cell(c.enquiry_type, label, c.subcategory, value(label, c)) for c in columns),
            )
            for label in rows
        ),
        notes=tuple(notes),
        derived=derived,
    )


@dataclass(frozen=True)
class Measure:
    """A figure derived from the tables, as the national publication derives it."""

    label: str
    value: float | None
    explanation: str
    percent: bool = False

    @property
    def display(self) -> str:
        if self.value is None:
            return "Not applicable"
        if self.percent:
            return f"{self.value:.1f}%"
        return f"{self.value:,.0f}"


@dataclass(frozen=True)
class Finding:
    """A case the return could not count properly until its record is completed."""

    case_id: int
    reference: str
    activity: str  # for example "Section 42 enquiry concluded on 3 June 2025"
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Discrepancy:
    """Two figures that should agree and do not, with what usually causes it."""

    title: str
    figures: tuple[tuple[str, int], ...]
    explanation: str


@dataclass(frozen=True)
class CodeListProblem:
    """Records holding a code that the year's version of a code list does not map."""

    code_list: str
    version: str
    code: str
    records: int
    counted_in: str | None  # the fallback row, or None when they are not counted
    where: str  # the table and column, for example "SG1b, section 42 enquiries"


@dataclass(frozen=True)
class PassedOn:
    """A case passed to the council where the abuse happened, which records
    it: left out of this council's return, and listed so the total is explained."""

    case_id: int
    reference: str
    passed_on: str  # the day it was passed on, "3 June 2025"
    left_out: tuple[str, ...]  # what the return would otherwise have counted


@dataclass(frozen=True)
class Validation:
    findings: tuple[Finding, ...]
    discrepancies: tuple[Discrepancy, ...]
    code_list_problems: tuple[CodeListProblem, ...]
    # Not a problem to fix: listed for information, so not part of ``clean``.
    passed_on: tuple[PassedOn, ...] = ()

    @property
    def clean(self) -> bool:
        return not (self.findings or self.discrepancies or self.code_list_problems)


@dataclass(frozen=True)
class Council:
    """Who the return is for: the identifying columns of the long format."""

    name: str
    la_code: str
    ons_code: str
    region_code: str
    region_name: str
    council_type: str
    geography: str = "ENGLAND"

    @property
    def missing_codes(self) -> tuple[str, ...]:
        """The settings for the council's national codes that are not set."""
        settings = (
            ("MSP_LA_CODE", self.la_code),
            ("MSP_ONS_CODE", self.ons_code),
            ("MSP_REGION_CODE", self.region_code),
            ("MSP_REGION_NAME", self.region_name),
            ("MSP_COUNCIL_TYPE", self.council_type),
        )
        return tuple(name for name, value in settings if not value.strip())


@dataclass(frozen=True)
class SacReturn:
    period: Period
    council: Council
    tables: tuple[Table, ...]
    measures: tuple[Measure, ...]
    validation: Validation
    concerns: int
    enquiries_started: int
    enquiries_concluded: int
    code_list_versions: tuple[tuple[str, str], ...]
    produced_at: datetime.datetime

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def is_empty(self) -> bool:
        return not (self.concerns or self.enquiries_started or self.enquiries_concluded)

    @property
    def empty_message(self) -> str:
        label = self.period.code
        return f"No concerns or enquiries were recorded in {label}: the return is empty."

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def measure(self, label: str) -> Measure:
        for measure in self.measures:
            if measure.label == label:
                return measure
        raise KeyError(label)

    def cells(self) -> list[tuple[Table, Cell]]:
        return [(table, cell) for table in self.tables for cell in table.cells()]

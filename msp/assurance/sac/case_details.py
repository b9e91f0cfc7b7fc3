"""SG2-SG4: what concluded section 42 enquiries found, and how the adult took part.

Which closures are concluded enquiries, and how achievement is taken from the
desired outcomes, are defined once in ``msp.assurance.definitions`` (shared
with the board dashboard): a closure in the year, of a case not passed to
another council, when the decision in force at the closure was to make an
enquiry, typed by that decision. A case closed once without an enquiry and
then, reopened, closed after one counts only its second closure; a reopened
case closed again after a second enquiry concludes twice. Records kept on the
case (concerns) are read as they stand for each closure; the overall
achievement of the desired outcomes is the one kept on the closure when the
case closed (outcomes added or rated later do not change it).

Counting rules (one count per enquiry per cell; cells are not exclusive):

- SG2a: the types of risk x sources of risk reported together in the same
  concern, over all the case's concerns. An enquiry whose concern names two
  strangers (one source type) counts once; one with a stranger and a paid
  carer counts once in each column. Pairs are kept per concern so that a type
  one concern reported is not paired with a source only another reported.
- SG2b: location of risk x source of risk, on the same per-concern basis.
- SG2a_b1 (derived, not a submitted table): type of risk x location of risk,
  on the same per-concern basis and with SG2a's row labels: an enquiry counts
  once in a cell when one of its concerns names that type and that location.
  The published dashboard shows it; whether councils submit it or it is derived
  nationally is not settled, so it is labelled as derived in every output.
  Where each concern of an enquiry names one source and one location its row
  totals equal SG2a's; a concern naming two sources counts twice across an
  SG2a row and once here, and one naming no source is in this table only.
- SG2c: the closure's action taken and result x the sources of risk of the
  case's concerns. A closure with no action and result recorded is in no row
  (the table has no "not recorded" row) and is listed in the data checks.
- SG2e: risk outcome, for concluded enquiries where a risk was identified and
  action taken (the base the national guidance and the published measure
  "risk reduced or removed where a risk was identified" use). A risk outcome
  recorded on any other action and result is not counted; one missing where it
  is required is listed in the data checks.
- SG3a: whether the adult lacked capacity (blank counts as "Not recorded" and
  is listed); and, of those who lacked capacity, how many were supported by an
  advocate, family member or friend.
- SG4a: whether the adult was asked about desired outcomes (blank counts as
  "Not Recorded" and is listed); and, where outcomes were expressed, whether
  they were achieved, derived from the ratings of the case's desired outcomes
  by the same rule as the outcome survey (``msp.survey.derive``): every rated
  outcome fully achieved is Fully Achieved, every one not achieved is Not
  Achieved, anything else Partially Achieved. Expressed outcomes with no
  rating are in no row and are listed.

All counts are aggregate queries. SG2a-c are one statement: the concluded
enquiries as a common table expression, and for each table the JSON lists of
each concern expanded in SQL (``json_each`` on SQLite,
``jsonb_array_elements_text`` on PostgreSQL: the only difference between the
two), with codes mapped to rows by SQL ``CASE``, so an enquiry counts once per
row even if two codes share it. The decision in force is looked up closure by
closure only for cases decided more than once; for the rest it is the case's
enquiry type, which the one decision set.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import (
    Count,
    F,
    QuerySet,
)

from msp.assurance.codelists import LoadedList
from msp.assurance.definitions import concluded_enquiries, with_achievement
from msp.assurance.models import ListName
from msp.assurance.period import Period
from msp.assurance.sac.checks import Checks
from msp.assurance.sac.tables import CONCLUDED_S42, Column, Table, grid
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Concern
from msp.enquiries.codes import RISK_OUTCOME_REQUIRED, LackedCapacity, MspAsked

CONCLUDED = Column("Concluded Section 42 Enquiries", CONCLUDED_S42)

if TYPE_CHECKING:
    from msp.assurance.definitions import Concluded


# SQL that expands a JSON list into rows named <alias>.value, per database.
def _elements(column: str, alias: str) -> str:
    if connection.vendor == "postgresql":
        return f"jsonb_array_elements_text({column}) AS {alias}(value)"
    return f"json_each({column}) AS {alias}"


UNMAPPED = "#"  # prefix the SQL puts on a code its list does not map


def _case_sql(expression: str, code_list: LoadedList) -> tuple[str, list[str]]:
    whens = []
    params: list[str] = []
    for code, label in code_list.codes.items():
        whens.append("WHEN %s THEN %s")
        params += [code, label]
    if not whens:
        return f"'{UNMAPPED}' || {expression}", []
    return f"CASE {expression} {' '.join(whens)} ELSE '{UNMAPPED}' || {expression} END", params


@dataclass(frozen=True)
class Crossing:
    """One of SG2a-c: rows from ``row_expression`` (SQL over ``p``, a pair of a
    concluded enquiry's closure and a concern of its case, with ``closure_id``,
    ``result`` and the concern's columns; and ``t``, the elements of the JSON
    list ``expand`` of ``p``)."""

    key: str
    row_expression: str
    rows: LoadedList
    expand: str = ""
    # Columns other than the source of risk: SQL over ``c`` and ``t``, and its list.
    column_expression: str = ""
    columns: LoadedList | None = None


def _cross_by_source(
    closures: "QuerySet[Concluded]", crossings: Sequence[Crossing], sources: LoadedList
) -> dict[str, list[tuple[str, str, int]]]:
    """For each crossing, (row label or #code, source label or #code, distinct
    enquiries). One statement: the concluded enquiries paired with their
    case's concerns are a common table expression every crossing reads, so
    they are worked out once (PostgreSQL keeps a CTE read four times; when
    each crossing joined the concerns itself, it read the concerns table four
    times)."""
    q = connection.ops.quote_name
    cl_sql, cl_params = (
        closures.order_by()
        .values(closure_id=F("pk"), closure_case=F("case_id"), result=F("action_result"))
        .query.sql_with_params()
    )
    source_sql, source_params = _case_sql("s.value", sources)
    selects: list[str] = []
    params: list[Any] = list(cl_params)
    for crossing in crossings:
        row_sql, row_params = _case_sql(crossing.row_expression, crossing.rows)
        expand = (
            f"CROSS JOIN {_elements('p.' + q(crossing.expand), 't')}" if crossing.expand else ""
        )
        if crossing.columns is not None:
            column_sql, column_params = _case_sql(crossing.column_expression, crossing.columns)
            by_source = ""
        else:
            column_sql, column_params = source_sql, source_params
            by_source = f"CROSS JOIN {_elements('p.' + q('sources_of_risk'), 's')} "
        selects.append(
            # Names are quoted model names or fixed; every value is a query parameter.
            f"SELECT %s, {row_sql}, {column_sql}, COUNT(DISTINCT p.closure_id) "  # noqa: S608
            f"FROM p {expand} {by_source}"
            "GROUP BY 1, 2, 3"
        )
        params += [crossing.key, *row_params, *column_params]
    concern_columns = ", ".join(
        f"c.{q(name)}" for name in ("abuse_types", "location_of_risk", "sources_of_risk")
    )
    pairs = (
        f"SELECT cl.closure_id, cl.result, {concern_columns} "  # noqa: S608 (fixed names)
        f"FROM cl JOIN {q(Concern._meta.db_table)} c ON c.{q('case_id')} = cl.closure_case"
    )
    sql = f"WITH cl AS ({cl_sql}), p AS ({pairs}) " + " UNION ALL ".join(selects)
    found: dict[str, list[tuple[str, str, int]]] = {c.key: [] for c in crossings}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, row, source, n in cursor.fetchall():
            found[str(key)].append((str(row), str(source), int(n)))
    return found


def _crossed_table(
    key: str,
    title: str,
    row_heading: str,
    found: list[tuple[str, str, int]],
    rows: LoadedList,
    sources: LoadedList,
    checks: Checks,
    *,
    reference: str = "",
    notes: Sequence[str] = (),
    derived: bool = False,
) -> Table:
    counts: dict[tuple[str, str], int] = {}
    unmapped: dict[str, dict[str, int]] = {rows.name: {}, sources.name: {}}  # cells
    for row, source, n in found:
        placed = []
        for value, code_list in ((row, rows), (source, sources)):
            if value.startswith(UNMAPPED):
                code = value.removeprefix(UNMAPPED)
                if code:
                    codes = unmapped[code_list.name]
                    codes[code] = codes.get(code, 0) + n
                value = code_list.fallback or ""
            placed.append(value)
        if all(placed):
            counts[(placed[0], placed[1])] = counts.get((placed[0], placed[1]), 0) + n
    if not derived:  # a derived table's codes are listed already, for SG2a and SG2b
        checks.unmapped(rows, unmapped[rows.name], reference or key)
        checks.unmapped(sources, unmapped[sources.name], reference or key)
    columns = [Column(label, CONCLUDED_S42, label) for label in sources.labels]
    row_totals = {r: sum(n for (x, _), n in counts.items() if x == r) for r in rows.labels}
    return grid(
        key,
        title,
        row_heading,
        columns,
        rows.visible_rows(row_totals),
        lambda label, column: counts.get((label, column.heading), 0),
        reference=reference,
        notes=notes,
        derived=derived,
    )


SG2A_B1_NOTE = (
    "Derived by this system, not a table of the submitted return: counted by the same rule "
    "as SG2a (one count per enquiry per cell, a type and a location paired within a "
    "concern). The published dashboard shows type of risk by location of risk; whether "
    "councils submit it or it is derived nationally is not settled."
)


@dataclass
class ClosureCounts:
    """SG2e, SG3a and SG4a, from one grouped query over the concluded enquiries."""

    concluded: int = 0  # enquiries of either type concluded in the year
    total: int = 0  # concluded section 42 enquiries: the base of SG2-SG4
    risk_action: int = 0  # action and result: risk identified and action taken
    risk_outcome: dict[str, int] = field(default_factory=dict)
    lacked_capacity: dict[str, int] = field(default_factory=dict)
    supported: int = 0
    msp_asked: dict[str, int] = field(default_factory=dict)
    achieved: dict[str, int] = field(default_factory=dict)


def _add(counts: dict[str, int], code: str, n: int) -> None:
    counts[code] = counts.get(code, 0) + n


def closure_counts(period: Period) -> ClosureCounts:
    result = ClosureCounts()
    grouped = (
        with_achievement(concluded_enquiries(period))
        .values(
            "enquiry_kind",
            "action_result",
            "risk_outcome",
            "lacked_capacity",
            "capacity_support",
            "msp_asked",
            "achieved",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    for group in grouped:
        n = group["n"]
        result.concluded += n
        if group["enquiry_kind"] != DecisionResult.S42:
            continue
        result.total += n
        if group["action_result"] in RISK_OUTCOME_REQUIRED:
            result.risk_action += n
        if group["action_result"] in RISK_OUTCOME_REQUIRED and group["risk_outcome"]:
            _add(result.risk_outcome, group["risk_outcome"], n)
        _add(result.lacked_capacity, group["lacked_capacity"], n)
        if group["lacked_capacity"] == LackedCapacity.YES and group["capacity_support"]:
            result.supported += n
        _add(result.msp_asked, group["msp_asked"], n)
        if group["msp_asked"] == MspAsked.EXPRESSED and group["achieved"]:
            _add(result.achieved, group["achieved"], n)
    return result


def _single_column(
    key: str,
    title: str,
    row_heading: str,
    code_list: LoadedList,
    by_code: dict[str, int],
    checks: Checks,
    *,
    reference: str = "",
    notes: Sequence[str] = (),
) -> Table:
    mapped = code_list.map_counts(by_code.items())
    checks.unmapped(code_list, mapped.unmapped, reference or key)
    return grid(
        key,
        title,
        row_heading,
        [CONCLUDED],
        code_list.visible_rows(mapped.counts),
        lambda label, column: mapped.counts[label],
        reference=reference,
        notes=notes,
    )


def case_detail_tables(
    period: Period,
    lists: dict[str, LoadedList],
    checks: Checks,
) -> tuple[list[Table], ClosureCounts]:
    """SG2a, SG2a_b1 (derived), SG2b, SG2c, SG2e, SG3a and SG4a, with the counts
    behind them."""
    s42 = concluded_enquiries(period, DecisionResult.S42)
    sources = lists[ListName.SOURCE_OF_RISK]
    types = lists[ListName.TYPE_OF_RISK]
    locations = lists[ListName.LOCATION_OF_RISK]
    results = lists[ListName.ACTION_RESULT]
    location = f"p.{connection.ops.quote_name('location_of_risk')}"
    found = _cross_by_source(
        s42,
        [
            Crossing("SG2a", "t.value", types, expand="abuse_types"),
            Crossing(
                "SG2a_b1",
                "t.value",
                types,
                expand="abuse_types",
                column_expression=location,
                columns=locations,
            ),
            Crossing("SG2b", location, locations),
            Crossing("SG2c", "p.result", results),
        ],
        sources,
    )
    tables = [
        _crossed_table(
            "SG2a",
            "Concluded section 42 enquiries, type of risk by source of risk",
            "Type of risk",
            found["SG2a"],
            types,
            sources,
            checks,
        ),
        _crossed_table(
            "SG2a_b1",
            "Concluded section 42 enquiries, type of risk by location of risk (derived)",
            "Type of risk",
            found["SG2a_b1"],
            types,
            locations,
            checks,
            notes=[SG2A_B1_NOTE],
            derived=True,
        ),
        _crossed_table(
            "SG2b",
            "Concluded section 42 enquiries, location of risk by source of risk",
            "Location of risk",
            found["SG2b"],
            locations,
            sources,
            checks,
        ),
        _crossed_table(
            "SG2c",
            "Concluded section 42 enquiries, action taken and result by source of risk",
            "Action taken and result",
            found["SG2c"],
            results,
            sources,
            checks,
        ),
    ]
    counts = closure_counts(period)
    tables += [
        _single_column(
            "SG2e",
            "Concluded section 42 enquiries where a risk was identified and action taken, "
            "by risk outcome",
            "Risk outcome",
            lists[ListName.RISK_OUTCOME],
            counts.risk_outcome,
            checks,
        ),
        _single_column(
            "SG3a",
            "Concluded section 42 enquiries, did the adult lack capacity to make decisions "
            "about the enquiry",
            "Lacked capacity",
            lists[ListName.LACKED_CAPACITY],
            counts.lacked_capacity,
            checks,
        ),
        grid(
            "SG3a-support",
            "Support for adults who lacked capacity",
            "Support",
            [CONCLUDED],
            [
                "Of the enquiries recorded as Yes, in how many of these cases was support "
                "provided by an advocate, family or friend"
            ],
            lambda label, column: counts.supported,
            reference="SG3a",
        ),
        _single_column(
            "SG4a-asked",
            "Concluded section 42 enquiries, was the adult asked about their desired outcomes",
            "Asked about desired outcomes",
            lists[ListName.MSP_ASKED],
            counts.msp_asked,
            checks,
            reference="SG4a",
        ),
        _single_column(
            "SG4a-achieved",
            "Concluded section 42 enquiries where outcomes were expressed, were they achieved",
            "Outcomes achieved",
            lists[ListName.MSP_ACHIEVED],
            counts.achieved,
            checks,
            reference="SG4a",
        ),
    ]
    return tables, counts

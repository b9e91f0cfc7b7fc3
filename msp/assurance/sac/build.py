"""``build_return(year)``: the whole Safeguarding Adults Collection return."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from msp.assurance.codelists import code_lists_for
from msp.assurance.models import ListName
from msp.assurance.period import Period
from msp.assurance.sac import case_details, demographics, reviews, validation
from msp.assurance.sac.checks import Checks
from msp.assurance.sac.tables import Council, Measure, SacReturn


def council() -> Council:
    return Council(
        name=settings.COUNCIL_NAME,
        la_code=settings.LA_CODE,
        ons_code=settings.ONS_CODE,
        region_code=settings.REGION_CODE,
        region_name=settings.REGION_NAME,
        council_type=settings.COUNCIL_TYPE,
    )


def _percent(part: int, whole: int) -> float | None:
    return part / whole * 100 if whole else None


def measures(started: demographics.Started, concluded: int) -> tuple[Measure, ...]:
    """The figures the national publication derives from SG1f and SG3a."""
    return (
        Measure(
            "Total enquiries",
            started.enquiries,
            "Section 42 enquiries and other enquiries started in the year.",
        ),
        Measure(
            "Proportion section 42",
            _percent(started.s42, started.enquiries),
            "Section 42 enquiries as a share of all enquiries started.",
            percent=True,
        ),
        Measure(
            "Conversion rate",
            _percent(started.enquiries, started.concerns),
            "Enquiries started for every 100 concerns raised.",
            percent=True,
        ),
        Measure(
            "Total concluded section 42 enquiries",
            concluded,
            "Section 42 enquiries concluded in the year (the publication takes the sum of "
            "the SG3a rows).",
        ),
    )


def build_return(year: int) -> SacReturn:
    """The return for reporting year ``year`` (1 April ``year`` to 31 March
    ``year + 1``), counted from the case records by aggregate queries.

    Raises ``msp.assurance.codelists.NoCodeLists`` for a year no code list
    covers. The counting rules are in the docstrings of ``demographics``,
    ``case_details`` and ``reviews``; the data checks in ``validation``.

    On PostgreSQL every query reads one snapshot (a repeatable-read
    transaction, unless called inside a transaction already), so the data
    checks never compare figures counted a moment apart; and just-in-time
    compilation is off: these queries are heavy on CASE expressions, and
    compiling them cost more than it saved. On SQLite the queries run without
    a transaction, which there would block every writer."""
    with one_snapshot():
        return _build(year)


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Every query inside reads the same snapshot on PostgreSQL (see
    ``build_return``); nothing special on SQLite."""
    if connection.vendor != "postgresql":
        yield
        return
    # Inside someone else's transaction (a test, say) its isolation level stands.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        with connection.cursor() as cursor:
            if outermost:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SET LOCAL jit = off")
        yield


def _build(year: int) -> SacReturn:
    period = Period(year)
    lists = code_lists_for(year)
    checks = Checks()
    started = demographics.started(period)
    tables = demographics.person_tables(period, lists, checks)
    tables.append(demographics.cases_table(started))
    detail_tables, closures = case_details.case_detail_tables(period, lists, checks)
    tables += detail_tables
    tables += reviews.review_tables(period)
    validation.missing_items(period, lists, checks)
    validation.passed_on(period, checks)
    validation.reconcile(period, started, {t.key: t for t in tables}, closures, checks)
    return SacReturn(
        period=period,
        council=council(),
        tables=tuple(tables),
        measures=measures(started, closures.total),
        validation=checks.result(),
        concerns=started.concerns,
        enquiries_started=started.enquiries,
        enquiries_concluded=closures.concluded,
        code_list_versions=tuple(
            (ListName(name).label, lists[name].version) for name in ListName.values
        ),
        produced_at=timezone.now(),
    )

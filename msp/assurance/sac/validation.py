"""The data checks: cases to complete, and totals that do not reconcile.

A concluded enquiry (section 42 or other) missing an item the closure must
record is listed with its case reference; where the national table has a
"not recorded" row the enquiry is counted there, otherwise it is in no row.
Nothing is dropped without being listed.
"""

import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from msp.assurance.codelists import LoadedList
from msp.assurance.definitions import PASSED_ON, concluded_enquiries, passed_on_cases
from msp.assurance.models import ListName
from msp.assurance.period import Period
from msp.assurance.sac.case_details import ClosureCounts
from msp.assurance.sac.checks import Checks
from msp.assurance.sac.demographics import Started
from msp.assurance.sac.tables import PassedOn, Table
from msp.audit.models import AuditEvent
from msp.cases.models import Case, EnquiryType
from msp.concerns.models import Concern
from msp.enquiries.codes import RISK_OUTCOME_REQUIRED, LackedCapacity, MspAsked
from msp.enquiries.models import Closure, DesiredOutcome, Enquiry

MISSING_ITEM = (
    Q(action_result="")
    | Q(action_result__in=RISK_OUTCOME_REQUIRED, risk_outcome="")
    | Q(lacked_capacity="")
    | Q(lacked_capacity=LackedCapacity.YES, capacity_support__isnull=True)
    | Q(msp_asked="")
)
FIELDS = (
    "pk",
    "case_id",
    "case__reference",
    "enquiry_kind",
    "closed_at",
    "action_result",
    "risk_outcome",
    "lacked_capacity",
    "capacity_support",
    "msp_asked",
)


def _on(moment: datetime.datetime) -> str:
    day = timezone.localtime(moment).date()
    return f"{day.day} {day:%B %Y}"


def _counted_in(code_list: LoadedList, table: str) -> str:
    if code_list.fallback:
        return f"counted as \u201c{code_list.fallback}\u201d in {table}"
    return f"not counted in {table}"


def _problems(row: dict[str, Any], unrated: bool, lists: dict[str, LoadedList]) -> list[str]:
    s42 = row["enquiry_kind"] == EnquiryType.S42

    def where(name: str, table: str) -> str:
        # Only section 42 enquiries are in SG2-SG4.
        return f": {_counted_in(lists[name], table)}" if s42 else ""

    problems = []
    if not row["action_result"]:
        problems.append(
            "Action taken and result not recorded" + where(ListName.ACTION_RESULT, "SG2c")
        )
    elif row["action_result"] in RISK_OUTCOME_REQUIRED and not row["risk_outcome"]:
        problems.append(
            "Risk outcome not recorded, although a risk was identified and action taken"
            + where(ListName.RISK_OUTCOME, "SG2e")
        )
    if not row["lacked_capacity"]:
        problems.append(
            "Whether the adult lacked capacity not recorded"
            + where(ListName.LACKED_CAPACITY, "SG3a")
        )
    elif row["lacked_capacity"] == LackedCapacity.YES and row["capacity_support"] is None:
        problems.append(
            "Whether an advocate, family member or friend supported the adult not recorded"
        )
    if not row["msp_asked"]:
        problems.append(
            "Whether the adult was asked about desired outcomes not recorded"
            + where(ListName.MSP_ASKED, "SG4a")
        )
    elif unrated:
        problems.append(
            "Outcomes were expressed, but no desired outcome has a rating of how far it "
            "was achieved" + where(ListName.MSP_ACHIEVED, "SG4a")
        )
    return problems


def missing_items(
    period: Period,
    lists: dict[str, LoadedList],
    checks: Checks,
) -> None:
    """List every enquiry concluded in the year that lacks a mandatory closure
    item. Two queries: one on the closure's own fields, and one for expressed
    outcomes with no rating (an anti-join, cheap however many closures there are)."""
    concluded = concluded_enquiries(period)
    rated = DesiredOutcome.objects.filter(
        case=OuterRef("case"), created_at__lte=OuterRef("closed_at")
    ).exclude(achievement="")
    unrated_ids: set[int] = set()
    rows: dict[int, dict[str, Any]] = {}
    for row in (
        concluded.filter(msp_asked=MspAsked.EXPRESSED).filter(~Exists(rated)).values(*FIELDS)
    ):
        unrated_ids.add(row["pk"])
        rows[row["pk"]] = row
    for row in concluded.filter(MISSING_ITEM).values(*FIELDS):
        rows[row["pk"]] = row
    for row in sorted(rows.values(), key=lambda r: (r["closed_at"], r["pk"])):
        s42 = row["enquiry_kind"] == EnquiryType.S42
        kind = "Section 42 enquiry" if s42 else "Other safeguarding enquiry"
        activity = f"{kind} concluded on {_on(row['closed_at'])}"
        for problem in _problems(row, row["pk"] in unrated_ids, lists):
            checks.find(row["case_id"], row["case__reference"], activity, problem)


def passed_on(period: Period, checks: Checks) -> None:
    """List the cases passed to another council that the return leaves out
    because of it: those with a concern raised, an enquiry started or a closure
    in the year. Three small queries over the passed-on cases only."""
    cases = passed_on_cases()
    ids = cases.values("pk")
    left_out: dict[int, list[str]] = {}
    concerns = (
        Concern.objects.filter(case__in=ids, raised_on__range=(period.first_day, period.last_day))
        .values("case_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in concerns:
        n = row["n"]
        left_out.setdefault(row["case_id"], []).append(
            f"{n} concern{'s' if n > 1 else ''} raised in the year"
        )
    started = Enquiry.objects.filter(
        case__in=ids, started_at__gte=period.starts_at, started_at__lt=period.ends_before
    )
    for case_id, kind in started.values_list("case_id", "kind"):
        label = "Section 42 enquiry" if kind == EnquiryType.S42 else "Other safeguarding enquiry"
        left_out.setdefault(case_id, []).append(f"{label} started in the year")
    closed = Closure.objects.filter(
        case__in=ids, closed_at__gte=period.starts_at, closed_at__lt=period.ends_before
    )
    for case_id, reason in closed.order_by("closed_at", "id").values_list("case_id", "reason"):
        what = "Passed on in the year" if reason == PASSED_ON else "Closed in the year"
        if what not in left_out.get(case_id, []):
            left_out.setdefault(case_id, []).append(what)
    if not left_out:
        return
    latest = Closure.objects.filter(case=OuterRef("pk")).order_by("-closed_at", "-id")
    rows = (
        Case.objects.filter(pk__in=left_out)
        .annotate(passed_at=Subquery(latest.values("closed_at")[:1]))
        .values_list("pk", "reference", "passed_at")
    )
    for case_id, reference, passed_at in rows:
        checks.passed_on.append(
            PassedOn(case_id, reference, _on(passed_at), tuple(left_out[case_id]))
        )


def audited_starts(period: Period) -> dict[str, int]:
    """Enquiry starts in the year as the audit log records them, by the type
    each start recorded."""
    starts = AuditEvent.objects.filter(
        action="case.start_enquiry", at__gte=period.starts_at, at__lt=period.ends_before
    )
    return {
        kind: starts.filter(changes__enquiry_type__1=str(kind)).count()
        for kind in (EnquiryType.S42, EnquiryType.OTHER)
    }


def reconcile(
    period: Period,
    started: Started,
    tables: dict[str, Table],
    closures: ClosureCounts,
    checks: Checks,
) -> None:
    """Flag totals that should agree and do not."""
    concluded = ("Concluded section 42 enquiries", closures.total)
    sg3a = tables["SG3a"].column_totals()[0]
    checks.compare(
        "SG3a total and concluded section 42 enquiries",
        "Each concluded enquiry should be in exactly one SG3a row. A difference means the "
        "capacity code list has no row for some answers: see the code list problems.",
        ("SG3a total", sg3a),
        concluded,
    )
    asked = tables["SG4a-asked"].column_totals()[0]
    checks.compare(
        "SG4a asked total and concluded section 42 enquiries",
        "Each concluded enquiry should be in exactly one SG4a row. A difference means the "
        "code list has no row for some answers: see the code list problems.",
        ("SG4a asked, total", asked),
        concluded,
    )
    expressed = closures.msp_asked.get(MspAsked.EXPRESSED, 0)
    achieved = tables["SG4a-achieved"].column_totals()[0]
    checks.compare(
        "SG4a outcomes achieved and outcomes expressed",
        "Every enquiry where outcomes were expressed should say how far they were achieved. "
        "The enquiries without a rating are listed under cases to complete.",
        ("SG4a achieved, total", achieved),
        ("Outcomes expressed", expressed),
    )
    checks.compare(
        "SG2e total and enquiries where a risk was identified and action taken",
        "A risk outcome is required when a risk was identified and action taken. Enquiries "
        "missing it are listed under cases to complete; a risk outcome recorded with another "
        "result also makes a difference.",
        ("SG2e total", tables["SG2e"].column_totals()[0]),
        ("Risk identified and action taken", closures.risk_action),
    )
    audited = audited_starts(period)
    for kind, label, counted in (
        (EnquiryType.S42, "section 42", started.s42),
        (EnquiryType.OTHER, "other", started.other),
    ):
        checks.compare(
            f"SG1f {label} enquiries and the audit log",
            "SG1f counts every enquiry episode started in the year, as does the audit log. "
            "The audit log is lower when records were loaded without the service's own "
            "actions (for example imported or synthetic data).",
            (f"SG1f {label} enquiries", counted),
            ("Starts in the audit log", audited[kind]),
        )
    individuals = tables["SG1a"].column_totals()
    for key, name in (("SG1b", "gender"), ("SG1c", "ethnicity"), ("SG1d", "support reason")):
        for i, column in enumerate(tables[key].columns):
            checks.compare(
                f"{key} and SG1a: {column.heading.lower()}",
                f"Every individual should be counted once by age and once by {name}. A "
                "difference means the code list has no row for some codes: see the code "
                "list problems.",
                (f"{key} total", tables[key].column_totals()[i]),
                ("SG1a total", individuals[i]),
            )

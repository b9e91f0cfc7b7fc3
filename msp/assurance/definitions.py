"""The definitions the statutory return and the board dashboard share, each
written once.

- **Counted cases**: a case passed to another council (closed, its latest
  closure "passed to another council where the abuse happened") is recorded
  by that council, so none of its concerns, enquiries or closures is counted
  here (``passed_on_cases``, ``is_passed_on``).
- **Concerns raised** in a period: by ``Concern.raised_on`` (``concerns_in``).
- **Enquiries started** in a period: by ``Case.enquiry_started_at``, typed by
  ``Case.enquiry_type`` (``enquiries_started_in``).
- **The decision in force** at a moment: the latest section 42 decision
  recorded on or before it (``decision_in_force``).
- **A concluded enquiry**: a closure of a counted case, in the period, when
  the decision in force at the closure was to make an enquiry; its type is
  that decision's (``enquiry_kind``, ``concluded_enquiries``). A case closed
  with no enquiry, reopened, then closed after a section 42 enquiry concludes
  one enquiry, not two.
- **Overall achievement** of a closure's desired outcomes: the ratings of the
  outcomes that existed when the case closed, taken together: every one fully
  achieved is Fully Achieved, every one not achieved is Not Achieved, anything
  else Partially Achieved (``overall_achievement``, ``closure_achievement``).
  Outcomes added after the closure do not count for it.
- **A repeat concern**: one raised within ``REPEAT_WINDOW_DAYS`` after a
  closure of a case about the same person (``is_repeat``, ``repeat_concerns``).
- **The reporting period**: ``msp.assurance.period.Period``.

Each definition has a plain Python form, read one record at a time, and where
the return needs speed a SQL form (a queryset or an expression). The tests in
``tests/assurance/test_definitions.py`` hold the two forms to each other.
This module reads only the core (cases, concerns, enquiries), so every
service may use it.
"""

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from msp.assurance.period import Period
from msp.cases.models import Case as SafeguardingCase
from msp.cases.models import CaseState
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.codes import Achievement, ClosureReason, MspAsked
from msp.enquiries.models import Closure, DesiredOutcome

# A concern raised within this many days after the same person's previous case
# closed counts as a repeat concern.
REPEAT_WINDOW_DAYS = 365

# The closure reason that hands a case to the council where the abuse happened.
PASSED_ON = ClosureReason.MOVED_AWAY

KINDS = (str(DecisionResult.S42), str(DecisionResult.OTHER))


class ConcludedFields(TypedDict):
    enquiry_kind: str


class AchievedFields(ConcludedFields):
    achieved: str


if TYPE_CHECKING:  # the type checker's view of the annotated closures
    from django_stubs_ext import WithAnnotations

    Concluded = WithAnnotations[Closure, ConcludedFields]
    Achieved = WithAnnotations[Closure, AchievedFields]


# --- Counted cases -----------------------------------------------------------


def latest_closure(case: SafeguardingCase) -> Closure | None:
    return Closure.objects.filter(case=case).order_by("-closed_at", "-id").first()


def is_passed_on(case: SafeguardingCase) -> bool:
    """Whether the case is closed and was, at its latest closure, passed to the
    council where the abuse happened."""
    if case.state != CaseState.CLOSED:
        return False
    last = latest_closure(case)
    return last is not None and last.reason == PASSED_ON


def passed_on_cases() -> QuerySet[SafeguardingCase]:
    """``is_passed_on`` as a queryset."""
    latest_reason = Subquery(
        Closure.objects.filter(case=OuterRef("pk"))
        .order_by("-closed_at", "-id")
        .values("reason")[:1]
    )
    return (
        SafeguardingCase.objects.filter(state=CaseState.CLOSED)
        .annotate(latest_reason=latest_reason)
        .filter(latest_reason=PASSED_ON)
    )


def _not_passed_on(queryset: QuerySet[Any], case_id: str = "case_id") -> QuerySet[Any]:
    return queryset.exclude(**{f"{case_id}__in": passed_on_cases().values("pk")})


# --- Concerns raised and enquiries started -----------------------------------


def concerns_in(period: Period) -> QuerySet[Concern]:
    """Concerns raised in the period, about counted cases."""
    return _not_passed_on(
        Concern.objects.filter(raised_on__range=(period.first_day, period.last_day))
    )


def enquiries_started_in(period: Period) -> QuerySet[SafeguardingCase]:
    """Counted cases whose (latest) enquiry started in the period."""
    started = SafeguardingCase.objects.filter(
        enquiry_started_at__gte=period.starts_at, enquiry_started_at__lt=period.ends_before
    ).exclude(enquiry_type="")
    return _not_passed_on(started, "pk")


# --- The decision in force and concluded enquiries ---------------------------


def decision_in_force(case: SafeguardingCase, at: datetime.datetime) -> Section42Decision | None:
    """The latest section 42 decision on the case recorded on or before ``at``."""
    return (
        Section42Decision.objects.filter(case=case, decided_at__lte=at)
        .order_by("-decided_at", "-id")
        .first()
    )


def enquiry_kind(closure: Closure) -> str:
    """The type of enquiry the closure concludes ("s42" or "other"), or "" when
    it concludes none: the case never had an enquiry, or the decision in force
    when it closed was not to make one. A case with no decision recorded before
    the closure (data loaded from elsewhere) falls back to its enquiry type."""
    case = closure.case
    if not case.enquiry_type:
        return ""
    decision = decision_in_force(case, closure.closed_at)
    result = decision.result if decision is not None else case.enquiry_type
    return str(result) if result in KINDS else ""


def is_concluded_enquiry(closure: Closure, period: Period, kind: str = "") -> bool:
    """Whether the closure concludes an enquiry (of type ``kind``, or either) in the period."""
    found = enquiry_kind(closure)
    return (
        bool(found)
        and (not kind or found == kind)
        and period.starts_at <= closure.closed_at < period.ends_before
        and not is_passed_on(closure.case)
    )


# Up to this many reopened or re-decided cases are passed to the queries as a
# list; beyond it (never seen in practice) the queries find them themselves.
DECIDED_AGAIN_LIMIT = 2000


def closures_in(period: Period) -> QuerySet[Closure]:
    """Closures in the period, of counted cases."""
    return _not_passed_on(
        Closure.objects.filter(closed_at__gte=period.starts_at, closed_at__lt=period.ends_before)
    )


def decided_again(period: Period) -> list[int] | None:
    """Cases with a closure in the period and more than one decision (reopened,
    or decided again before the enquiry started): the only ones whose closures
    need the decision in force looked up. None when there are too many to list."""
    in_period = closures_in(period).values("case_id")
    cases = list(
        Section42Decision.objects.filter(case_id__in=in_period)
        .order_by()
        .values("case_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("case_id", flat=True)[: DECIDED_AGAIN_LIMIT + 1]
    )
    return cases if len(cases) <= DECIDED_AGAIN_LIMIT else None


def concluded_enquiries(
    period: Period, kind: str = "", *, again: list[int] | None = None
) -> "QuerySet[Concluded]":
    """``is_concluded_enquiry`` as a queryset: closures in the period that
    conclude an enquiry (of type ``kind``, or of either type), annotated with
    ``enquiry_kind``.

    ``again`` is ``decided_again(period)``, worked out once by the caller; when
    not given, the query finds those cases itself. A case decided once has had
    one enquiry, of the type on the case, so only cases decided more than once
    need the decision in force looked up for each closure."""
    decision_then = Subquery(
        Section42Decision.objects.filter(
            case=OuterRef("case"), decided_at__lte=OuterRef("closed_at")
        )
        .order_by("-decided_at", "-id")
        .values("result")[:1]
    )
    in_force = NullIf(Coalesce(decision_then, F("case__enquiry_type")), Value(DecisionResult.NONE))
    several: Any = (
        again
        if again is not None
        else Section42Decision.objects.order_by()
        .values("case_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values("case_id")
    )
    kind_expression = Case(
        When(case__enquiry_type="", then=Value("")),
        When(case_id__in=several, then=Coalesce(in_force, Value(""))),
        default=F("case__enquiry_type"),
        output_field=CharField(),
    )
    closures = closures_in(period).annotate(enquiry_kind=kind_expression)
    if kind:
        return closures.filter(enquiry_kind=kind)
    return closures.filter(enquiry_kind__in=KINDS)


# --- Overall achievement -----------------------------------------------------


def overall_achievement(ratings: Iterable[str]) -> str | None:
    """One answer for all of a person's desired outcomes.

    Every outcome fully achieved gives Fully Achieved; none fully or partially
    achieved gives Not Achieved; anything else gives Partially Achieved. No
    rated outcome gives ``None``. Blank (unrated) entries are ignored."""
    rated = [r for r in ratings if r]
    if not rated:
        return None
    if all(r == Achievement.FULLY for r in rated):
        return str(Achievement.FULLY)
    if all(r == Achievement.NOT for r in rated):
        return str(Achievement.NOT)
    return str(Achievement.PARTIALLY)


def closure_achievement(closure: Closure) -> str | None:
    """The overall achievement of the desired outcomes that existed when the
    case closed. Ratings cannot change while a case is closed, so for a case's
    latest closure this is exact; for an earlier closure of a case reopened and
    rated again, it reads today's ratings."""
    ratings = DesiredOutcome.objects.filter(
        case_id=closure.case_id, created_at__lte=closure.closed_at
    ).values_list("achievement", flat=True)
    return overall_achievement(ratings)


def achievement() -> Coalesce:
    """``closure_achievement`` as one SQL subquery over a closure: "fully",
    "partially", "not", or "" when none of its desired outcomes is rated."""
    rated = (
        DesiredOutcome.objects.filter(case=OuterRef("case"), created_at__lte=OuterRef("closed_at"))
        .exclude(achievement="")
        .order_by()
        .values("case")
        .annotate(
            rated=Count("pk"),
            fully=Count("pk", filter=Q(achievement=Achievement.FULLY)),
            not_achieved=Count("pk", filter=Q(achievement=Achievement.NOT)),
        )
        .annotate(
            code=Case(
                When(fully=F("rated"), then=Value(str(Achievement.FULLY))),
                When(not_achieved=F("rated"), then=Value(str(Achievement.NOT))),
                default=Value(str(Achievement.PARTIALLY)),
                output_field=CharField(),
            )
        )
        .values("code")
    )
    return Coalesce(Subquery(rated), Value(""), output_field=CharField())


def with_achievement(closures: "QuerySet[Concluded]") -> "QuerySet[Achieved]":
    """Annotate ``achieved``: the overall achievement where outcomes were
    expressed, "" otherwise (the subquery runs only for those)."""
    return closures.annotate(
        achieved=Case(
            When(msp_asked=MspAsked.EXPRESSED, then=achievement()),
            default=Value(""),
            output_field=CharField(),
        )
    )


# --- Repeat concerns ---------------------------------------------------------


def is_repeat(concern: Concern) -> bool:
    """Whether the concern was raised within ``REPEAT_WINDOW_DAYS`` after a
    closure (UK date) of a case about the same person."""
    window_start = concern.raised_on - datetime.timedelta(days=REPEAT_WINDOW_DAYS)
    closed = Closure.objects.filter(case__person_id=concern.case.person_id).values_list(
        "closed_at", flat=True
    )
    return any(window_start <= timezone.localdate(at) < concern.raised_on for at in closed)


def repeat_concerns(concerns: QuerySet[Concern]) -> QuerySet[Concern]:
    """``is_repeat`` as a filter: a join from each concern to the closures of
    every case about the same person (few per person), rather than a subquery
    run for every concern. The same concern may come back more than once:
    count distinct ids."""
    return concerns.annotate(
        window_start=Cast(
            F("raised_on") - datetime.timedelta(days=REPEAT_WINDOW_DAYS),
            output_field=DateField(),
        )
    ).filter(
        case__person__cases__closures__closed_at__date__lt=F("raised_on"),
        case__person__cases__closures__closed_at__date__gte=F("window_start"),
    )

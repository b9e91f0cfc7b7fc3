"""The definitions the statutory return and the board dashboard share, each
written once.

- **Counted cases**: a case passed to another council (closed, its latest
  closure "passed to another council where the abuse happened") is recorded
  by that council, so none of its concerns, enquiries or closures is counted
  here (``passed_on_cases``, ``is_passed_on``).
- **Concerns raised** in a period: by ``Concern.raised_on`` (``concerns_in``).
- **Enquiries started** in a period: enquiry episodes (``enquiries.Enquiry``)
  started in it, typed by the episode (``enquiries_started_in``). A case
  reopened and enquired into again has two episodes; neither overwrites the
  other. ``Case.enquiry_type`` and ``Case.enquiry_started_at`` only mirror a
  case's current episode for the pages: nothing here reads them.
- **The decision in force** at a moment: the latest section 42 decision
  recorded on or before it (``decision_in_force``).
- **A concluded enquiry**: an enquiry episode of a counted case concluded in
  the period (by the closure that ended it); its type is the episode's
  (``enquiry_kind``, ``concluded_enquiries``). A case closed with no enquiry,
  reopened, then closed after a section 42 enquiry concludes one enquiry, not
  two; a reopened case closed without starting a new enquiry concludes none.
- **Overall achievement** of a closure's desired outcomes: the ratings of the
  outcomes that existed when the case closed, taken together: every one fully
  achieved is Fully Achieved, every one not achieved is Not Achieved, anything
  else Partially Achieved (``overall_achievement``, ``closure_achievement``).
  It is worked out when the case closes and kept with the closure, so
  outcomes added or rated later do not change it.
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
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils import timezone

from msp.assurance.period import Period
from msp.cases.models import Case as SafeguardingCase
from msp.cases.models import CaseState
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.codes import ClosureReason, MspAsked
from msp.enquiries.models import Closure, Enquiry
from msp.enquiries.rules import overall_achievement as overall_achievement  # one rule, used here

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
    # Only cases that were ever passed on can be passed on now: narrowing to
    # them first (through the partial index on such closures) spares the
    # latest-closure look-up for every other closed case.
    ever_passed_on = Closure.objects.filter(reason=PASSED_ON).values("case_id")
    return (
        SafeguardingCase.objects.filter(state=CaseState.CLOSED, pk__in=ever_passed_on)
        .annotate(latest_reason=latest_reason)
        .filter(latest_reason=PASSED_ON)
    )


def _not_passed_on(queryset: QuerySet[Any], case_id: str = "case_id") -> QuerySet[Any]:
    # The passed-on cases are read first (few: one query through the partial
    # index) and excluded by value. As a subquery they made every counting
    # query parallel-restricted, so PostgreSQL counted a million concerns on
    # one core (docs/performance.md).
    passed_on = list(passed_on_cases().values_list("pk", flat=True))
    return queryset.exclude(**{f"{case_id}__in": passed_on}) if passed_on else queryset


# --- Concerns raised and enquiries started -----------------------------------


def concerns_in(period: Period) -> QuerySet[Concern]:
    """Concerns raised in the period, about counted cases."""
    return _not_passed_on(
        Concern.objects.filter(raised_on__range=(period.first_day, period.last_day))
    )


def enquiries_started_in(period: Period) -> QuerySet[Enquiry]:
    """Enquiry episodes of counted cases started in the period (each has
    ``kind`` and ``case__person_id``)."""
    started = Enquiry.objects.filter(
        started_at__gte=period.starts_at, started_at__lt=period.ends_before
    )
    return _not_passed_on(started)


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
    it concludes none (no enquiry episode was open when the case closed)."""
    episode = Enquiry.objects.filter(closure_id=closure.pk).first()
    return str(episode.kind) if episode is not None else ""


def is_concluded_enquiry(closure: Closure, period: Period, kind: str = "") -> bool:
    """Whether the closure concludes an enquiry (of type ``kind``, or either) in the period."""
    found = enquiry_kind(closure)
    return (
        bool(found)
        and (not kind or found == kind)
        and period.starts_at <= closure.closed_at < period.ends_before
        and not is_passed_on(closure.case)
    )


def closures_in(period: Period) -> QuerySet[Closure]:
    """Closures in the period, of counted cases."""
    return _not_passed_on(
        Closure.objects.filter(closed_at__gte=period.starts_at, closed_at__lt=period.ends_before)
    )


def concluded_enquiries(period: Period, kind: str = "") -> "QuerySet[Concluded]":
    """``is_concluded_enquiry`` as a queryset: closures in the period that
    conclude an enquiry (of type ``kind``, or of either type), annotated with
    ``enquiry_kind``.

    The closure's type is that of the enquiry episode it concluded."""
    closures = closures_in(period).filter(concluded_enquiry__isnull=False)
    if kind:
        closures = closures.filter(concluded_enquiry__kind=kind)
    return closures.annotate(enquiry_kind=F("concluded_enquiry__kind"))


# --- Overall achievement -----------------------------------------------------


def closure_achievement(closure: Closure) -> str | None:
    """The overall achievement (``overall_achievement``) of the desired
    outcomes that existed when the case closed, kept with the closure when it
    was made (``enquiries.actions.workflow.achieved_when_closed``). Ratings
    cannot change while a case is closed, and a reopened case rated again does
    not rewrite an earlier closure's answer."""
    return closure.outcomes_achieved or None


def with_achievement(closures: "QuerySet[Concluded]") -> "QuerySet[Achieved]":
    """Annotate ``achieved``: the closure's overall achievement where outcomes
    were expressed, "" otherwise."""
    return closures.annotate(
        achieved=Case(
            When(msp_asked=MspAsked.EXPRESSED, then=F("outcomes_achieved")),
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

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from msp.accounts.access import can_allocate, can_be_allocated
from msp.accounts.models import User
from msp.audit.log import Changes, created, diff, record_change
from msp.cases.actions import NOT_ALLOCATOR
from msp.cases.errors import InvalidTransition
from msp.cases.history import When, case_happened_at, day_of, when_changes
from msp.cases.models import Case, CouncilPolicy
from msp.cases.workflow import check_allowed, lock, transition
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Section42Decision
from msp.enquiries.codes import LackedCapacity, WhoseWords
from msp.enquiries.episodes import open_enquiry
from msp.enquiries.models import Closure, DesiredOutcome, Enquiry, OutcomeRevision
from msp.enquiries.rules import (
    closure_errors,
    outcome_errors,
    overall_achievement,
    rating_errors,
)

if TYPE_CHECKING:
    from msp.practice.gate import ClosurePreview

OUTCOME_FIELDS = ("text", "whose_words", "representative_name", "representative_relationship")
CLOSURE_FIELDS = (
    "reason",
    "reason_details",
    "action_result",
    "risk_outcome",
    "msp_asked",
    "lacked_capacity",
    "capacity_support",
    "open_door",
    "experience_asked",
)


def latest_decision(case: Case) -> Section42Decision | None:
    return case.decisions.order_by("-decided_at", "-id").first()


@transaction.atomic
def start_enquiry(
    case: Case,
    *,
    by: User,
    expected_version: int,
    lead_worker: User | None = None,
    at: When = None,
) -> Case:
    """Start the enquiry, now or (``at``) on the day it really started."""
    decision = latest_decision(case)
    check_allowed(case, "start_enquiry")
    if decision is None or decision.result == DecisionResult.NONE:
        raise InvalidTransition(
            "The latest decision is that no enquiry is needed. Record a new decision to "
            "start an enquiry, or close the case with the proportionate response."
        )
    if open_enquiry(case) is not None:
        raise InvalidTransition("An enquiry has already started on this case.")
    started_at = case_happened_at(case, at, field="started_on", what="The date the enquiry started")
    if at is not None and day_of(started_at) < day_of(decision.decided_at):
        raise ValidationError(
            {"started_on": "The date the enquiry started cannot be before the decision"}
        )
    # The episode is what the return counts; the case's enquiry type and start
    # mirror the current episode for the pages.
    episode = Enquiry.objects.create(
        case=case, decision=decision, kind=decision.result, started_at=started_at, started_by=by
    )
    started = transition(
        case,
        "start_enquiry",
        by=by,
        expected_version=expected_version,
        fields={
            "enquiry_type": episode.kind,
            "enquiry_started_at": episode.started_at,
            "lead_worker": _worker_at_start(case, by=by, lead_worker=lead_worker),
        },
        extra_changes={"enquiry_id": [None, episode.pk], **when_changes(at, started_at)},
    )
    return started


@transaction.atomic
def carry_wishes_into_outcomes(
    case: Case, *, by: User, expected_version: int | None
) -> list[DesiredOutcome]:
    """What the person said they want in each concern becomes a desired
    outcome, marked as said at the concern, first in the list, unless one of
    their outcomes already says it (in any revision) or already carries that
    concern. The worker confirms it from the overview once they have checked
    it with the person: done silently, it would hide the guard's question of
    whether the person was asked. Written to the audit log and the chronology."""
    case = lock(Case, case.pk, expected_version)
    check_allowed(case, "add_outcome")
    said = [c for c in case.concerns.order_by("raised_on", "id") if c.person_wishes.strip()]
    if not said:
        return []
    outcomes = list(DesiredOutcome.objects.filter(case=case).order_by("created_at", "id"))
    carried = {o.said_at_concern_id for o in outcomes}
    texts = {
        " ".join(t.split()).casefold()
        for t in OutcomeRevision.objects.filter(outcome__case=case).values_list("text", flat=True)
    }
    # Before every outcome already recorded, in the order of the concerns.
    start = min((o.created_at for o in outcomes), default=timezone.now())
    added = []
    for n, concern in enumerate(said):
        words = concern.person_wishes.strip()
        if concern.pk in carried or " ".join(words.split()).casefold() in texts:
            continue
        at = start - datetime.timedelta(microseconds=len(said) - n)
        outcome = DesiredOutcome.objects.create(
            case=case, created_by=by, said_at_concern=concern, created_at=at
        )
        data = {"text": words, "whose_words": WhoseWords.PERSON}
        OutcomeRevision.objects.create(outcome=outcome, number=1, recorded_by=by, **data)
        record_change(
            by=by,
            action="outcome.said_at_concern",
            obj=outcome,
            changes={**created(data), "concern_id": [None, concern.pk]},
            case_id=case.pk,
            person_id=case.person_id,
        )
        texts.add(" ".join(words.split()).casefold())
        added.append(outcome)
    return added


def _worker_at_start(case: Case, *, by: User, lead_worker: User | None) -> User:
    """Who leads the enquiry. Starting it keeps the case's allocation. Naming
    a different worker is an allocation (team managers and leads only). An
    unallocated case must be allocated first, unless the council's policy is
    that whoever starts the enquiry takes the case."""
    current = Case.objects.select_related("lead_worker").get(pk=case.pk).lead_worker
    if lead_worker is not None and (current is None or lead_worker.pk != current.pk):
        if not can_allocate(by, case):
            raise PermissionDenied(NOT_ALLOCATOR)
        if not can_be_allocated(lead_worker, case):
            raise ValidationError(
                {"lead_worker": [f"{lead_worker.display_name} cannot work on this team's cases"]}
            )
        return lead_worker
    if current is not None:
        return current
    if CouncilPolicy.current().starter_takes_unallocated:
        return by
    raise InvalidTransition(UNALLOCATED)


UNALLOCATED = (
    "Allocate the case to a worker before starting the enquiry. A team manager or "
    "safeguarding lead allocates cases."
)


def _case_of(outcome: DesiredOutcome) -> Case:
    return Case.objects.get(pk=outcome.case_id)


@transaction.atomic
def add_outcome(
    case: Case, *, by: User, expected_version: int, at: When = None, **values: Any
) -> DesiredOutcome:
    """Record what the person wants; ``at`` is when they said it, if not now."""
    data = {k: str(values.get(k, "") or "") for k in OUTCOME_FIELDS}
    errors = outcome_errors(data)
    if errors:
        raise ValidationError(errors)
    said_at = case_happened_at(case, at, what="The date the outcome was given")
    outcome = DesiredOutcome.objects.create(case=case, created_by=by, created_at=said_at)
    OutcomeRevision.objects.create(
        outcome=outcome, number=1, recorded_by=by, recorded_at=said_at, **data
    )
    transition(
        case,
        "add_outcome",
        by=by,
        expected_version=expected_version,
        extra_changes={
            **created(data),
            "outcome_id": [None, outcome.pk],
            **when_changes(at, said_at),
        },
    )
    return outcome


@transaction.atomic
def revise_outcome(
    outcome: DesiredOutcome, *, by: User, expected_version: int, at: When = None, **values: Any
) -> DesiredOutcome:
    data = {k: str(values.get(k, "") or "") for k in (*OUTCOME_FIELDS, "reason")}
    errors = outcome_errors(data, revision=True)
    if errors:
        raise ValidationError(errors)
    locked: DesiredOutcome = lock(DesiredOutcome, outcome.pk, expected_version)
    case = _case_of(locked)
    check_allowed(case, "revise_outcome")
    previous = locked.current
    number = previous.number + 1
    said_at = case_happened_at(case, at, what="The date the outcome was revised")
    OutcomeRevision.objects.create(
        outcome=locked, number=number, recorded_by=by, recorded_at=said_at, **data
    )
    locked.version += 1
    locked.save(update_fields=["version"])
    old = {k: getattr(previous, k) for k in OUTCOME_FIELDS}
    record_change(
        by=by,
        action="outcome.revised",
        obj=locked,
        changes={
            **diff(old, {k: data[k] for k in OUTCOME_FIELDS}),
            "revision": [number - 1, number],
            **when_changes(at, said_at),
        },
        case_id=case.pk,
        person_id=case.person_id,
        reason=data["reason"],
    )
    return locked


@transaction.atomic
def rate_outcome(
    outcome: DesiredOutcome,
    *,
    by: User,
    expected_version: int,
    achievement: str,
    person_view: str = "",
    at: When = None,
) -> DesiredOutcome:
    errors = rating_errors({"achievement": achievement})
    if errors:
        raise ValidationError(errors)
    locked: DesiredOutcome = lock(DesiredOutcome, outcome.pk, expected_version)
    case = _case_of(locked)
    check_allowed(case, "rate_outcome")
    old = {"achievement": locked.achievement, "person_view": locked.person_view}
    new = {"achievement": achievement, "person_view": person_view}
    locked.achievement = achievement
    locked.person_view = person_view
    locked.rated_at = case_happened_at(case, at, what="The date the outcome was rated")
    locked.rated_by = by
    locked.version += 1
    locked.save()
    record_change(
        by=by,
        action="outcome.rated",
        obj=locked,
        changes={**diff(old, new), **when_changes(at, locked.rated_at)},
        case_id=case.pk,
        person_id=case.person_id,
    )
    return locked


@transaction.atomic
def start_closing(case: Case, *, by: User, expected_version: int, at: When = None) -> Case:
    check_allowed(case, "start_closing")
    moment = case_happened_at(case, at)
    if open_enquiry(case) is None:
        decision = latest_decision(case)
        if decision is None or decision.result != DecisionResult.NONE:
            raise InvalidTransition(
                "The decision was to make an enquiry. Start the enquiry before closing, or "
                "record a new decision."
            )
    return transition(
        case,
        "start_closing",
        by=by,
        expected_version=expected_version,
        extra_changes=when_changes(at, moment),
    )


@transaction.atomic
def return_to_enquiry(case: Case, *, by: User, expected_version: int, reason: str = "") -> Case:
    check_allowed(case, "return_to_enquiry")
    if open_enquiry(case) is None:
        raise InvalidTransition("This case had no enquiry to return to. Record a new decision.")
    return transition(
        case, "return_to_enquiry", by=by, expected_version=expected_version, reason=reason
    )


def _closure_data(values: Mapping[str, Any]) -> dict[str, Any]:
    """The closure's fields from ``values``, text fields as "" when missing."""
    data = {k: values.get(k) for k in CLOSURE_FIELDS}
    for key in (
        "reason",
        "reason_details",
        "action_result",
        "risk_outcome",
        "msp_asked",
        "lacked_capacity",
        "open_door",
        "experience_asked",
    ):
        data[key] = data[key] or ""
    if data["lacked_capacity"] != LackedCapacity.YES:
        data["capacity_support"] = None
    return data


def _closure_problems(case: Case, data: Mapping[str, Any]) -> dict[str, str]:
    """Why closing with ``data`` would be refused before the guard runs: the
    case's state (under ``__all__``) and the closure's own rules."""
    problems: dict[str, str] = {}
    try:
        check_allowed(case, "close_case")
    except InvalidTransition as error:
        problems["__all__"] = error.message
    problems.update(_closure_rule_errors(case, data))
    return problems


def _closure_rule_errors(case: Case, data: Mapping[str, Any]) -> dict[str, str]:
    """The closure's own rules, for the preview and the close alike."""
    had_enquiry = open_enquiry(case) is not None
    return closure_errors(
        dict(data), had_enquiry=had_enquiry, outcome_count=case.desired_outcomes.count()
    )


def preview_closure(case: Case, **values: Any) -> "ClosurePreview":
    """What closing ``case`` with ``values`` would meet, saving nothing: the same
    rules and the same guard run as ``close_case``."""
    from msp.practice.gate import preview_closure as guard_preview

    data = _closure_data(values)
    return guard_preview(case, data, _closure_problems(case, data))


def close_case(
    case: Case,
    *,
    by: User,
    expected_version: int,
    duty_overrides: Mapping[str, str] | None = None,
    at: When = None,
    **values: Any,
) -> Closure:
    """Close the case. The practice guard runs first: a failing legal duty
    blocks closure (``GuardBlocked``) unless a team manager or safeguarding lead
    overrides it with a reason in ``duty_overrides`` ({check id: reason}).
    ``at`` is when the case was really closed, for a closure recorded after
    the fact (the audit event keeps the time it was recorded).
    What the guard found is kept with the closure. ``preview_closure`` tells
    beforehand what this would meet."""
    from msp.practice.gate import GuardBlocked, remember_refused_closure

    data = _closure_data(values)
    try:
        return _close_case(case, by, expected_version, duty_overrides, data, at)
    except GuardBlocked as refused:
        remember_refused_closure(case, by=by, proposed=data, refused=refused)
        raise


def achieved_when_closed(case: Case, closed_at: datetime.datetime) -> str:
    """The overall achievement of the case's desired outcomes that existed at
    ``closed_at`` ("" when none is rated), kept with the closure."""
    ratings = DesiredOutcome.objects.filter(case=case, created_at__lte=closed_at).values_list(
        "achievement", flat=True
    )
    return overall_achievement(ratings) or ""


@transaction.atomic
def _close_case(
    case: Case,
    by: User,
    expected_version: int,
    duty_overrides: Mapping[str, str] | None,
    data: dict[str, Any],
    at: When = None,
) -> Closure:
    from msp.practice.gate import check_closure, record_closure_findings

    check_allowed(case, "close_case")
    episode = open_enquiry(case)
    errors = _closure_rule_errors(case, data)
    if errors:
        raise ValidationError(errors)
    closed_at = case_happened_at(case, at, field="closed_on", what="The closure date")
    if at is not None and episode is not None and day_of(closed_at) < day_of(episode.started_at):
        raise ValidationError(
            {"closed_on": "The closure date cannot be before the enquiry started"}
        )
    findings = check_closure(case, by=by, proposed=data, duty_overrides=duty_overrides)
    achieved = achieved_when_closed(case, closed_at)
    closure = Closure.objects.create(
        case=case, closed_by=by, closed_at=closed_at, outcomes_achieved=achieved, **data
    )
    concluded: Changes = {}
    if episode is not None:
        episode.closure = closure
        episode.concluded_at = closure.closed_at
        episode.save(update_fields=["closure", "concluded_at"])
        concluded = {"concluded_enquiry_id": [None, episode.pk]}
    transition(
        case,
        "close_case",
        by=by,
        expected_version=expected_version,
        fields={"closed_at": closure.closed_at},
        extra_changes={
            **created(data),
            "closure_id": [None, closure.pk],
            **concluded,
            **when_changes(at, closed_at),
        },
    )
    record_closure_findings(closure, findings, duty_overrides, by)
    return closure


@transaction.atomic
def reopen_case(
    case: Case, *, by: User, expected_version: int, reason: str, at: When = None, **concern: Any
) -> Case:
    """Reopen a closed case from a new concern: the concern is recorded on the
    case, the case goes back to triage with no current enquiry (a new
    decision and a new start make a new episode), and every earlier episode
    stays as it was."""
    from msp.concerns.actions import add_concern_record

    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = "Enter why the case is being reopened"
    check_allowed(case, "reopen_case")
    new_concern, concern_errors_found = add_concern_record(
        case, by=by, values=concern, save=False, at=at
    )
    errors.update(concern_errors_found)
    if errors:
        raise ValidationError(errors)
    assert new_concern is not None
    new_concern.save()
    return transition(
        case,
        "reopen_case",
        by=by,
        expected_version=expected_version,
        fields={"closed_at": None, "enquiry_type": "", "enquiry_started_at": None},
        reason=reason,
        extra_changes={
            "concern_id": [None, new_concern.pk],
            **when_changes(at, new_concern.received_at),
        },
    )

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.log import Changes, created, diff, record_change
from msp.cases.errors import InvalidTransition
from msp.cases.models import Case
from msp.cases.workflow import check_allowed, lock, transition
from msp.concerns.codes import DecisionResult
from msp.concerns.models import Section42Decision
from msp.enquiries.codes import LackedCapacity
from msp.enquiries.episodes import open_enquiry
from msp.enquiries.models import Closure, DesiredOutcome, Enquiry, OutcomeRevision
from msp.enquiries.rules import closure_errors, outcome_errors, rating_errors

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
)


def latest_decision(case: Case) -> Section42Decision | None:
    return case.decisions.order_by("-decided_at", "-id").first()


@transaction.atomic
def start_enquiry(
    case: Case, *, by: User, expected_version: int, lead_worker: User | None = None
) -> Case:
    decision = latest_decision(case)
    check_allowed(case, "start_enquiry")
    if decision is None or decision.result == DecisionResult.NONE:
        raise InvalidTransition(
            "The latest decision is that no enquiry is needed. Record a new decision to "
            "start an enquiry, or close the case with the proportionate response."
        )
    if open_enquiry(case) is not None:
        raise InvalidTransition("An enquiry has already started on this case.")
    # The episode is what the return counts; the case's enquiry type and start
    # mirror the current episode for the pages.
    episode = Enquiry.objects.create(
        case=case, decision=decision, kind=decision.result, started_at=timezone.now(), started_by=by
    )
    return transition(
        case,
        "start_enquiry",
        by=by,
        expected_version=expected_version,
        fields={
            "enquiry_type": episode.kind,
            "enquiry_started_at": episode.started_at,
            "lead_worker": lead_worker or case.lead_worker or by,
        },
        extra_changes={"enquiry_id": [None, episode.pk]},
    )


def _case_of(outcome: DesiredOutcome) -> Case:
    return Case.objects.get(pk=outcome.case_id)


@transaction.atomic
def add_outcome(case: Case, *, by: User, expected_version: int, **values: Any) -> DesiredOutcome:
    data = {k: str(values.get(k, "") or "") for k in OUTCOME_FIELDS}
    errors = outcome_errors(data)
    if errors:
        raise ValidationError(errors)
    outcome = DesiredOutcome.objects.create(case=case, created_by=by)
    OutcomeRevision.objects.create(outcome=outcome, number=1, recorded_by=by, **data)
    transition(
        case,
        "add_outcome",
        by=by,
        expected_version=expected_version,
        extra_changes={**created(data), "outcome_id": [None, outcome.pk]},
    )
    return outcome


@transaction.atomic
def revise_outcome(
    outcome: DesiredOutcome, *, by: User, expected_version: int, **values: Any
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
    OutcomeRevision.objects.create(outcome=locked, number=number, recorded_by=by, **data)
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
    locked.rated_at = timezone.now()
    locked.rated_by = by
    locked.version += 1
    locked.save()
    record_change(
        by=by,
        action="outcome.rated",
        obj=locked,
        changes=diff(old, new),
        case_id=case.pk,
        person_id=case.person_id,
    )
    return locked


@transaction.atomic
def start_closing(case: Case, *, by: User, expected_version: int) -> Case:
    check_allowed(case, "start_closing")
    if open_enquiry(case) is None:
        decision = latest_decision(case)
        if decision is None or decision.result != DecisionResult.NONE:
            raise InvalidTransition(
                "The decision was to make an enquiry. Start the enquiry before closing, or "
                "record a new decision."
            )
    return transition(case, "start_closing", by=by, expected_version=expected_version)


@transaction.atomic
def return_to_enquiry(case: Case, *, by: User, expected_version: int, reason: str = "") -> Case:
    check_allowed(case, "return_to_enquiry")
    if open_enquiry(case) is None:
        raise InvalidTransition("This case had no enquiry to return to. Record a new decision.")
    return transition(
        case, "return_to_enquiry", by=by, expected_version=expected_version, reason=reason
    )


@transaction.atomic
def close_case(
    case: Case,
    *,
    by: User,
    expected_version: int,
    duty_overrides: Mapping[str, str] | None = None,
    **values: Any,
) -> Closure:
    """Close the case. The practice guard runs first: a failing legal duty
    blocks closure (``GuardBlocked``) unless a team manager or safeguarding lead
    overrides it with a reason in ``duty_overrides`` ({check id: reason}).
    What the guard found is kept with the closure."""
    from msp.practice.gate import check_closure, record_closure_findings

    data = {k: values.get(k) for k in CLOSURE_FIELDS}
    for key in (
        "reason",
        "reason_details",
        "action_result",
        "risk_outcome",
        "msp_asked",
        "lacked_capacity",
        "open_door",
    ):
        data[key] = data[key] or ""
    check_allowed(case, "close_case")
    outcome_count = case.desired_outcomes.count()
    episode = open_enquiry(case)
    errors = closure_errors(data, had_enquiry=episode is not None, outcome_count=outcome_count)
    if errors:
        raise ValidationError(errors)
    if data["lacked_capacity"] != LackedCapacity.YES:
        data["capacity_support"] = None
    findings = check_closure(case, by=by, proposed=data, duty_overrides=duty_overrides)
    closure = Closure.objects.create(case=case, closed_by=by, **data)
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
        extra_changes={**created(data), "closure_id": [None, closure.pk], **concluded},
    )
    record_closure_findings(closure, findings, duty_overrides, by)
    return closure


@transaction.atomic
def reopen_case(
    case: Case, *, by: User, expected_version: int, reason: str, **concern: Any
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
    new_concern, concern_errors_found = add_concern_record(case, by=by, values=concern, save=False)
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
        extra_changes={"concern_id": [None, new_concern.pk]},
    )

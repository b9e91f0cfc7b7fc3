"""Carries out a demo plan through the ordinary action functions, so the audit
log and the chronology are real. Run inside ``demo_clock`` so each action is
stamped with its planned time."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from msp.accounts.models import Team, User
from msp.cases.actions import allocate_case
from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.demo.clock import DemoClock
from msp.demo.data import DECIDERS, Plan, PlannedCase, PlannedPerson, Step, local_zone
from msp.demo.recorder import Recorder
from msp.demo.specs import ClosureSpec, Decision, DemoScenarioError, Outcome
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.codes import WhoseWords
from msp.enquiries.models import DesiredOutcome
from msp.people.actions import create_person
from msp.people.models import Person
from msp.practice.gate import GuardBlocked
from msp.practice.models import ClosureFinding

# The person whose first case marks the demo data as loaded.
MARKER_PERSON = ("Doreen", "Ashcombe")


def demo_data_loaded() -> bool:
    given, family = MARKER_PERSON
    return Case.objects.filter(
        person__given_name=given, person__family_name=family, person__created_by__is_demo=True
    ).exists()


@dataclass
class _Runner:
    users: dict[str, User]
    teams: dict[str, Team]
    people: dict[str, Person] = field(default_factory=dict)
    case_ids: dict[str, int] = field(default_factory=dict)
    outcome_ids: dict[tuple[str, bool, int], int] = field(default_factory=dict)
    recorder: Recorder = field(init=False)

    def __post_init__(self) -> None:
        self.recorder = Recorder(self.users, self.outcome_ids)

    def create_person(self, planned: PlannedPerson) -> None:
        self.people[planned.spec.key] = create_person(
            by=self.users[planned.created_by], **planned.values
        )

    def run(self, planned: PlannedCase, step: Step) -> None:
        spec = planned.spec
        by = self.users[step.by]
        if step.kind == "raise":
            self._raise(planned, step, by)
            return
        case = Case.objects.get(pk=self.case_ids[spec.key])
        version = case.version
        reopening = spec.reopening
        decision: Decision | None = spec.decision
        outcomes: tuple[Outcome, ...] = spec.outcomes
        closure: ClosureSpec | None = spec.closure
        if step.second and reopening is not None:
            decision, outcomes, closure = (
                reopening.decision,
                reopening.outcomes,
                reopening.closure,
            )
        if step.kind == "triage":
            concern_actions.start_triage(case, by=by, expected_version=version)
        elif step.kind == "decide" and decision is not None:
            concern_actions.record_decision(
                case,
                by=by,
                expected_version=version,
                has_care_and_support_needs=decision.needs_answer,
                care_and_support_needs_evidence=decision.needs,
                experiencing_or_at_risk=decision.at_risk_answer,
                experiencing_or_at_risk_evidence=decision.at_risk,
                unable_to_protect_self=decision.protect_answer,
                unable_to_protect_self_evidence=decision.protect,
                result=str(decision.result),
                proportionate_response=str(decision.response),
                response_details=decision.response_details,
            )
        elif step.kind == "enquire":
            worker = self.users[planned.worker]
            if case.lead_worker_id != worker.pk:  # the team manager allocates it first
                case = allocate_case(
                    case,
                    by=self.users[DECIDERS[planned.team]],
                    worker=worker,
                    expected_version=version,
                )
                version = case.version
            enquiry_actions.start_enquiry(case, by=by, expected_version=version)
        elif step.kind == "outcome":
            outcome = outcomes[step.index]
            added = enquiry_actions.add_outcome(
                case, by=by, expected_version=version, **_words(outcome, outcome.text)
            )
            self.outcome_ids[(spec.key, step.second, step.index)] = added.pk
        elif step.kind == "revise":
            outcome = outcomes[step.index]
            revision = outcome.revisions[step.sub]
            record = self._outcome(spec.key, step)
            enquiry_actions.revise_outcome(
                record,
                by=by,
                expected_version=record.version,
                reason=revision.reason,
                **_words(outcome, revision.text),
            )
        elif step.kind == "closing":
            enquiry_actions.start_closing(case, by=by, expected_version=version)
        elif step.kind == "rate":
            outcome = outcomes[step.index]
            record = self._outcome(spec.key, step)
            enquiry_actions.rate_outcome(
                record,
                by=by,
                expected_version=record.version,
                achievement=str(outcome.achievement),
                person_view=outcome.person_view,
            )
        elif step.kind == "close" and closure is not None:
            self._close(planned, case, by, closure)
        elif step.kind == "record":
            self.recorder.add(planned, case, spec.records[step.index], by)
        elif step.kind == "reopen" and reopening is not None:
            enquiry_actions.reopen_case(
                case,
                by=by,
                expected_version=version,
                reason=reopening.reason,
                **_new_concern(case, reopening.reason),
            )
        else:
            raise ValueError(f"Demo scenario {spec.key!r}: cannot do {step.kind!r}")

    def _close(self, planned: PlannedCase, case: Case, by: User, closure: ClosureSpec) -> None:
        """Close as planned, through the practice guard's closing gate. A case
        the guard blocks is a mistake in the scenario, and so is an override
        the guard did not need: either stops the load, naming the case."""
        key = planned.spec.key
        overrides = dict(closure.overrides)
        try:
            closed = enquiry_actions.close_case(
                case,
                by=by,
                expected_version=case.version,
                duty_overrides=overrides or None,
                reason=str(closure.reason),
                reason_details=closure.details,
                action_result=str(closure.action_result),
                risk_outcome=str(closure.risk_outcome),
                msp_asked=str(closure.msp_asked),
                experience_asked=closure.experience_asked
                or (
                    "survey_to_follow"
                    if closure.msp_asked in ("asked_expressed", "asked_not_expressed")
                    else "not_asked"
                ),
                lacked_capacity=str(closure.lacked_capacity),
                capacity_support=closure.capacity_support,
                open_door=closure.open_door,
            )
        except GuardBlocked as blocked:
            ids = ", ".join(f.check_id for f in blocked.findings)
            raise DemoScenarioError(
                f"Demo scenario {key!r} cannot close: the practice guard finds these legal "
                f"duties unmet: {ids}. Record what is missing in the scenario, or give a "
                f"manager's override with a reason."
            ) from blocked
        overridden = set(
            ClosureFinding.objects.filter(closure=closed, overridden=True).values_list(
                "check_id", flat=True
            )
        )
        unneeded = sorted(set(overrides) - overridden)
        if unneeded:
            raise DemoScenarioError(
                f"Demo scenario {key!r} overrides {', '.join(unneeded)}, but the practice "
                f"guard found nothing to override there."
            )

    def _outcome(self, case_key: str, step: Step) -> DesiredOutcome:
        return DesiredOutcome.objects.get(pk=self.outcome_ids[(case_key, step.second, step.index)])

    def _raise(self, planned: PlannedCase, step: Step, by: User) -> None:
        spec, ref = planned.spec, planned.spec.referrer
        case = concern_actions.raise_concern(
            person=self.people[spec.person],
            by=by,
            team=self.teams[planned.team],
            raised_on=step.at.astimezone(local_zone()).date(),
            raised_via=str(ref.via),
            referrer_anonymous=ref.anonymous,
            referrer_confidential=ref.confidential,
            referrer_name=ref.name,
            referrer_role=ref.role,
            referrer_organisation=ref.organisation,
            referrer_contact=ref.contact,
            referrer_relationship=ref.relationship,
            what_happened=spec.what_happened,
            abuse_types=[str(a) for a in spec.abuse_types],
            location_of_risk=str(spec.location),
            sources_of_risk=[str(s) for s in spec.sources],
            immediate_safety_actions=spec.immediate_actions,
            person_aware=str(spec.person_aware),
            person_wishes=spec.person_wishes,
        )
        self.case_ids[spec.key] = case.pk


def _words(outcome: Outcome, text: str) -> dict[str, Any]:
    if outcome.representative:
        return {
            "text": text,
            "whose_words": WhoseWords.REPRESENTATIVE.value,
            "representative_name": outcome.representative,
            "representative_relationship": outcome.relationship,
        }
    return {"text": text, "whose_words": WhoseWords.PERSON.value}


def load_plan(
    plan: Plan, clock: DemoClock, users: dict[str, User], teams: dict[str, Team]
) -> dict[str, int]:
    """Run every step of ``plan`` in time order. Returns case ids by scenario key."""
    runner = _Runner(users, teams)
    events: list[tuple[datetime.datetime, int, int, Callable[[], None]]] = []
    for n, person in enumerate(plan.people):
        events.append((person.created_at, -1, n, _bind_person(runner, person)))
    for n, case in enumerate(plan.cases):
        for step in case.steps:
            events.append((step.at, n, len(events), _bind_step(runner, case, step)))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    for at, _, _, action in events:
        clock.set(at)
        action()
    return runner.case_ids


def _bind_person(runner: _Runner, person: PlannedPerson) -> Callable[[], None]:
    return lambda: runner.create_person(person)


def _bind_step(runner: _Runner, case: PlannedCase, step: Step) -> Callable[[], None]:
    return lambda: runner.run(case, step)


def _new_concern(case: Case, what_happened: str) -> dict[str, Any]:
    """The concern a demo case is reopened from: like its first concern,
    raised today, describing why it was reopened."""
    from msp.concerns.actions import CONCERN_FIELDS

    first = case.concerns.order_by("raised_on", "id").first()
    assert first is not None
    values = {name: getattr(first, name) for name in CONCERN_FIELDS}
    values.update(raised_on=timezone.localdate(), what_happened=what_happened)
    return values

"""Carries out a demo plan through the import builder (msp/imports/builder.py),
and so through the ordinary action functions: the audit log and the
chronology are real. Run inside ``demo_clock`` so that each step is recorded
at its planned time, as if it had been entered on the day."""

import datetime
from collections.abc import Callable

from msp.accounts.models import Team, User
from msp.cases.models import Case
from msp.demo.clock import DemoClock
from msp.demo.data import Plan, PlannedCase, PlannedPerson
from msp.demo.documents import CaseDocument, case_document
from msp.demo.specs import ClosureSpec, DemoScenarioError
from msp.enquiries.models import Closure
from msp.imports.builder import Builder, ImportRefused, Step, import_channel
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


def load_plan(
    plan: Plan, clock: DemoClock, users: dict[str, User], teams: dict[str, Team]
) -> dict[str, int]:
    """Write each planned case as an import document (documents.py) and replay
    the documents' steps through the import builder, all cases in one time
    order on the demo clock. Returns case ids by scenario key."""
    people: dict[str, Person] = {}
    builders: dict[str, Builder] = {}
    explain: dict[str, CaseDocument] = {}
    events: list[tuple[datetime.datetime, int, int, Callable[[], None]]] = []
    for n, person in enumerate(plan.people):
        events.append(
            (person.created_at, -1, n, _bind_person(people, builders, plan, person, users))
        )
    for n, planned in enumerate(plan.cases):
        written = case_document(planned, users)
        builder = Builder(written.doc)
        builders[planned.spec.key] = builder
        explain[planned.spec.key] = written
        for step in builder.prepare():
            events.append((step.at, n, len(events), _bind_step(planned, written, step)))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    with import_channel():
        for at, _, _, action in events:
            clock.set(at)
            action()
    for planned in plan.cases:
        _check_overrides(planned, builders[planned.spec.key])
    return {key: b.fresh().pk for key, b in builders.items()}


def _bind_person(
    people: dict[str, Person],
    builders: dict[str, Builder],
    plan: Plan,
    person: PlannedPerson,
    users: dict[str, User],
) -> Callable[[], None]:
    def run() -> None:
        made = create_person(by=users[person.created_by], **person.values)
        people[person.spec.key] = made
        for planned in plan.cases:
            if planned.spec.person == person.spec.key:
                builders[planned.spec.key].person = made

    return run


def _bind_step(planned: PlannedCase, written: CaseDocument, step: Step) -> Callable[[], None]:
    key = planned.spec.key

    def run() -> None:
        try:
            step.run()
        except ImportRefused as refused:
            blocked = refused.__cause__
            if isinstance(blocked, GuardBlocked):
                ids = ", ".join(f.check_id for f in blocked.findings)
                raise DemoScenarioError(
                    f"Demo scenario {key!r} cannot close: the practice guard finds these legal "
                    f"duties unmet: {ids}. Record what is missing in the scenario, or give a "
                    f"manager's override with a reason."
                ) from refused
            kind = written.record_kinds.get(refused.path.split(".")[0])
            if kind is not None:
                raise DemoScenarioError(
                    f"Demo scenario {key!r}: its {kind} record was refused: {refused.reason}"
                ) from refused
            raise DemoScenarioError(f"Demo scenario {key!r}: {refused}") from refused

    return run


def _check_overrides(planned: PlannedCase, builder: Builder) -> None:
    """An override the guard did not need is a mistake in the scenario."""
    key = planned.spec.key
    for closure_spec, closure in zip(
        [c for c in (planned.spec.closure, _second_closure(planned)) if c is not None],
        Closure.objects.filter(case=builder.fresh()).order_by("closed_at", "id"),
        strict=False,
    ):
        overrides = dict(closure_spec.overrides)
        overridden = set(
            ClosureFinding.objects.filter(closure=closure, overridden=True).values_list(
                "check_id", flat=True
            )
        )
        unneeded = sorted(set(overrides) - overridden)
        if unneeded:
            raise DemoScenarioError(
                f"Demo scenario {key!r} overrides {', '.join(unneeded)}, but the practice "
                f"guard found nothing to override there."
            )


def _second_closure(planned: PlannedCase) -> ClosureSpec | None:
    reopening = planned.spec.reopening
    return reopening.closure if reopening is not None else None

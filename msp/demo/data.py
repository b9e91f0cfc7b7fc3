"""Turns the scenario data into a dated plan. Pure: the same ``now`` always
gives the same plan (seeded with ``SEED``), and nothing here touches the
database. The loader (``loader.py``) carries the plan out through the action
functions.

Dates are relative to the day of loading, so the open cases are always
recent. Every step falls on a weekday in working hours, and the last step of
any case is at least a day before loading."""

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from msp.cases.models import CaseState
from msp.demo.people import PEOPLE
from msp.demo.places import (
    CARE_SETTINGS,
    LANDLINE_PREFIX,
    MOBILE_PREFIX,
    POSTCODE_LETTERS,
    STREETS,
)
from msp.demo.records import (
    CLOSING,
    DURING,
    LATE,
    LEAD,
    MANAGER,
    RAISED,
    REFERS_BACK,
    STAGES,
    START,
    TRIAGE,
    WORKER,
    Record,
)
from msp.demo.scenarios import CASES
from msp.demo.specs import (
    CaseSpec,
    ClosureSpec,
    Decision,
    DemoScenarioError,
    Outcome,
    PersonSpec,
)

SEED = 20261126

STATE_ORDER = [s.value for s in CaseState]

WORKERS = {"north": "practitioner", "south": "practitioner2", "hospital": "practitioner3"}
# The team manager, who records decisions, signs off closures and co-signs
# decisions to act against someone's wishes, for each team.
DECIDERS = {"north": "manager", "south": "manager2", "hospital": "manager3"}

# When a case was raised, if its scenario does not say: (fewest, most) days ago.
DEFAULT_AGE_DAYS = {
    CaseState.RAISED: (1, 6),
    CaseState.TRIAGE: (3, 14),
    CaseState.DECIDED: (7, 28),
    CaseState.ENQUIRY: (30, 90),
    CaseState.CLOSING: (60, 120),
    CaseState.CLOSED: (90, 540),
}


@dataclass(frozen=True)
class PlannedPerson:
    spec: PersonSpec
    values: dict[str, Any]  # keyword arguments for people.actions.create_person
    created_by: str  # username
    created_at: datetime.datetime


@dataclass(frozen=True)
class Step:
    """One call of an action function. ``index`` picks an outcome (and
    ``sub`` a revision of it); ``second`` marks steps after a reopening."""

    at: datetime.datetime
    kind: str
    by: str
    index: int = 0
    sub: int = 0
    second: bool = False


@dataclass(frozen=True)
class PlannedCase:
    spec: CaseSpec
    team: str
    worker: str
    steps: tuple[Step, ...]

    @property
    def raised_on(self) -> datetime.date:
        return self.steps[0].at.astimezone(local_zone()).date()


@dataclass(frozen=True)
class Plan:
    people: tuple[PlannedPerson, ...]
    cases: tuple[PlannedCase, ...]
    start: datetime.datetime = field(compare=True)

    def summary(self) -> dict[str, Any]:
        """Counts that a loaded database should match."""
        return {
            "people": len(self.people),
            "cases": len(self.cases),
            "states": dict(sorted(Counter(str(c.spec.final_state) for c in self.cases).items())),
        }


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def nhs_number(rng: random.Random) -> str:
    """A valid NHS number in the 999 range kept for testing."""
    while True:
        body = "999" + "".join(str(rng.randrange(10)) for _ in range(6))
        total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        if check != 10:
            return body + str(check)


def _date_of_birth(rng: random.Random, age: int, today: datetime.date) -> datetime.date:
    try:
        birthday = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - age, day=28)
    return birthday - datetime.timedelta(days=rng.randint(1, 360))


def _person_values(
    rng: random.Random, spec: PersonSpec, today: datetime.date, used_nhs: set[str]
) -> dict[str, Any]:
    if spec.care_setting:
        address, postcode = CARE_SETTINGS[spec.care_setting]
    else:
        address = f"{rng.randint(1, 148)} {rng.choice(STREETS)}\nNorthmoor"
        postcode = (
            f"NM{rng.randint(1, 6)} {rng.randint(1, 9)}"
            f"{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"
        )
    nhs = ""
    if spec.has_nhs_number:
        nhs = nhs_number(rng)
        while nhs in used_nhs:
            nhs = nhs_number(rng)
        used_nhs.add(nhs)
    prefix = MOBILE_PREFIX if rng.random() < 0.4 else LANDLINE_PREFIX
    email = ""
    if spec.has_email:
        email = f"{spec.given_name}.{spec.family_name}@example.com".lower().replace(" ", "")
    return {
        "given_name": spec.given_name,
        "family_name": spec.family_name,
        "preferred_name": spec.preferred_name,
        "date_of_birth": _date_of_birth(rng, spec.age, today),
        "nhs_number": nhs,
        "address": address,
        "postcode": postcode,
        "phone": "" if spec.care_setting else f"{prefix}{rng.randrange(1000):03d}",
        "email": email,
        "gender": str(spec.gender),
        "ethnicity": str(spec.ethnicity),
        "primary_support_reason": str(spec.support),
        "communication_needs": spec.communication_needs,
        "safe_to_phone": spec.safe_to_phone,
        "safe_to_write": spec.safe_to_write,
        "safe_to_leave_message": spec.safe_to_leave_message,
        "do_not_tell": spec.do_not_tell,
    }


def _reached(state: str, target: str) -> bool:
    return STATE_ORDER.index(target) >= STATE_ORDER.index(state)


class _Timeline:
    """Collects steps as whole-day offsets from the day the concern was raised."""

    def __init__(self, rng: random.Random, spec: CaseSpec, worker: str, manager: str) -> None:
        self.rng = rng
        self.spec = spec
        self.people = {WORKER: worker, MANAGER: manager, LEAD: "lead"}
        self.day = 0
        self.items: list[tuple[int, str, str, int, int, bool]] = []

    def add(
        self,
        kind: str,
        by: str,
        after: tuple[int, int] = (0, 0),
        *,
        index: int = 0,
        sub: int = 0,
        second: bool = False,
    ) -> None:
        self.day += self.rng.randint(*after)
        self.items.append((self.day, kind, by, index, sub, second))

    def records(self, stage: str, *, second: bool = False) -> None:
        """The scenario's records for ``stage`` of this episode, in order."""
        for i, record in enumerate(self.spec.records):
            if record.stage == stage and record.second == second:
                self.add("record", self.people[record.by], record.gap, index=i, second=second)


def _episode_state(spec: CaseSpec, second: bool) -> str:
    """Where an episode of the case ends: a reopened case's first episode closed."""
    if second:
        assert spec.reopening is not None
        return str(spec.reopening.state)
    return CaseState.CLOSED.value if spec.reopening else str(spec.state)


def _record_problem(spec: CaseSpec) -> str:
    """What is wrong with the scenario's records, if anything."""
    order: list[tuple[tuple[bool, int, int], Record]] = []
    for i, record in enumerate(spec.records):
        if record.stage not in STAGES or record.by not in (WORKER, MANAGER, LEAD):
            return f"has a record with an unknown stage or author ({record})"
        if record.second and spec.reopening is None:
            return "has a record for a second episode, but is not reopened"
        state = _episode_state(spec, record.second)
        decision = spec.reopening.decision if record.second and spec.reopening else spec.decision
        decided = decision is not None and _reached(CaseState.DECIDED, state)
        # Outcomes are asked in an enquiry, or after a decision of no enquiry
        asking = (
            decision is not None
            and decided
            and (not decision.makes_enquiry or _reached(CaseState.ENQUIRY, state))
        )
        reaches = {
            RAISED: not record.second,
            TRIAGE: _reached(CaseState.TRIAGE, state),
            START: decided,
            DURING: asking,
            LATE: asking,
            CLOSING: _reached(CaseState.CLOSING, state),
        }
        if not reaches[record.stage]:
            kind = type(record).__name__
            return f"has a {kind} record at the {record.stage} stage, which it never reaches"
        order.append(((record.second, STAGES.index(record.stage), i), record))
    order.sort(key=lambda item: item[0])
    seen: dict[type[Record], int] = {}
    for _, record in order:
        for cls, earlier, name in REFERS_BACK:
            if isinstance(record, cls) and getattr(record, name) >= seen.get(earlier, 0):
                return f"has a {cls.__name__} record with no earlier {earlier.__name__} to refer to"
        seen[type(record)] = seen.get(type(record), 0) + 1
    return ""


def _check(spec: CaseSpec) -> None:
    """Catch scenario mistakes early, with the scenario's key."""
    problem = ""
    needs_decision = _reached(CaseState.DECIDED, spec.state) or spec.closure is not None
    if needs_decision and spec.decision is None:
        problem = "needs a decision"
    elif spec.decision and not spec.decision.makes_enquiry and spec.state == CaseState.ENQUIRY:
        problem = "cannot be in an enquiry after a no-enquiry decision"
    elif spec.state == CaseState.CLOSED and spec.closure is None:
        problem = "is closed but has no closure"
    elif (spec.state == CaseState.CLOSED or spec.reopening) and any(
        not o.achievement for o in spec.outcomes
    ):
        problem = "has an outcome without an achievement rating"
    else:
        problem = _record_problem(spec)
    if problem:
        raise DemoScenarioError(f"Demo scenario {spec.key!r} {problem}")


def _work(
    t: _Timeline,
    decision: Decision,
    outcomes: tuple[Outcome, ...],
    closure: ClosureSpec | None,
    state: str,
    worker: str,
    decider: str,
    *,
    second: bool = False,
) -> None:
    """The steps from the decision to ``state``, with the scenario's records
    for this episode at their stages."""
    t.add("decide", decider, (1, 4), second=second)
    enquiry = decision.makes_enquiry and _reached(CaseState.ENQUIRY, state)
    if enquiry:
        t.add("enquire", worker, (0, 2), second=second)
    t.records(START, second=second)
    if enquiry or not decision.makes_enquiry:
        for i, _ in enumerate(outcomes):
            t.add("outcome", worker, (1, 5), index=i, second=second)
        t.records(DURING, second=second)
        for i, outcome in enumerate(outcomes):
            for j, _ in enumerate(outcome.revisions):
                t.add("revise", worker, (7, 21), index=i, sub=j, second=second)
        t.records(LATE, second=second)
    if not _reached(CaseState.CLOSING, state):
        return
    t.add("closing", worker, (14, 45) if enquiry else (1, 10), second=second)
    t.records(CLOSING, second=second)
    for i, outcome in enumerate(outcomes):
        if outcome.achievement:
            t.add("rate", worker, (0, 2), index=i, second=second)
    if state == CaseState.CLOSED and closure is not None:
        t.add("close", decider, (1, 4), second=second)


def _case_timeline(rng: random.Random, spec: CaseSpec, worker: str, decider: str) -> _Timeline:
    t = _Timeline(rng, spec, worker, decider)
    t.add("raise", worker)
    t.records(RAISED)
    reopening = spec.reopening
    state = _episode_state(spec, second=False)
    if _reached(CaseState.TRIAGE, state):
        t.add("triage", worker, (0, 1))
        t.records(TRIAGE)
    if spec.decision is not None and _reached(CaseState.DECIDED, state):
        _work(t, spec.decision, spec.outcomes, spec.closure, state, worker, decider)
    if reopening is not None:
        t.add("reopen", decider, (20, 60))
        t.records(TRIAGE, second=True)
        if reopening.decision is not None and _reached(CaseState.DECIDED, reopening.state):
            _work(
                t,
                reopening.decision,
                reopening.outcomes,
                reopening.closure,
                reopening.state,
                worker,
                decider,
                second=True,
            )
    return t


def _working_day(day: datetime.date, today: datetime.date) -> datetime.date:
    """A Saturday moves back to the Friday and a Sunday on to the Monday (back to
    the Friday if that Monday is not yet over), so work is spread over the week."""
    if day.weekday() == 5:
        return day - datetime.timedelta(days=1)
    if day.weekday() == 6:
        monday = day + datetime.timedelta(days=1)
        return monday if monday < today else day - datetime.timedelta(days=2)
    return day


# Steps on a busy day stay in working hours, near enough.
LAST_STEP_TIME = datetime.time(18, 0)


def _stamp(
    rng: random.Random, day: datetime.date, previous: datetime.datetime | None
) -> datetime.datetime:
    zone = local_zone()
    if previous is not None and previous.astimezone(zone).date() == day:
        later = previous + datetime.timedelta(minutes=rng.randint(10, 55))
        if later.astimezone(zone).time() > LAST_STEP_TIME:
            # A busy day: the rest of it is a few minutes apart
            later = previous + datetime.timedelta(minutes=2)
        return later
    start = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=zone)
    return start + datetime.timedelta(minutes=rng.randint(0, 420))


def build_plan(
    now: datetime.datetime,
    scenarios: tuple[CaseSpec, ...] = CASES,
    adults: tuple[PersonSpec, ...] = PEOPLE,
) -> Plan:
    """The whole demo data set, dated relative to ``now`` (an aware datetime).
    Tests may give some of the ``scenarios`` and the ``adults`` they are about."""
    rng = random.Random(SEED)
    zone = local_zone()
    today = now.astimezone(zone).date()
    by_key = {p.key: p for p in adults}
    if len(by_key) != len(adults):
        raise ValueError("Demo people have duplicate keys")

    cases: list[PlannedCase] = []
    for spec in scenarios:
        _check(spec)
        person = by_key[spec.person]
        team = spec.team or person.team
        worker, decider = WORKERS[team], DECIDERS[team]
        timeline = _case_timeline(rng, spec, worker, decider)
        if spec.months_ago:
            wanted = round(spec.months_ago * 30.4)
            spread = min(9, wanted // 5)  # so cases of the same age do not share a day
            wanted += rng.randint(-spread, spread)
        else:
            wanted = rng.randint(*DEFAULT_AGE_DAYS[CaseState(spec.state)])
        days_ago = max(wanted, timeline.day + 1)
        raised = today - datetime.timedelta(days=days_ago)
        steps: list[Step] = []
        previous: datetime.datetime | None = None
        for offset, kind, by, index, sub, second in timeline.items:
            day = _working_day(raised + datetime.timedelta(days=offset), today)
            previous = _stamp(rng, day, previous)
            steps.append(Step(previous, kind, by, index, sub, second))
        cases.append(PlannedCase(spec, team, worker, tuple(steps)))

    first_step: dict[str, datetime.datetime] = {}
    for case in cases:
        at = case.steps[0].at
        if case.spec.person not in first_step or at < first_step[case.spec.person]:
            first_step[case.spec.person] = at
    used_nhs: set[str] = set()
    people = []
    for person_spec in adults:
        if person_spec.key not in first_step:
            raise ValueError(f"Demo person {person_spec.key!r} has no case")
        people.append(
            PlannedPerson(
                person_spec,
                _person_values(rng, person_spec, today, used_nhs),
                WORKERS[person_spec.team],
                first_step[person_spec.key] - datetime.timedelta(minutes=20),
            )
        )
    start = min(p.created_at for p in people) - datetime.timedelta(days=1)
    return Plan(tuple(people), tuple(cases), start)

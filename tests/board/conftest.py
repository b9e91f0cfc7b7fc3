"""A hand-made year of casework for the board dashboard tests, dated with the
demo clock so every action happens on the day the test says.

The reporting year 2025 to 2026 (1 April 2025 to 31 March 2026), North team:

- Q1: 6 concerns raised on 12 May 2025; 5 have a section 42 decision 2 days
  later, start an enquiry and close on 10 September 2025 (Q2).
- Q2: 7 concerns on 11 August 2025; 5 decided 4 days later, closed on
  10 December 2025 (Q3).
- Q3: 8 concerns on 10 November 2025; 5 of them about people whose previous
  case closed in March 2025 (repeat concerns); those 5 decided 10 days later.
- Q4: 3 concerns on 9 February 2026, one about someone whose previous case
  closed 17 months before (not a repeat).

The South team has 2 concerns in Q3. Cases from the year before (the earlier
cases of the repeat people) are outside the year. See test_dashboard.py for the
figures this gives, worked out by hand.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from msp.accounts.models import Role, User
from msp.board.measures import closure_finding_model
from msp.cases.errors import ActionError
from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.demo.clock import demo_clock
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import Closure, DesiredOutcome, Override
from msp.people.models import Person
from tests import factories

LONDON = ZoneInfo("Europe/London")
D = datetime.date


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=LONDON)


def journey(
    by: User,
    raised: datetime.date,
    *,
    about: Person | None = None,
    decided: datetime.date | None = None,
    closed: datetime.date | None = None,
    achievements: tuple[str, ...] = ("fully",),
    closure: dict[str, Any] | None = None,
    **concern: Any,
) -> Case:
    """A case raised on ``raised``; with ``decided``, a section 42 decision and
    an enquiry with one desired outcome per achievement; with ``closed``,
    closed with those achievements and ``closure`` values."""
    subject = about or factories.person(by)
    with demo_clock(at(raised)) as clock:
        case = concern_actions.raise_concern(
            person=subject, by=by, raised_on=raised, **{**factories.CONCERN, **concern}
        )
        if decided is None:
            return case
        clock.set(at(decided))
        case = concern_actions.start_triage(case, by=by, expected_version=case.version)
        concern_actions.record_decision(
            case,
            by=factories.decider_for(by, case),
            expected_version=case.version,
            **factories.DECISION_S42,
        )
        case = factories.allocated(factories.fresh(case), by)
        case = enquiry_actions.start_enquiry(case, by=by, expected_version=case.version)
        for i in range(len(achievements)):
            enquiry_actions.add_outcome(
                case,
                by=by,
                expected_version=case.version,
                text=f"I want to feel safe at home ({i + 1})",
                whose_words="person",
            )
            case = factories.fresh(case)
        if closed is None:
            return case
        clock.set(at(closed))
        case = enquiry_actions.start_closing(case, by=by, expected_version=case.version)
        outcomes = DesiredOutcome.objects.filter(case=case).order_by("id")
        for outcome, achievement in zip(outcomes, achievements, strict=True):
            enquiry_actions.rate_outcome(
                outcome, by=by, expected_version=outcome.version, achievement=achievement
            )
        values = {**factories.CLOSURE, **(closure or {})}
        try:
            enquiry_actions.close_case(case, by=by, expected_version=case.version, **values)
        except ActionError as blocked:
            # The practice guard found a legal duty not shown as met: these
            # tests are about counting, so a manager overrides it.
            duties = getattr(blocked, "findings", ())
            enquiry_actions.close_case(
                case,
                by=_manager_for(by),
                expected_version=case.version,
                duty_overrides={f.check_id: "Recorded on paper." for f in duties},
                **values,
            )
        return factories.fresh(case)


def _manager_for(user: User) -> User:
    manager = User.objects.filter(role=Role.TEAM_MANAGER, team=user.team).first()
    return manager or factories.user(
        Role.TEAM_MANAGER, team_name=user.team.name if user.team else None
    )


@dataclass
class Year:
    north: list[Case] = field(default_factory=list)
    south: list[Case] = field(default_factory=list)
    earlier: list[Case] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)


@pytest.fixture
def year(practitioner, outsider, manager) -> Year:
    y = Year()
    by = practitioner

    # The year before: five people whose cases close in March 2025, and one
    # whose case closed in September 2024.
    for _ in range(5):
        y.earlier.append(journey(by, D(2025, 1, 13), decided=D(2025, 1, 15), closed=D(2025, 3, 12)))
    y.earlier.append(journey(by, D(2024, 8, 12), decided=D(2024, 8, 14), closed=D(2024, 9, 11)))

    # Q1: 6 concerns about physical abuse; 5 enquiries, closed in Q2.
    for _ in range(5):
        y.north.append(
            journey(
                by,
                D(2025, 5, 12),
                decided=D(2025, 5, 14),
                closed=D(2025, 9, 10),
                abuse_types=["physical"],
            )
        )
    y.north.append(journey(by, D(2025, 5, 12), abuse_types=["physical"]))

    # Q2: 7 concerns, one about physical abuse, all naming a service provider;
    # 5 enquiries closed in Q3 with a mix of results.
    q2 = dict(sources_of_risk=["service_provider"])
    closures = [
        # (achievements, closure values)
        (
            ("fully",),
            {"risk_outcome": "removed", "lacked_capacity": "yes", "capacity_support": True},
        ),
        (
            ("fully", "not"),
            {"risk_outcome": "removed", "lacked_capacity": "yes", "capacity_support": True},
        ),
        (
            ("fully", "not"),
            {"risk_outcome": "removed", "lacked_capacity": "yes", "capacity_support": False},
        ),
        (("partially",), {"lacked_capacity": "no"}),
        (("partially",), {"lacked_capacity": "dont_know"}),
    ]
    for i, (achievements, values) in enumerate(closures):
        extra = {"abuse_types": ["physical"]} if i == 0 else {}
        y.north.append(
            journey(
                by,
                D(2025, 8, 11),
                decided=D(2025, 8, 15),
                closed=D(2025, 12, 10),
                achievements=achievements,
                closure=values,
                **q2,
                **extra,
            )
        )
    for _ in range(2):
        y.north.append(journey(by, D(2025, 8, 11), **q2))

    # Q3: 8 concerns; 5 about the people from March 2025 (repeats), decided.
    for earlier in y.earlier[:5]:
        y.north.append(journey(by, D(2025, 11, 10), about=earlier.person, decided=D(2025, 11, 20)))
    for _ in range(3):
        y.north.append(journey(by, D(2025, 11, 10)))

    # Q4: 3 concerns in a nursing home; one about the person from 2024.
    q4 = dict(abuse_types=["sexual"], location_of_risk="care_home_nursing")
    y.north.append(journey(by, D(2026, 2, 9), about=y.earlier[5].person, **q4))
    for _ in range(2):
        y.north.append(journey(by, D(2026, 2, 9), **q4))

    # South team: 2 concerns in Q3.
    for _ in range(2):
        y.south.append(journey(outsider, D(2025, 11, 10)))

    # Overrides of wishes: 8 in the year (coercion), 1 the year before.
    for day in [D(2025, 10, 1)] * 8 + [D(2025, 2, 1)]:
        Override.objects.create(
            case=y.north[6],
            recorded_by=by,
            kind="person_wishes",
            ground="coercion",
            legal_basis="Care Act 2014 section 42",
            rationale="Her son controls her money and her contact with others.",
            decided_by="Mo Hughes",
            decided_on=day,
            cosigner=manager,
        )

    # Guard findings, when the practice guard records them: replace what it
    # found at these closures with a hand-made set.
    finding = closure_finding_model()
    if finding is not None:
        finding._default_manager.all().delete()
        q1_closures = list(Closure.objects.filter(case__in=y.north[:5]).order_by("id"))
        q2_closures = list(Closure.objects.filter(case__in=y.north[6:11]).order_by("id"))
        for closure in q1_closures:
            finding._default_manager.create(
                closure=closure,
                check_id="M1.a",
                severity="DUTY",
                overridden=True,
                override_reason="Seen alone twice; no sign of coercion.",
                overridden_by=manager,
            )
        for closure in q1_closures[:3]:
            finding._default_manager.create(closure=closure, check_id="M2.b", severity="PROMPT")
        for closure in q2_closures[:2]:
            finding._default_manager.create(
                closure=closure,
                check_id="M3.c",
                severity="DUTY",
                overridden=True,
                override_reason="Recorded on paper.",
                overridden_by=manager,
            )
    y.people = list(Person.objects.all())
    return y

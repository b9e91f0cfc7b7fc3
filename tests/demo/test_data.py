"""The pure scenario data and plan: deterministic, complete and valid."""

import datetime
from collections import Counter

from msp.accounts.models import Role
from msp.cases.models import CaseState
from msp.concerns.codes import AbuseType, LocationOfRisk, SourceOfRisk
from msp.demo.accounts import ACCOUNTS
from msp.demo.data import build_plan
from msp.demo.people import PEOPLE
from msp.demo.scenarios import CASES
from msp.demo.specs import GOOD, POOR
from msp.people.validators import nhs_number_is_valid, years_between

NOW = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)


def test_the_plan_is_the_same_every_time():
    first, second = build_plan(NOW), build_plan(NOW)
    assert first == second
    assert [p.values for p in first.people] == [p.values for p in second.people]
    assert [c.steps for c in first.cases] == [c.steps for c in second.cases]


def test_the_plan_has_about_forty_people_and_sixty_cases_in_every_state():
    plan = build_plan(NOW)
    assert len(plan.people) == 40
    assert len(plan.cases) == 60
    assert set(plan.summary()["states"]) == set(CaseState.values)


def test_every_abuse_type_location_and_source_of_risk_is_used():
    assert {a for c in CASES for a in c.abuse_types} == set(AbuseType.values)
    assert {c.location for c in CASES} == set(LocationOfRisk.values)
    assert {s for c in CASES for s in c.sources} == set(SourceOfRisk.values)


def test_every_myth_is_shown_handled_well_and_badly():
    practice = {(c.myth, c.practice) for c in CASES if c.myth}
    for n in range(1, 12):
        assert (f"M{n}", GOOD) in practice, f"M{n} good"
        assert (f"M{n}", POOR) in practice, f"M{n} poor"
    assert all(c.shows for c in CASES if c.myth)


def test_scenario_keys_are_unique():
    keys = [c.key for c in CASES]
    assert len(keys) == len(set(keys))


def test_people_look_real_but_are_clearly_fictional():
    plan = build_plan(NOW)
    today = NOW.date()
    ages = [years_between(p.values["date_of_birth"], today) for p in plan.people]
    assert min(ages) >= 18
    assert max(ages) <= 99
    assert sum(age > 85 for age in ages) >= 5
    assert sum(age < 65 for age in ages) >= 5
    numbers = [p.values["nhs_number"] for p in plan.people if p.values["nhs_number"]]
    assert len(numbers) == len(set(numbers))
    for number in numbers:
        assert number.startswith("999")
        assert nhs_number_is_valid(number)
    assert all(p.values["postcode"].startswith("NM") for p in plan.people)
    assert len({p.values["gender"] for p in plan.people}) >= 2
    assert len({p.values["ethnicity"] for p in plan.people}) >= 8
    assert len({p.values["primary_support_reason"] for p in plan.people}) >= 8
    needs = " ".join(p.communication_needs for p in PEOPLE)
    for need in ("BSL", "Easy read", "Polish interpreter"):
        assert need.lower() in needs.lower()
    assert any(p.spec.do_not_tell for p in plan.people)


def test_every_step_is_in_the_past_on_a_weekday_and_in_order():
    plan = build_plan(NOW)
    earliest = NOW - datetime.timedelta(days=19 * 31)
    for case in plan.cases:
        times = [s.at for s in case.steps]
        assert times == sorted(times)
        assert len(set(times)) == len(times)
        for at in times:
            assert earliest < at < NOW - datetime.timedelta(hours=6)
            assert at.weekday() < 5


def test_there_is_one_demo_account_per_role():
    assert {a.role for a in ACCOUNTS} == set(Role.values)
    assert len({a.username for a in ACCOUNTS}) == len(ACCOUNTS)
    practitioner_teams = [a.team for a in ACCOUNTS if a.role == Role.PRACTITIONER]
    assert len(set(practitioner_teams)) >= 2
    assert Counter(a.role for a in ACCOUNTS)[Role.ADMINISTRATOR] == 1

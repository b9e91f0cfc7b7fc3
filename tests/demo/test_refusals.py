"""When load_demo_data must refuse, and when the loader must stop loudly
because a scenario cannot be carried out as written. Kept apart from the
loaded-data tests, which share one load for the whole module."""

import io
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from msp.accounts.models import User
from msp.cases.models import Case
from msp.demo.accounts import DemoPassword, ensure_accounts, ensure_teams
from msp.demo.clock import demo_clock
from msp.demo.data import build_plan
from msp.demo.loader import load_plan
from msp.demo.management.commands import load_demo_data
from msp.demo.people import PEOPLE
from msp.demo.records import Plan
from msp.demo.scenarios import CASES
from msp.demo.specs import CaseSpec, DemoScenarioError, PersonSpec


def run():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def test_loading_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="Demo data is not allowed in production"):
        run()
    assert not User.objects.filter(is_demo=True).exists()


def test_a_real_account_with_a_demo_username_stops_the_load(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    User.objects.create_user(username="manager", password="x" * 20)
    with pytest.raises(CommandError, match="real account"):
        run()
    assert not Case.objects.exists()


def scenario(key: str) -> CaseSpec:
    return next(c for c in CASES if c.key == key)


def adults_of(spec: CaseSpec) -> tuple[PersonSpec, ...]:
    return tuple(p for p in PEOPLE if p.key == spec.person)


def load(spec: CaseSpec) -> None:
    """Load one scenario through the loader, as load_demo_data would."""
    teams = ensure_teams()
    users = ensure_accounts(teams, DemoPassword("refusal-test-password", "setting"))
    plan = build_plan(timezone.now(), (spec,), adults_of(spec))
    with demo_clock(plan.start) as clock:
        load_plan(plan, clock, users, teams)


def test_a_case_the_guard_blocks_stops_the_load_naming_the_case_and_duties(
    db, settings, tmp_path, monkeypatch
):
    settings.VAR_DIR = tmp_path
    wilfred = scenario("m1-poor-wilfred")
    assert wilfred.closure is not None
    unexplained = replace(wilfred, closure=replace(wilfred.closure, overrides={}))
    monkeypatch.setattr(
        load_demo_data,
        "build_plan",
        lambda now: build_plan(now, (unexplained,), adults_of(unexplained)),
    )
    with pytest.raises(CommandError, match=r"'m1-poor-wilfred' cannot close.*: M1\.a, M3\.b\."):
        run()
    assert not Case.objects.exists()


def test_the_scenario_loads_with_its_overrides(db):
    load(scenario("m1-poor-wilfred"))
    assert Case.objects.get().state == "closed"


def test_an_override_the_guard_did_not_need_stops_the_load(db):
    doreen = scenario("m1-good-doreen")
    assert doreen.closure is not None
    needless = replace(
        doreen,
        closure=replace(doreen.closure, overrides={"M1.a": "Closed in supervision as agreed."}),
    )
    with pytest.raises(DemoScenarioError, match=r"'m1-good-doreen' overrides M1\.a, but"):
        load(needless)


def test_a_record_the_actions_refuse_stops_the_load_naming_the_case(db):
    terence = scenario("m7-poor-terence")
    blank_plan = replace(terence, records=(*terence.records, Plan(person_involvement="")))
    with pytest.raises(DemoScenarioError, match="'m7-poor-terence': its Plan record was refused"):
        load(blank_plan)

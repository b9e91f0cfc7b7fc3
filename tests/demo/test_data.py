"""The pure scenario data and plan: deterministic, complete and valid."""

import datetime
from collections import Counter
from dataclasses import replace

import pytest

from msp.accounts.models import Role
from msp.cases.models import CaseState
from msp.concerns.codes import AbuseType, LocationOfRisk, SourceOfRisk
from msp.demo import records as r
from msp.demo.accounts import ACCOUNTS, TEAMS
from msp.demo.data import Plan, build_plan
from msp.demo.people import PEOPLE
from msp.demo.scenarios import CASES
from msp.demo.specs import GOOD, POOR, CaseSpec, DemoScenarioError
from msp.people.validators import nhs_number_is_valid, years_between
from msp.practice.checks import CHECKS

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


def test_every_role_has_a_demo_account_and_every_team_a_practitioner_and_manager():
    assert {a.role for a in ACCOUNTS} == set(Role.values)
    assert len({a.username for a in ACCOUNTS}) == len(ACCOUNTS)
    for role in (Role.PRACTITIONER, Role.TEAM_MANAGER):
        assert sorted(a.team for a in ACCOUNTS if a.role == role) == sorted(TEAMS), role
    roles = Counter(a.role for a in ACCOUNTS)
    assert {r: n for r, n in roles.items() if n > 1} == {
        Role.PRACTITIONER: 3,
        Role.TEAM_MANAGER: 3,
    }


def scenario(key: str) -> CaseSpec:
    return next(c for c in CASES if c.key == key)


def plan_for(spec: CaseSpec) -> Plan:
    return build_plan(NOW, (spec,), tuple(p for p in PEOPLE if p.key == spec.person))


@pytest.mark.parametrize(
    ("key", "record", "problem"),
    [
        ("m8d-poor-kenneth-3", r.Note(text="A note", stage=r.CLOSING), "never reaches"),
        ("trevor-rehab", r.Note(text="A note", stage=r.DURING), "never reaches"),
        ("m9-poor-norman-2", r.Note(text="A note", stage=r.TRIAGE), "never reaches"),
        ("m7-poor-terence", r.Note(text="A note", second=True), "is not reopened"),
        ("m7-poor-terence", r.Cosign(), "no earlier Override"),
        ("m7-poor-terence", r.PlanActionUpdate(action=0, status="done"), "no earlier PlanAction"),
        ("m7-poor-terence", r.Note(text="A note", by="someone"), "unknown stage or author"),
    ],
)
def test_a_record_the_case_never_reaches_is_refused_naming_the_scenario(key, record, problem):
    spec = scenario(key)
    wrong = replace(spec, records=(*spec.records, record))
    with pytest.raises(DemoScenarioError, match=rf"'{key}' .*{problem}"):
        plan_for(wrong)


def test_a_cosignature_must_come_after_its_override():
    spec = scenario("m3-good-edna")
    plan_for(spec)  # as written, the override is recorded first
    late_override = replace(
        spec,
        records=tuple(
            replace(x, stage=r.LATE) if isinstance(x, r.Override) else x for x in spec.records
        ),
    )
    with pytest.raises(DemoScenarioError, match=r"'m3-good-edna' .*no earlier Override"):
        plan_for(late_override)


# The step after which each stage's records are made, and the step they come before.
OPENED_BY = {
    r.RAISED: "raise",
    r.TRIAGE: "triage",
    r.START: "decide",
    r.DURING: "decide",
    r.LATE: "decide",
    r.CLOSING: "closing",
}
ENDED_BY = {
    r.RAISED: "triage",
    r.TRIAGE: "decide",
    r.START: "closing",
    r.DURING: "closing",
    r.LATE: "closing",
    r.CLOSING: "close",
}


def test_records_are_made_at_their_stage_of_the_case():
    for case in build_plan(NOW).cases:
        for n, step in enumerate(case.steps):
            if step.kind != "record":
                continue
            stage = case.spec.records[step.index].stage
            earlier = [
                s.kind for s in case.steps[:n] if s.second == step.second or s.kind == "reopen"
            ]
            opened = "reopen" if step.second and stage == r.TRIAGE else OPENED_BY[stage]
            assert opened in earlier, (case.spec.key, step)
            assert ENDED_BY[stage] not in earlier, (case.spec.key, step)


def test_every_planned_override_is_of_a_legal_duty_with_a_specific_reason():
    reasons = []
    for spec in CASES:
        closures = [spec.closure, spec.reopening.closure if spec.reopening else None]
        for closure in closures:
            for check_id, reason in (closure.overrides if closure else {}).items():
                assert CHECKS[check_id].severity == "DUTY", (spec.key, check_id)
                assert spec.practice == POOR, spec.key
                assert len(reason.split()) >= 15, (spec.key, check_id)
                reasons.append(reason)
    assert len(reasons) == len(set(reasons)) == 17


def test_only_the_poor_m8_and_m6_notes_use_the_words_the_guard_flags():
    for spec in CASES:
        for record in spec.records:
            text = " ".join(v for v in vars(record).values() if isinstance(v, str)).lower()
            if "investigat" in text:
                assert spec.key == "m8-poor-sandra"
            if "lifestyle choice" in text or "unwise decision" in text:
                assert spec.key == "m6-poor-derek"

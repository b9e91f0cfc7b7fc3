"""The demo data against the practice guard: good practice passes, poor
practice shows the findings its myth predicts, and every closure went through
the closing gate honestly. Loads the demo data once for the module."""

from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from msp.accounts.models import Role, User
from msp.audit.models import AuditEvent
from msp.cases.models import Case, CaseState
from msp.concerns.models import Concern
from msp.demo.scenarios import CASES
from msp.demo.specs import GOOD, POOR
from msp.enquiries.models import (
    AdvocacyAssessment,
    CaseNote,
    ClutterRating,
    DeathRecord,
    Override,
    PlanAction,
    ReferrerEscalation,
)
from msp.practice.guard import findings_for
from msp.practice.models import ClosureFinding

SPECS = {spec.key: spec for spec in CASES}

# Good practice: nothing for the guard to ask, open or closed.
GOOD_PRACTICE = (
    "m1-good-doreen",
    "patrick-earlier",
    "wilfred-again",
    "m2-good-bernadette",
    "m3-good-edna",
    "m3-good-albert-died",
    "m4-good-callum",
    "m5-good-iris",
    "m6-good-maureen",
    "derek-again",
    "m7-good-gladys",
    "m8-good-arthur",
    "m8d-good-nasreen-3",
    "m9-good-beryl",
    "m10-good-winifred",
    "m11-good-agnieszka",
)

# Poor practice: the check ids each scenario's myth predicts (it may show more).
POOR_PRACTICE = {
    "m1-poor-wilfred": {"M1.a", "M1.b", "M1.d", "M1.f", "M6.c"},
    "ayesha-earlier": {"M1.a", "M1.e", "M6.c"},
    "m2-poor-keith": {"M2.a", "M11.a"},
    "m3-poor-harold": {"M3.a", "M1.e"},
    "m4-poor-lorraine": {"M4.a"},
    "m5-poor-stanley": {"M2.a", "M5.a", "M5.b", "M5.c"},
    "m6-poor-derek": {"M6.a", "M6.b", "M6.d"},
    "maureen-earlier": {"M6.b"},
    "m7-poor-terence": {"M7.a", "M7.b"},
    "m8-poor-sandra": {"M8.b", "M8.c"},
    "m8d-poor-kenneth-3": {"M8.d"},
    "m9-poor-norman-1": {"M9.a"},
    # M10 has no case check: the board sees only aggregates (tested in tests/board).
    "m10-poor-cyril": set(),
    "m11-poor-joyce": {"M11.a"},
}

# The legal duties a manager overrode to close each poor case.
OVERRIDDEN = {
    "m1-poor-wilfred": {"M1.a", "M3.b"},  # a crime not yet ruled out
    "ayesha-earlier": {"M1.a", "M1.e"},
    "m2-poor-keith": {"M2.a"},
    "m3-poor-harold": {"M3.a", "M1.e"},
    "m4-poor-lorraine": {"M4.a"},
    "m5-poor-stanley": {"M2.a", "M5.a", "M5.b", "M5.c", "M3.a"},  # a hospital ward
    "m6-poor-derek": {"M1.a", "M1.e"},  # "did not engage" under "other"
    "m9-poor-norman-1": {"M3.a"},  # a home care agency, with no enquiry
    "m10-poor-cyril": {"M3.a"},  # a care home, with no enquiry
}


def case_for(key: str) -> Case:
    return Concern.objects.select_related("case").get(what_happened=SPECS[key].what_happened).case


def check_ids(case: Case, severity: str | None = None) -> set[str]:
    return {f.check_id for f in findings_for(case) if severity in (None, f.severity)}


def test_the_tables_cover_every_myth_handled_well_and_badly():
    for key in GOOD_PRACTICE:
        assert SPECS[key].practice == GOOD, key
    for key in POOR_PRACTICE:
        assert SPECS[key].practice == POOR, key
    myths = {f"M{n}" for n in range(1, 12)}
    assert {SPECS[key].myth for key in GOOD_PRACTICE} == myths
    assert {SPECS[key].myth for key in POOR_PRACTICE} == myths


def test_good_practice_leaves_the_guard_nothing_to_ask(loaded):
    for key in GOOD_PRACTICE:
        case = case_for(key)
        assert check_ids(case) == set(), key
        if case.state == CaseState.CLOSED:
            assert not ClosureFinding.objects.filter(closure__case=case).exists(), key


@pytest.mark.parametrize("key", sorted(POOR_PRACTICE))
def test_poor_practice_shows_what_its_myth_predicts(loaded, key):
    assert POOR_PRACTICE[key] <= check_ids(case_for(key))


def test_the_poor_open_cases_show_their_findings_now(loaded):
    terence, kenneth = case_for("m7-poor-terence"), case_for("m8d-poor-kenneth-3")
    assert terence.state == CaseState.ENQUIRY
    assert check_ids(terence) == {"M7.a", "M7.b"}
    assert kenneth.state == CaseState.TRIAGE
    assert check_ids(kenneth) == {"M8.d"}


def test_poor_closures_carry_a_team_managers_specific_reason(loaded):
    reasons = []
    for key, expected in OVERRIDDEN.items():
        case = case_for(key)
        rows = ClosureFinding.objects.filter(closure__case=case, overridden=True).select_related(
            "overridden_by"
        )
        assert {r.check_id for r in rows} == expected, key
        for row in rows:
            assert row.severity == "DUTY"
            assert row.overridden_by.role == Role.TEAM_MANAGER, key
            assert row.overridden_by.team_id == case.team_id, key
            assert len(row.override_reason.split()) >= 15, (key, row.override_reason)
            reasons.append(row.override_reason)
    assert len(set(reasons)) == len(reasons) == 17


def test_every_closure_went_through_the_gate_honestly(loaded):
    duties = ClosureFinding.objects.filter(severity="DUTY")
    assert not duties.filter(overridden=False).exists()
    overridden_cases = {f.closure.case_id for f in duties.select_related("closure")}
    assert overridden_cases == {case_for(key).pk for key in OVERRIDDEN}


def test_the_board_can_count_duty_overrides_by_myth(loaded):
    overridden = ClosureFinding.objects.filter(severity="DUTY", overridden=True)
    by_myth = Counter(
        check_id.split(".")[0] for check_id in overridden.values_list("check_id", flat=True)
    )
    assert set(by_myth) == {"M1", "M2", "M3", "M4", "M5"}
    assert by_myth["M1"] == 6
    prompts = ClosureFinding.objects.filter(severity="PROMPT", overridden=False)
    assert prompts.count() >= 20


def test_most_everyday_enquiries_have_an_advocacy_assessment_and_close_cleanly(loaded):
    routine = [
        case_for(s.key)
        for s in CASES
        if not s.myth and s.decision is not None and s.decision.makes_enquiry
    ]
    enquiries = [c for c in routine if c.enquiry_type]
    assessed = [c for c in enquiries if AdvocacyAssessment.objects.filter(case=c).exists()]
    assert len(assessed) >= 0.8 * len(enquiries)
    clean = [c for c in enquiries if not check_ids(c)]
    with_prompts = [c for c in enquiries if check_ids(c) and not check_ids(c, "DUTY")]
    assert len(clean) > len(enquiries) / 2
    assert with_prompts, "a realistic few leave a prompt open"


def test_my_cases_shows_a_practitioner_their_overdue_actions(loaded, client_for):
    today = timezone.localdate()
    overdue = [
        a
        for a in PlanAction.objects.filter(due_on__lt=today).select_related("case__lead_worker")
        if a.is_overdue(today) and a.case.state != CaseState.CLOSED
    ]
    assert len({a.case_id for a in overdue}) >= 3
    action = overdue[0]
    page = client_for(action.case.lead_worker).get(reverse("cases:my-cases"))
    html = page.content.decode()
    assert "Overdue plan actions" in html
    assert action.case.reference in html


def test_overrides_are_cosigned_by_the_manager_of_the_cases_team(loaded, client_for):
    overrides = list(Override.objects.select_related("case", "cosigner"))
    for override in overrides:
        assert override.cosigner.role == Role.TEAM_MANAGER
        assert override.cosigner.team_id == override.case.team_id
        assert override.cosigner_id != override.recorded_by_id
    assert any(o.is_cosigned for o in overrides)
    waiting = [o for o in overrides if not o.is_cosigned]
    assert len(waiting) == 1
    lily = waiting[0]
    assert lily.case == case_for("lily-taxi")
    assert check_ids(lily.case, "DUTY") == {"M3.c"}
    html = client_for(lily.cosigner).get(reverse("cases:my-cases")).content.decode()
    assert "Overrides waiting for you to co-sign" in html
    assert lily.case.reference in html


def test_alberts_death_is_on_his_case_and_the_enquiry_went_on(loaded):
    albert = case_for("m3-good-albert-died")
    death = DeathRecord.objects.get()
    assert death.case == albert
    assert albert.person.date_of_death == death.date_of_death
    assert death.others_remain_at_risk == "yes"
    assert death.sar_referred_on is not None
    died = AuditEvent.objects.get(action="death.recorded", case_id=albert.pk).at
    revisited = AuditEvent.objects.filter(action="outcome.revised", case_id=albert.pk).get().at
    assert died < revisited < albert.closed_at


def test_case_notes_hold_the_words_the_guard_looks_for(loaded):
    sandra, derek = case_for("m8-poor-sandra"), case_for("m6-poor-derek")
    assert "investigation" in CaseNote.objects.get(case=sandra).text
    assert "M8.b" in check_ids(sandra)
    assert "lifestyle choice" in CaseNote.objects.get(case=derek).text
    assert "M6.d" in check_ids(derek)
    # Nobody else's notes say "investigation"
    assert not CaseNote.objects.exclude(case=sandra).filter(text__icontains="investigat").exists()


def test_escalations_are_raised_and_one_is_resolved(loaded):
    escalations = ReferrerEscalation.objects.select_related("case")
    resolved = [e for e in escalations if e.resolved_on]
    waiting = [e for e in escalations if not e.resolved_on]
    assert [e.case for e in resolved] == [case_for("valerie-lpa")]
    assert {e.case for e in waiting} == {case_for("m9-poor-norman-2"), case_for("harold-again")}


def test_the_hoarded_house_is_getting_clearer(loaded):
    hall = ClutterRating.objects.filter(case=case_for("m6-good-maureen"), room="Hall and stairs")
    assert list(hall.order_by("rated_on", "id").values_list("rating", flat=True)) == [7, 4]


def test_the_record_is_made_by_demo_users_before_each_closure(loaded):
    actions = (
        "contact.recorded",
        "capacity.assessed",
        "best_interests.decided",
        "advocacy.assessed",
        "risk.assessed",
        "risk_action.recorded",
        "override.recorded",
        "override.cosigned",
        "plan.saved",
        "plan_action.added",
        "plan_action.updated",
        "self_neglect.saved",
        "clutter.rated",
        "feedback.given",
        "escalation.raised",
        "escalation.resolved",
        "death.recorded",
        "involvement.saved",
        "note.added",
    )
    events = AuditEvent.objects.filter(action__in=actions).select_related("user")
    assert {e.action for e in events} == set(actions)
    assert all(e.user.is_demo for e in events)
    for case in Case.objects.filter(state=CaseState.CLOSED):
        last_record = events.filter(case_id=case.pk).order_by("-at").first()
        if last_record is not None:
            assert last_record.at < case.closed_at, case.reference


def test_case_pages_show_the_guards_questions_and_the_managers_reasons(loaded, client_for):
    def page(key: str) -> str:
        case = case_for(key)
        manager = User.objects.get(role=Role.TEAM_MANAGER, team=case.team, is_demo=True)
        return client_for(manager).get(reverse("cases:detail", args=[case.pk])).content.decode()

    terence = page("m7-poor-terence")
    assert "Questions about this case" in terence
    assert "Check M7.a" in terence and "Check M7.b" in terence
    assert "Questions about this case" not in page("m6-good-maureen")
    wilfred = page("m1-poor-wilfred")
    assert "Legal duty M1.a not met" in wilfred
    assert "Closed by agreement of Helen Brightwater" in wilfred
    assert "second signature on cash withdrawals" in wilfred

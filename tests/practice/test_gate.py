"""The closing gate: DUTY findings block closure unless a team manager or
safeguarding lead overrides them with a reason; PROMPT findings never block."""

import pytest
from django.core.exceptions import ValidationError

from msp.audit.models import AuditEvent
from msp.cases.errors import ActionError
from msp.enquiries import actions
from msp.practice.gate import GuardBlocked, check_closure
from msp.practice.guard import closure_findings, findings_for
from msp.practice.models import ClosureFinding
from tests import factories
from tests import record_factories as rf
from tests.factories import CLOSURE, fresh

PROMPTS = {"M2.b", "M7.a", "M8.c", "M9.a"}


@pytest.fixture
def closing(practitioner):
    """A case ready to close except that no advocacy assessment (a legal duty)
    is recorded; several prompts are open too."""
    case = factories.case(practitioner, state="closing", advocacy=False)
    for outcome in case.desired_outcomes.all():
        actions.rate_outcome(
            outcome, by=practitioner, expected_version=outcome.version, achievement="fully"
        )
    return fresh(case)


def close(case, by, duty_overrides=None):
    """Close through the action, which runs the gate and keeps its findings."""
    return actions.close_case(
        case,
        by=by,
        expected_version=fresh(case).version,
        duty_overrides=duty_overrides,
        **CLOSURE,
    )


def test_a_failing_duty_blocks_closure(closing, practitioner):
    with pytest.raises(GuardBlocked) as blocked:
        check_closure(closing, by=practitioner, proposed=CLOSURE, duty_overrides=None)
    assert isinstance(blocked.value, ActionError)
    assert [f.check_id for f in blocked.value.findings] == ["M4.a"]
    assert {f.check_id for f in blocked.value.all_findings} == PROMPTS | {"M4.a"}
    assert "M4.a" in blocked.value.message
    assert "team manager or safeguarding lead" in blocked.value.message


def test_a_manager_overrides_with_a_reason_and_it_is_recorded(closing, practitioner, manager):
    reason = "Advocacy was discussed at every visit with her daughter present; see notes."
    findings = check_closure(closing, by=manager, proposed=CLOSURE, duty_overrides={"M4.a": reason})
    assert {f.check_id for f in findings} == PROMPTS | {"M4.a"}

    closure = close(closing, manager, {"M4.a": reason})
    assert closure.guard_findings.count() == len(findings)
    duty = ClosureFinding.objects.get(closure=closure, check_id="M4.a")
    assert duty.severity == "DUTY" and duty.overridden
    assert duty.override_reason == reason and duty.overridden_by == manager
    prompts = closure.guard_findings.filter(severity="PROMPT")
    assert set(prompts.values_list("check_id", flat=True)) == PROMPTS
    assert not prompts.filter(overridden=True).exists()
    assert all(p.overridden_by is None and p.override_reason == "" for p in prompts)
    # the board counts findings by myth
    assert ClosureFinding.objects.filter(check_id__startswith="M4.").count() == 1

    event = AuditEvent.objects.changes().get(action="closure.guard_findings")
    assert event.case_id == closing.pk and event.user == manager
    assert event.changes["duty_overrides"] == [None, {"M4.a": reason}]
    assert "M4.a DUTY" in event.changes["findings"][1]


def test_a_safeguarding_lead_may_override(closing, lead):
    findings = check_closure(
        closing, by=lead, proposed=CLOSURE, duty_overrides={"M4.a": "Agreed at the risk meeting."}
    )
    assert "M4.a" in {f.check_id for f in findings}


def test_a_practitioner_cannot_override(closing, practitioner):
    with pytest.raises(ValidationError) as refused:
        check_closure(
            closing,
            by=practitioner,
            proposed=CLOSURE,
            duty_overrides={"M4.a": "I think it is fine."},
        )
    assert "team manager or safeguarding lead" in refused.value.message_dict["duty_overrides"][0]


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_override_needs_a_reason(closing, manager, reason):
    with pytest.raises(ValidationError) as refused:
        check_closure(closing, by=manager, proposed=CLOSURE, duty_overrides={"M4.a": reason})
    assert refused.value.message_dict["duty_overrides"] == [
        "Enter why the case can close although M4.a is not met"
    ]


def test_prompts_never_block(closing, practitioner):
    rf.advocacy(closing, practitioner)
    findings = check_closure(closing, by=practitioner, proposed=CLOSURE, duty_overrides=None)
    assert {f.check_id for f in findings} == PROMPTS
    assert all(f.severity == "PROMPT" for f in findings)
    closure = close(closing, practitioner)
    assert closure.guard_findings.count() == len(PROMPTS)
    assert not closure.guard_findings.filter(overridden=True).exists()


def test_overrides_of_checks_that_pass_are_ignored(closing, manager):
    rf.advocacy(closing, manager)
    findings = check_closure(
        closing, by=manager, proposed=CLOSURE, duty_overrides={"M4.a": "", "M2.c": "x"}
    )
    assert "M4.a" not in {f.check_id for f in findings}
    closure = close(closing, manager, {"M4.a": "", "M2.c": "x"})
    assert not closure.guard_findings.filter(overridden=True).exists()


def test_a_manager_still_needs_to_override_every_failing_duty(closing, manager):
    proposed = {**CLOSURE, "reason": "person_declined", "action_result": "ceased"}
    with pytest.raises(GuardBlocked) as blocked:
        check_closure(closing, by=manager, proposed=proposed, duty_overrides={"M4.a": "Discussed."})
    # Declining brings in the M1 duties: coercion considered, risk to others
    assert [f.check_id for f in blocked.value.findings] == ["M1.a", "M1.e"]


def test_the_proposed_closure_is_what_is_judged(closing):
    proposed = {**CLOSURE, "experience_asked": "not_asked"}
    assert "M11.a" in {f.check_id for f in closure_findings(closing, proposed)}
    assert "M11.a" not in {f.check_id for f in closure_findings(closing, CLOSURE)}
    # Without a proposal the closure's answers are unknown
    assert "M11.a" not in {f.check_id for f in findings_for(closing)}


@pytest.mark.parametrize("words", ["NFA", "n/a", "No further action.", "see notes"])
def test_an_override_needs_words_that_give_a_reason(closing, manager, words):
    with pytest.raises(ValidationError) as refused:
        check_closure(closing, by=manager, proposed=CLOSURE, duty_overrides={"M4.a": words})
    assert "not a reason" in str(refused.value)


def test_the_words_refused_are_the_guard_settings_list(closing, manager):
    from msp.practice.models import GuardConfig

    GuardConfig(placeholder_phrases="as agreed").save()
    with pytest.raises(ValidationError):
        check_closure(closing, by=manager, proposed=CLOSURE, duty_overrides={"M4.a": "As agreed"})
    findings = check_closure(closing, by=manager, proposed=CLOSURE, duty_overrides={"M4.a": "NFA"})
    assert "M4.a" in {f.check_id for f in findings}

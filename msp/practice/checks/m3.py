"""M3: "If we follow the person's wish not to act, the abuser will go on to
abuse others."

These apply whenever the facts that trigger them are on the record, at any
stage: a duty to protect others does not wait for the enquiry.
"""

from msp.practice.checks.base import blank, check, day, fail, listed, no_reason
from msp.practice.checks.text import override_statements, police_not_wanted_statements, said_in
from msp.practice.checks.triggers import (
    CRIME_MAY_HAVE_BEEN_COMMITTED,
    PERSON_DIED,
    SOURCE_MAY_HARM_OTHERS,
)
from msp.practice.config import Config
from msp.practice.findings import DUTY, PROMPT, Finding, Fix
from msp.practice.snapshot import CaseSnapshot, OverrideFacts

REALITY = (
    "Making Safeguarding Personal stops abuse and neglect, it does not excuse it. The "
    "duties of care and the public interest mean anyone who may harm others is dealt "
    "with, even when the person, or their family, does not want action. An enquiry can "
    "carry on after the person has died if others may be at risk."
)

# Actions that reach the source of risk's employer, regulator or the police.
PROTECTIVE_KINDS = frozenset({"pipot", "employer", "regulator", "police"})


@check(
    "M3.a",
    severity=DUTY,
    stage="enquiry",
    question=(
        "The source of risk is in a position of trust or in contact with others at risk: "
        "who has been told?"
    ),
    reality=REALITY,
    principles=("Protection", "Prevention", "Accountability"),
    fix=Fix("enquiries:risk-action-new", "#kind"),
    applies_when=(SOURCE_MAY_HARM_OTHERS,),
)
def others_protected(s: CaseSnapshot, config: Config) -> Finding | None:
    """Triggered, at any stage and also after the person has died, when the
    source of risk is or may be in a position of trust or in contact with
    others at risk: the concern names a service provider or a shared setting
    (care home, hospital, community service), or the risk assessment says so
    or does not yet know. Passes with a PiPoT, employer, regulator or police
    action, whatever the person's wishes."""
    if any(a.kind in PROTECTIVE_KINDS for a in s.risk_actions):
        return None
    return fail(
        "M3.a",
        "No report to the employer, the regulator or the police, and no person in a "
        "position of trust (PiPoT) referral, is recorded.",
    )


@check(
    "M3.b",
    severity=DUTY,
    stage="enquiry",
    question="A crime may have been committed: was it reported to the police, and why?",
    reality=REALITY,
    principles=("Protection", "Accountability"),
    fix=Fix("enquiries:risk", "#police_decision"),
    applies_when=(CRIME_MAY_HAVE_BEEN_COMMITTED,),
)
def police_decision(s: CaseSnapshot, config: Config) -> Finding | None:
    """Where the risk assessment says a crime may have been committed (yes or
    not yet known), the decision about the police and its reason are both
    recorded."""
    assert s.risk is not None
    if blank(s.risk.police_decision):
        return fail("M3.b", "The decision about involving the police is not recorded.")
    if no_reason(s.risk.police_decision_reason, config):
        return fail("M3.b", "The reason for the decision about the police is not recorded.")
    return None


def override_gaps(o: OverrideFacts, config: Config | None = None) -> list[str]:
    gaps = []
    if no_reason(o.legal_basis, config):
        gaps.append("the lawful basis")
    if blank(o.decided_by):
        gaps.append("who decided")
    if no_reason(o.rationale, config):
        gaps.append("why")
    if o.person_told is None:
        gaps.append("whether the person was told")
    elif o.person_told and o.person_told_on is None:
        gaps.append("when the person was told")
    elif not o.person_told and no_reason(o.not_told_reason, config):
        gaps.append("why the person was not told")
    if not o.cosigned:
        gaps.append("a manager's co-signature")
    return gaps


@check(
    "M3.c",
    severity=DUTY,
    stage="enquiry",
    question=(
        "Where someone's wishes were overridden, is the lawful basis, the decision-maker, "
        "the reason and what the person was told all recorded?"
    ),
    reality=REALITY,
    principles=("Accountability", "Proportionality"),
    fix=Fix("cases:section-capacity", "#overrides"),
)
def overrides_accountable(s: CaseSnapshot, config: Config) -> Finding | None:
    """Every override records its lawful basis, who decided, the rationale,
    whether the person was told (and when, or why not), and is co-signed by a
    manager. Worker text that says we acted against the person's or family's
    wishes (reported, referred, shared ...) needs an override record."""
    problems: list[str] = []
    if not s.overrides:
        problems.extend(
            f"{said_in(st)}, but no record of acting against someone's wishes is kept "
            "with its lawful basis."
            for st in override_statements(s)[:2]
        )
        if s.risk is not None and s.risk.police_decision == "reported":
            problems.extend(
                f"The police were told, but {said_in(st)[0].lower()}{said_in(st)[1:]}, and "
                "no record of acting against their wishes is kept with its lawful basis."
                for st in police_not_wanted_statements(s)[:1]
            )
    for o in s.overrides:
        gaps = override_gaps(o, config)
        if gaps:
            problems.append(f"The override of {day(o.decided_on)} lacks {listed(gaps)}.")
    if not problems:
        return None
    return fail("M3.c", " ".join(problems))


@check(
    "M3.d",
    severity=PROMPT,
    stage="enquiry",
    question=(
        "The person has died: could others still be at risk, and are the Safeguarding "
        "Adults Review criteria met?"
    ),
    reality=REALITY,
    principles=("Protection", "Prevention", "Accountability"),
    fix=Fix("enquiries:death", "#others_remain_at_risk"),
    applies_when=(PERSON_DIED,),
)
def death_considered(s: CaseSnapshot, config: Config) -> Finding | None:
    """Triggered by a death record, a date of death on the person, or a
    closure because the person died. Passes when the death record answers
    whether others remain at risk and whether the review criteria may be met,
    and says how the criteria were considered."""
    if s.death is None:
        return fail("M3.d", "The person's death is not recorded on the case.")
    gaps = []
    if blank(s.death.others_remain_at_risk):
        gaps.append("whether others remain at risk")
    if blank(s.death.sar_criteria_may_be_met) or no_reason(s.death.sar_considerations, config):
        gaps.append("how the Safeguarding Adults Review criteria were considered")
    if not gaps:
        return None
    return fail("M3.d", f"The death record does not say {' or '.join(gaps)}.")

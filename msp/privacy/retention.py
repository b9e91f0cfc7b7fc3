"""Applying the retention schedule: what is due today, and erasing it.

``plan(today)`` reads and changes nothing; ``apply(plan)`` erases what the plan
found due, each record in its own transaction, and writes a tombstone for
each. Running again erases nothing more: erased records have tombstones."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases.models import Case, CaseState
from msp.enquiries.models.episode import Enquiry
from msp.enquiries.models.plan import ActionStatus
from msp.privacy import actions
from msp.privacy.models import RecordType, RetentionRule
from msp.privacy.schedule import CaseFacts, case_clock_starts, due_on


@dataclass(frozen=True)
class Item:
    """One record: a case (by reference) or a person (by number, never a name)."""

    pk: int
    label: str
    closed_at: datetime.datetime | None = None
    why_kept: str = ""


@dataclass
class RulePlan:
    rule: RetentionRule
    due: list[Item] = field(default_factory=list)
    kept: list[Item] = field(default_factory=list)


@dataclass
class Plan:
    today: datetime.date
    rules: list[RulePlan]

    def for_type(self, record_type: str) -> RulePlan | None:
        return next((r for r in self.rules if r.rule.record_type == record_type), None)


@dataclass
class Applied:
    cases: int = 0
    people: int = 0
    skipped: list[str] = field(default_factory=list)


def _local_day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def plan(today: datetime.date) -> Plan:
    rules = {r.record_type: RulePlan(r) for r in RetentionRule.objects.all()}
    cases = (
        Case.objects.filter(state=CaseState.CLOSED)
        .exclude(pk__in=actions.erased_cases())
        .annotate(
            last_decided=Max("decisions__decided_at"),
            # Any enquiry ever, not only the current one: a case reopened and
            # closed without a new enquiry still had one.
            ever_enquired=Exists(Enquiry.objects.filter(case_id=OuterRef("pk"))),
            not_done=Count(
                "plan_actions",
                filter=Q(
                    plan_actions__status__in=(ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
                ),
                distinct=True,
            ),
        )
        .order_by("closed_at", "pk")
    )
    due_now: dict[int, int] = {}  # case id -> person id
    for case in cases:
        facts = CaseFacts(
            closed=True,
            had_enquiry=bool(case.ever_enquired),
            closed_on=_local_day(case.closed_at),
            last_decided_on=_local_day(case.last_decided),
            actions_not_done=case.not_done,
        )
        kind = (
            RecordType.CASE_WITH_ENQUIRY if facts.had_enquiry else RecordType.CASE_WITHOUT_ENQUIRY
        )
        rule_plan = rules.get(kind)
        if rule_plan is None or not rule_plan.rule.active:
            continue
        rule = rule_plan.rule
        item = Item(case.pk, case.reference, case.closed_at)
        start = case_clock_starts(facts)
        if start is None:
            if (
                due_on(
                    facts.closed_on or today, keep_years=rule.keep_years, keep_days=rule.keep_days
                )
                <= today
            ):
                rule_plan.kept.append(
                    Item(case.pk, case.reference, why_kept="a plan action is not done")
                )
            continue
        if due_on(start, keep_years=rule.keep_years, keep_days=rule.keep_days) <= today:
            rule_plan.due.append(item)
            due_now[case.pk] = case.person_id
    people = rules.get(RecordType.PERSON_WITHOUT_CASES)
    if people is not None and people.rule.active:
        people.due = _people_due(people.rule, today, due_now)
    return Plan(today=today, rules=list(rules.values()))


def _people_due(rule: RetentionRule, today: datetime.date, due_now: dict[int, int]) -> list[Item]:
    """People every one of whose cases is erased, or due to be in this run,
    once the rule's time since the last erasure has passed. An erasure dated
    after ``today`` (replaying an earlier day) counts as done on ``today``."""
    erased_on = {
        case_id: min(timezone.localdate(at), today)
        for case_id, at in AuditEvent.objects.filter(
            action=actions.ERASED_ACTION, object_type="cases.case"
        ).values_list("case_id", "at")
    }
    erased = set(erased_on)
    touched = set(due_now.values()) | set(
        Case.objects.filter(pk__in=actions.erased_cases()).values_list("person_id", flat=True)
    )
    touched -= actions.erased_person_ids()
    by_person: dict[int, list[int]] = {}
    for person_id, case_id in Case.objects.filter(person_id__in=touched).values_list(
        "person_id", "pk"
    ):
        by_person.setdefault(person_id, []).append(case_id)
    due = []
    for person_id, case_ids in sorted(by_person.items()):
        if not all(c in erased or c in due_now for c in case_ids):
            continue
        last = max(today if c in due_now else erased_on.get(c, today) for c in case_ids)
        if due_on(last, keep_years=rule.keep_years, keep_days=rule.keep_days) <= today:
            due.append(Item(person_id, f"Person {person_id}"))
    return due


def apply(planned: Plan) -> Applied:
    applied = Applied()
    for rule_plan in planned.rules:
        if rule_plan.rule.record_type == RecordType.PERSON_WITHOUT_CASES:
            continue
        for item in rule_plan.due:
            try:
                actions.erase_case(item.pk, rule=rule_plan.rule, closed_at=item.closed_at)
                applied.cases += 1
            except actions.NotErasable:
                applied.skipped.append(f"{item.label} changed since the plan: kept")
    people = planned.for_type(RecordType.PERSON_WITHOUT_CASES)
    if people is None:
        return applied
    for item in people.due:
        try:
            actions.erase_person(item.pk, rule=people.rule)
            applied.people += 1
        except actions.NotErasable:
            applied.skipped.append(f"{item.label}: a case is not erased: kept")
    return applied

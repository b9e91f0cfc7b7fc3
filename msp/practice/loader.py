"""Build a ``CaseSnapshot`` from the database in a fixed number of queries.

One query for the case with its person and its one-to-one records
(``select_related``), then one query per list of records. Rows are read with
``values()``: only the columns the checks need, and no model instances.
"""

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import (
    Aggregate,
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    F,
    JSONField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    TextField,
)
from django.db.models.functions import JSONObject
from django.utils import timezone

from msp.cases.models import Case
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    Closure,
    ClutterRating,
    Contact,
    DesiredOutcome,
    OutcomeRevision,
    Override,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    Restriction,
    RiskToOthersAction,
)
from msp.letters.models import Letter
from msp.practice.config import Config
from msp.practice.snapshot import (
    STATE_CLOSING,
    AdvocacyFacts,
    BestInterestsFacts,
    CapacityFacts,
    CaseFacts,
    CaseSnapshot,
    ClosureFacts,
    ClutterFacts,
    ConcernFacts,
    Consultee,
    ContactFacts,
    DeathFacts,
    DecisionFacts,
    EscalationFacts,
    FeedbackFacts,
    InvolvementFacts,
    LetterFacts,
    NoteFacts,
    OutcomeFacts,
    OverrideFacts,
    PersonFacts,
    PlanActionFacts,
    PlanFacts,
    ProposedClosure,
    RestrictionFacts,
    RiskActionFacts,
    RiskFacts,
    SelfNeglectFacts,
)

# The outcome survey's questions about the person's experience of safeguarding.
EXPERIENCE_QUESTIONS = (4, 5, 6, 7)

ONE_TO_ONE = ("risk_assessment", "safeguarding_plan", "self_neglect", "death", "involvement")


def _day(value: datetime.datetime | datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def _one_to_one(case: Case, name: str) -> Any:
    """The related record, or None. select_related has cached it either way."""
    try:
        return getattr(case, name)
    except ObjectDoesNotExist:
        return None


def _pick(cls: type, row: Any, fields: Iterable[str], **extra: Any) -> Any:
    return cls(**{f: getattr(row, f) for f in fields}, **extra)


def load_snapshot(
    case: Case,
    proposed_closure: ProposedClosure | None = None,
    *,
    config: Config | None = None,
) -> CaseSnapshot:
    """Read ``case`` afresh and return what the checks need. ``config`` sets
    the repeat-concern window; without it the deployment's settings are read
    (one more query)."""
    return load_case(case.pk, proposed_closure, config=config).snapshot


@dataclass(frozen=True)
class LoadedOutcome:
    """A desired outcome with its revisions, oldest first."""

    outcome: DesiredOutcome
    revisions: list[OutcomeRevision]


@dataclass(frozen=True)
class LoadedCase:
    """The case read once: the rows a page shows and the guard's snapshot built
    from the same rows. The record's lists that only the guard reads come as
    facts, not model instances."""

    case: Case  # with person, team, lead worker and the one-to-one records
    concerns: list[Concern]
    decision: Section42Decision | None  # the latest
    outcomes: list[LoadedOutcome]
    closure: Closure | None  # the latest, with its guard findings
    snapshot: CaseSnapshot


class _JSONRows(Aggregate):
    """The group's rows as one JSON array (text), so that a list of records
    comes back inside the case's own row instead of costing a query each."""

    function = "JSON_GROUP_ARRAY"
    output_field = TextField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            function="JSON_AGG",
            template="%(function)s(%(expressions)s)::text",
        )


# attribute on the snapshot: (model, columns read, order)
LISTS: dict[str, tuple[type[Model], tuple[str, ...], tuple[str, ...]]] = {
    "capacity_assessments": (
        CapacityAssessment,
        tuple(CapacityFacts.__dataclass_fields__),
        ("assessed_on", "id"),
    ),
    "best_interests": (
        BestInterestsDecision,
        (
            "id",
            "capacity_assessment_id",
            "past_wishes",
            "present_wishes",
            "consulted",
            "decided_on",
            "decision_maker",
        ),
        ("decided_on", "id"),
    ),
    "restrictions": (
        Restriction,
        tuple(RestrictionFacts.__dataclass_fields__),
        ("decided_on", "id"),
    ),
    "advocacy": (
        AdvocacyAssessment,
        tuple(AdvocacyFacts.__dataclass_fields__),
        ("assessed_on", "id"),
    ),
    "contacts": (Contact, tuple(ContactFacts.__dataclass_fields__), ("contacted_on", "id")),
    "risk_actions": (RiskToOthersAction, ("id", "kind", "done_on"), ("done_on", "id")),
    "overrides": (
        Override,
        (*(set(OverrideFacts.__dataclass_fields__) - {"cosigned"}), "cosigned_at"),
        ("decided_on", "id"),
    ),
    "plan_actions": (PlanAction, ("id", "owner_kind", "status", "due_on"), ("due_on", "id")),
    "clutter_ratings": (
        ClutterRating,
        ("id", "room", "rating", "rated_on"),
        ("rated_on", "room", "id"),
    ),
    "feedback": (
        ReferrerFeedback,
        ("id", "concern_id", "given_on", "what_was_said"),
        ("given_on", "id"),
    ),
    "escalations": (ReferrerEscalation, ("id", "raised_on", "resolved_on"), ("raised_on", "id")),
    "notes": (CaseNote, ("id", "recorded_at", "text"), ("recorded_at", "id")),
    # Letters are worker text too: the wording check reads drafts and sent ones.
    "letters": (Letter, ("id", "drafted_at", "text", "status"), ("drafted_at", "id")),
}


def _rows_subquery(model: type[Model], columns: Iterable[str]) -> Subquery:
    rows = (
        model._default_manager.filter(case_id=OuterRef("pk"))
        .values("case_id")
        .annotate(rows=_JSONRows(JSONObject(**{c: F(c) for c in columns})))
        .values("rows")
    )
    return Subquery(rows, output_field=TextField())


def _python(field: Any, value: Any) -> Any:
    """A value from a JSON row as the model field would give it."""
    if value is None:
        return None
    if isinstance(field, JSONField):
        return json.loads(value) if isinstance(value, str) else value
    if isinstance(field, DateTimeField):
        moment = field.to_python(value)
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        return moment
    if isinstance(field, BooleanField):
        return bool(value)
    return field.to_python(value)


def _rows(model: type[Model], raw: Any, order: tuple[str, ...]) -> list[dict[str, Any]]:
    if raw is None:
        return []
    parsed = json.loads(raw) if isinstance(raw, str) else raw
    rows = []
    for item in parsed:
        row = {}
        for name, value in item.items():
            field = model._meta.get_field(
                name.removesuffix("_id") if name.endswith("_id") else name
            )
            if name.endswith("_id") and name != "id":
                row[name] = None if value is None else int(value)
            else:
                row[name] = _python(field, value)
        rows.append(row)
    return sorted(rows, key=lambda r: tuple(r[k] for k in order))


def _without(row: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in names}


def load_case(
    pk: int,
    proposed_closure: ProposedClosure | None = None,
    *,
    config: Config | None = None,
) -> LoadedCase:
    """Read the case once, in a fixed number of queries whatever its size:
    the case with its person, one-to-one records and every list of records
    the guard reads (one query), its concerns, latest decision, desired
    outcomes with their revisions, and its latest closure if it has one."""
    if config is None:
        from msp.practice.models import GuardConfig

        config = GuardConfig.current()
    others = (
        Concern.objects.filter(case__person_id=OuterRef("person_id"))
        .exclude(case_id=OuterRef("pk"))
        .values("case__person_id")
        .annotate(rows=_JSONRows(JSONObject(raised_on=F("raised_on"))))
        .values("rows")
    )
    c = (
        Case.objects.select_related("person", "team", "lead_worker", *ONE_TO_ONE)
        .annotate(
            has_closure=Exists(Closure.objects.filter(case_id=OuterRef("pk"))),
            other_concerns=Subquery(others, output_field=TextField()),
            **{
                f"rows_{name}": _rows_subquery(model, columns)
                for name, (model, columns, _order) in LISTS.items()
            },
        )
        .get(pk=pk)
    )
    lists = {
        name: _rows(model, getattr(c, f"rows_{name}"), order)
        for name, (model, _columns, order) in LISTS.items()
    }

    concern_rows = list(c.concerns.select_related("raised_by").order_by("raised_on", "id"))
    concerns = tuple(
        ConcernFacts(
            id=r.pk,
            raised_on=r.raised_on,
            raised_via=r.raised_via,
            abuse_types=tuple(r.abuse_types or ()),
            sources_of_risk=tuple(r.sources_of_risk or ()),
            referrer_anonymous=r.referrer_anonymous,
            referrer_confidential=r.referrer_confidential,
            referrer_name=r.referrer_name,
            referrer_job_title=r.referrer_job_title,
            referrer_organisation=r.referrer_organisation,
            person_aware=r.person_aware,
            what_happened=r.what_happened,
            location_of_risk=r.location_of_risk,
            person_wishes=r.person_wishes,
        )
        for r in concern_rows
    )
    window_end = max((x.raised_on for x in concerns), default=_day(c.opened_at))
    window_start = window_end - datetime.timedelta(days=config.repeat_window_days)
    other_concern_dates = tuple(
        sorted(
            day
            for r in _rows(Concern, c.other_concerns, ("raised_on",))
            if window_start <= (day := r["raised_on"]) <= window_end
        )
    )

    decision_row = (
        Section42Decision.objects.filter(case_id=pk)
        .select_related("decided_by")
        .order_by("-decided_at", "-id")
        .first()
    )
    decision = None
    if decision_row is not None:
        decision = DecisionFacts(
            result=decision_row.result,
            proportionate_response=decision_row.proportionate_response,
            response_details=decision_row.response_details,
            care_and_support_needs_evidence=decision_row.care_and_support_needs_evidence,
            experiencing_or_at_risk_evidence=decision_row.experiencing_or_at_risk_evidence,
            unable_to_protect_self_evidence=decision_row.unable_to_protect_self_evidence,
            decided_on=_day(decision_row.decided_at),
        )

    loaded: dict[int, LoadedOutcome] = {}
    for rev in (
        OutcomeRevision.objects.filter(outcome__case_id=pk)
        .select_related("outcome", "recorded_by")
        .order_by("outcome__created_at", "outcome_id", "number")
    ):
        if rev.outcome_id not in loaded:
            loaded[rev.outcome_id] = LoadedOutcome(rev.outcome, [])
        loaded[rev.outcome_id].revisions.append(rev)
    outcome_rows = list(loaded.values())
    outcomes = tuple(
        OutcomeFacts(
            id=o.outcome.pk,
            text=o.revisions[-1].text,
            whose_words=o.revisions[-1].whose_words,
            representative_name=o.revisions[-1].representative_name,
            revision_count=len(o.revisions),
            achievement=o.outcome.achievement,
            person_view=o.outcome.person_view,
        )
        for o in outcome_rows
    )

    closure_row = None
    latest_closure = None
    if c.has_closure:
        from msp.practice.models import ClosureFinding

        closure_row = (
            Closure.objects.filter(case_id=pk)
            .select_related("closed_by")
            .prefetch_related(
                Prefetch(
                    "guard_findings",
                    queryset=ClosureFinding.objects.select_related("overridden_by"),
                )
            )
            .annotate(
                experience_answers=Count(
                    "surveys__answers",
                    filter=Q(surveys__answers__question__number__in=EXPERIENCE_QUESTIONS),
                )
            )
            .order_by("-closed_at", "-id")
            .first()
        )
    if closure_row is not None:
        latest_closure = ClosureFacts(
            reason=closure_row.reason,
            reason_details=closure_row.reason_details,
            action_result=closure_row.action_result,
            risk_outcome=closure_row.risk_outcome,
            msp_asked=closure_row.msp_asked,
            lacked_capacity=closure_row.lacked_capacity,
            capacity_support=closure_row.capacity_support,
            open_door=closure_row.open_door,
            experience_asked=closure_row.experience_asked,
            experience_answered=closure_row.experience_answers > 0,
            closed_on=_day(closure_row.closed_at),
        )

    if proposed_closure is None and c.state == STATE_CLOSING:
        # A closure the guard refused keeps the checks that depend on it showing.
        from msp.practice.models import RefusedClosure

        refused = (
            RefusedClosure.objects.filter(case_id=pk, case_version=c.version)
            .values_list("values", flat=True)
            .first()
        )
        if refused is not None:
            proposed_closure = ProposedClosure.from_values(refused)

    risk = _one_to_one(c, "risk_assessment")
    plan = _one_to_one(c, "safeguarding_plan")
    self_neglect = _one_to_one(c, "self_neglect")
    death = _one_to_one(c, "death")
    involvement = _one_to_one(c, "involvement")

    snapshot = CaseSnapshot(
        case=CaseFacts(
            id=pk,
            state=c.state,
            enquiry_type=c.enquiry_type,
            opened_on=_day(c.opened_at),
            enquiry_started_on=_day(c.enquiry_started_at) if c.enquiry_started_at else None,
            team_id=c.team_id,
        ),
        person=PersonFacts(age=c.person.age, date_of_death=c.person.date_of_death),
        concerns=concerns,
        decision=decision,
        outcomes=outcomes,
        latest_closure=latest_closure,
        proposed_closure=proposed_closure,
        capacity_assessments=tuple(CapacityFacts(**r) for r in lists["capacity_assessments"]),
        best_interests=tuple(
            BestInterestsFacts(**_without(r, "consulted"), consulted=_consultees(r["consulted"]))
            for r in lists["best_interests"]
        ),
        restrictions=tuple(RestrictionFacts(**r) for r in lists["restrictions"]),
        advocacy=tuple(AdvocacyFacts(**r) for r in lists["advocacy"]),
        contacts=tuple(
            ContactFacts(
                **_without(r, "coercion_indicators"),
                coercion_indicators=tuple(r["coercion_indicators"] or ()),
            )
            for r in lists["contacts"]
        ),
        risk=None if risk is None else _pick(RiskFacts, risk, RiskFacts.__dataclass_fields__),
        risk_actions=tuple(RiskActionFacts(**_without(r, "id")) for r in lists["risk_actions"]),
        overrides=tuple(
            OverrideFacts(**_without(r, "cosigned_at"), cosigned=r["cosigned_at"] is not None)
            for r in lists["overrides"]
        ),
        plan=None if plan is None else _pick(PlanFacts, plan, PlanFacts.__dataclass_fields__),
        plan_actions=tuple(PlanActionFacts(**_without(r, "due_on")) for r in lists["plan_actions"]),
        self_neglect=(
            None
            if self_neglect is None
            else _pick(SelfNeglectFacts, self_neglect, SelfNeglectFacts.__dataclass_fields__)
        ),
        clutter_ratings=tuple(ClutterFacts(**_without(r, "id")) for r in lists["clutter_ratings"]),
        feedback=tuple(FeedbackFacts(**_without(r, "id")) for r in lists["feedback"]),
        escalations=tuple(EscalationFacts(**_without(r, "id")) for r in lists["escalations"]),
        death=None if death is None else _pick(DeathFacts, death, DeathFacts.__dataclass_fields__),
        involvement=(
            InvolvementFacts()
            if involvement is None
            else _pick(
                InvolvementFacts,
                involvement,
                set(InvolvementFacts.__dataclass_fields__) - {"referrer_part"},
                referrer_part=tuple(involvement.referrer_part or ()),
            )
        ),
        notes=tuple(
            NoteFacts(recorded_on=_day(r["recorded_at"]), text=r["text"]) for r in lists["notes"]
        ),
        letters=tuple(
            LetterFacts(text=r["text"], sent=r["status"] == "sent") for r in lists["letters"]
        ),
        other_concern_dates=other_concern_dates,
    )
    return LoadedCase(
        case=c,
        concerns=concern_rows,
        decision=decision_row,
        outcomes=outcome_rows,
        closure=closure_row,
        snapshot=snapshot,
    )


def _consultees(raw: Any) -> tuple[Consultee, ...]:
    """Consultees from the JSON list, skipping entries without a name."""
    people: list[Consultee] = []
    for item in raw or ():
        if isinstance(item, dict) and str(item.get("name") or "").strip():
            people.append(Consultee(name=str(item["name"]), role=str(item.get("role") or "")))
    return tuple(people)

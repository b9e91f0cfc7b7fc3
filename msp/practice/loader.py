"""Build a ``CaseSnapshot`` from the database in a fixed number of queries.

One query for the case with its person and its one-to-one records
(``select_related``), then one query per list of records. Rows are read with
``values()``: only the columns the checks need, and no model instances.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery, Value
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
    if config is None:
        from msp.practice.models import GuardConfig

        config = GuardConfig.current()
    c = Case.objects.select_related("person", *ONE_TO_ONE).get(pk=case.pk)
    pk = c.pk

    concerns = tuple(
        ConcernFacts(
            id=r["id"],
            raised_on=r["raised_on"],
            raised_via=r["raised_via"],
            abuse_types=tuple(r["abuse_types"] or ()),
            sources_of_risk=tuple(r["sources_of_risk"] or ()),
            referrer_anonymous=r["referrer_anonymous"],
            referrer_confidential=r["referrer_confidential"],
            referrer_name=r["referrer_name"],
            referrer_job_title=r["referrer_job_title"],
            referrer_organisation=r["referrer_organisation"],
            person_aware=r["person_aware"],
            what_happened=r["what_happened"],
            location_of_risk=r["location_of_risk"],
        )
        for r in Concern.objects.filter(case_id=pk)
        .order_by("raised_on", "id")
        .values(
            "id",
            "raised_on",
            "raised_via",
            "abuse_types",
            "sources_of_risk",
            "referrer_anonymous",
            "referrer_confidential",
            "referrer_name",
            "referrer_job_title",
            "referrer_organisation",
            "person_aware",
            "what_happened",
            "location_of_risk",
        )
    )
    window_end = max((x.raised_on for x in concerns), default=_day(c.opened_at))
    window_start = window_end - datetime.timedelta(days=config.repeat_window_days)
    other_concern_dates = tuple(
        Concern.objects.filter(
            case__person_id=c.person_id, raised_on__gte=window_start, raised_on__lte=window_end
        )
        .exclude(case_id=pk)
        .order_by("raised_on")
        .values_list("raised_on", flat=True)
    )

    decision_row = (
        Section42Decision.objects.filter(case_id=pk)
        .order_by("-decided_at", "-id")
        .values(
            "result",
            "proportionate_response",
            "response_details",
            "care_and_support_needs_evidence",
            "experiencing_or_at_risk_evidence",
            "unable_to_protect_self_evidence",
            "decided_at",
        )
        .first()
    )
    decision = None
    if decision_row is not None:
        decision = DecisionFacts(
            result=decision_row["result"],
            proportionate_response=decision_row["proportionate_response"],
            response_details=decision_row["response_details"],
            care_and_support_needs_evidence=decision_row["care_and_support_needs_evidence"],
            experiencing_or_at_risk_evidence=decision_row["experiencing_or_at_risk_evidence"],
            unable_to_protect_self_evidence=decision_row["unable_to_protect_self_evidence"],
            decided_on=_day(decision_row["decided_at"]),
        )

    current = OutcomeRevision.objects.filter(outcome=OuterRef("pk")).order_by("-number")
    outcomes = tuple(
        OutcomeFacts(
            id=r["id"],
            text=r["cur_text"] or "",
            whose_words=r["cur_whose"] or "",
            representative_name=r["cur_rep"] or "",
            revision_count=r["revision_count"],
            achievement=r["achievement"],
            person_view=r["person_view"],
        )
        for r in DesiredOutcome.objects.filter(case_id=pk)
        .annotate(
            revision_count=Count("revisions"),
            cur_text=Subquery(current.values("text")[:1]),
            cur_whose=Subquery(current.values("whose_words")[:1]),
            cur_rep=Subquery(current.values("representative_name")[:1]),
        )
        .order_by("created_at", "id")
        .values(
            "id",
            "achievement",
            "person_view",
            "revision_count",
            "cur_text",
            "cur_whose",
            "cur_rep",
        )
    )

    closure_row = (
        Closure.objects.filter(case_id=pk)
        .annotate(
            experience_answers=Count(
                "surveys__answers",
                filter=Q(surveys__answers__question__number__in=EXPERIENCE_QUESTIONS),
            )
        )
        .order_by("-closed_at", "-id")
        .values(
            "reason",
            "reason_details",
            "action_result",
            "risk_outcome",
            "msp_asked",
            "lacked_capacity",
            "capacity_support",
            "open_door",
            "experience_asked",
            "experience_answers",
            "closed_at",
        )
        .first()
    )
    latest_closure = None
    if closure_row is not None:
        latest_closure = ClosureFacts(
            reason=closure_row["reason"],
            reason_details=closure_row["reason_details"],
            action_result=closure_row["action_result"],
            risk_outcome=closure_row["risk_outcome"],
            msp_asked=closure_row["msp_asked"],
            lacked_capacity=closure_row["lacked_capacity"],
            capacity_support=closure_row["capacity_support"],
            open_door=closure_row["open_door"],
            experience_asked=closure_row["experience_asked"],
            experience_answered=closure_row["experience_answers"] > 0,
            closed_on=_day(closure_row["closed_at"]),
        )

    capacity = tuple(
        CapacityFacts(**r)
        for r in CapacityAssessment.objects.filter(case_id=pk)
        .order_by("assessed_on", "id")
        .values(
            "id",
            "decision",
            "assessed_on",
            "understand",
            "understand_evidence",
            "retain",
            "retain_evidence",
            "use_or_weigh",
            "use_or_weigh_evidence",
            "communicate",
            "communicate_evidence",
            "impairment",
            "impairment_evidence",
            "executive_function",
        )
    )

    best_interests = tuple(
        BestInterestsFacts(
            id=r["id"],
            capacity_assessment_id=r["capacity_assessment_id"],
            past_wishes=r["past_wishes"],
            present_wishes=r["present_wishes"],
            consulted=_consultees(r["consulted"]),
            decided_on=r["decided_on"],
            decision_maker=r["decision_maker"],
        )
        for r in BestInterestsDecision.objects.filter(case_id=pk)
        .order_by("decided_on", "id")
        .values(
            "id",
            "capacity_assessment_id",
            "past_wishes",
            "present_wishes",
            "consulted",
            "decided_on",
            "decision_maker",
        )
    )

    restrictions = tuple(
        RestrictionFacts(**r)
        for r in Restriction.objects.filter(case_id=pk)
        .order_by("decided_on", "id")
        .values(
            "id",
            "kind",
            "what",
            "decided_by",
            "decided_on",
            "basis",
            "basis_details",
            "capacity_assessment_id",
            "best_interests_decision_id",
            "review_on",
        )
    )

    advocacy = tuple(
        AdvocacyFacts(**r)
        for r in AdvocacyAssessment.objects.filter(case_id=pk)
        .order_by("assessed_on", "id")
        .values(
            "id",
            "assessed_on",
            "difficulty_understanding",
            "difficulty_retaining",
            "difficulty_using_or_weighing",
            "difficulty_communicating",
            "appropriate_individual",
            "individual_implicated",
            "result",
            "advocate_name",
            "reason",
        )
    )

    contacts = tuple(
        ContactFacts(
            id=r["id"],
            contacted_on=r["contacted_on"],
            method=r["method"],
            outcome=r["outcome"],
            who_was_present=r["who_was_present"],
            seen_alone=r["seen_alone"],
            coercion_indicators=tuple(r["coercion_indicators"] or ()),
            coercion_conclusion=r["coercion_conclusion"],
            notes=r["notes"],
        )
        for r in Contact.objects.filter(case_id=pk)
        .order_by("contacted_on", "id")
        .values(
            "id",
            "contacted_on",
            "method",
            "outcome",
            "who_was_present",
            "seen_alone",
            "coercion_indicators",
            "coercion_conclusion",
            "notes",
        )
    )

    risk_actions = tuple(
        RiskActionFacts(**r)
        for r in RiskToOthersAction.objects.filter(case_id=pk)
        .order_by("done_on", "id")
        .values("kind", "done_on")
    )

    overrides = tuple(
        OverrideFacts(
            id=r["id"],
            kind=r["kind"],
            legal_basis=r["legal_basis"],
            rationale=r["rationale"],
            decided_by=r["decided_by"],
            decided_on=r["decided_on"],
            person_told=r["person_told"],
            person_told_on=r["person_told_on"],
            not_told_reason=r["not_told_reason"],
            cosigned=r["cosigned_at"] is not None,
        )
        for r in Override.objects.filter(case_id=pk)
        .order_by("decided_on", "id")
        .values(
            "id",
            "kind",
            "legal_basis",
            "rationale",
            "decided_by",
            "decided_on",
            "person_told",
            "person_told_on",
            "not_told_reason",
            "cosigned_at",
        )
    )

    plan_actions = tuple(
        PlanActionFacts(**r)
        for r in PlanAction.objects.filter(case_id=pk)
        .order_by("due_on", "id")
        .values("id", "owner_kind", "status")
    )

    clutter = tuple(
        ClutterFacts(**r)
        for r in ClutterRating.objects.filter(case_id=pk)
        .order_by("rated_on", "room", "id")
        .values("room", "rating", "rated_on")
    )

    feedback = tuple(
        FeedbackFacts(**r)
        for r in ReferrerFeedback.objects.filter(case_id=pk)
        .order_by("given_on", "id")
        .values("concern_id", "given_on", "what_was_said")
    )

    escalations = tuple(
        EscalationFacts(**r)
        for r in ReferrerEscalation.objects.filter(case_id=pk)
        .order_by("raised_on", "id")
        .values("raised_on", "resolved_on")
    )

    # Notes and letters are both worker text: one query (UNION ALL) reads both.
    note_rows = (
        CaseNote.objects.filter(case_id=pk)
        .order_by()
        .annotate(source=Value("note", output_field=CharField()))
    )
    letter_rows = Letter.objects.filter(case_id=pk).order_by().annotate(source=F("status"))
    written = sorted(
        note_rows.values_list("recorded_at", "id", "text", "source").union(
            letter_rows.values_list("drafted_at", "id", "text", "source"), all=True
        ),
        key=lambda r: (r[3] != "note", r[0], r[1]),
    )
    notes = tuple(
        NoteFacts(recorded_on=_day(at), text=text) for at, _, text, src in written if src == "note"
    )
    letters = tuple(
        LetterFacts(text=text, sent=src == "sent") for _, _, text, src in written if src != "note"
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

    return CaseSnapshot(
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
        capacity_assessments=capacity,
        best_interests=best_interests,
        restrictions=restrictions,
        advocacy=advocacy,
        contacts=contacts,
        risk=None if risk is None else _pick(RiskFacts, risk, RiskFacts.__dataclass_fields__),
        risk_actions=risk_actions,
        overrides=overrides,
        plan=None if plan is None else _pick(PlanFacts, plan, PlanFacts.__dataclass_fields__),
        plan_actions=plan_actions,
        self_neglect=(
            None
            if self_neglect is None
            else _pick(SelfNeglectFacts, self_neglect, SelfNeglectFacts.__dataclass_fields__)
        ),
        clutter_ratings=clutter,
        feedback=feedback,
        escalations=escalations,
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
        notes=notes,
        letters=letters,
        other_concern_dates=other_concern_dates,
    )


def _consultees(raw: Any) -> tuple[Consultee, ...]:
    """Consultees from the JSON list, skipping entries without a name."""
    people: list[Consultee] = []
    for item in raw or ():
        if isinstance(item, dict) and str(item.get("name") or "").strip():
            people.append(Consultee(name=str(item["name"]), role=str(item.get("role") or "")))
    return tuple(people)

"""Model instances to response schemas. No access checks here: callers fetch
records through msp.accounts.access first."""

from typing import Any, cast

from django.db.models import Prefetch, TextChoices, prefetch_related_objects

from msp.accounts.access import (
    can_allocate,
    can_change_case,
    can_see_confidential_referrer,
    why_not_record_decision,
)
from msp.accounts.models import Team, User
from msp.api.schemas.cases import (
    ActionName,
    CaseDetail,
    CaseSummary,
    ChronologyDetail,
    ChronologyEntry,
    ClosureOut,
    ConcernOut,
    DecisionOut,
    OutcomeOut,
    RevisionOut,
)
from msp.api.schemas.common import TeamRef, UserRef
from msp.api.schemas.findings import FindingOut
from msp.api.schemas.people import PersonOut, PersonSummary
from msp.cases.chronology import Entry
from msp.cases.models import Case, CaseState, EnquiryType
from msp.cases.workflow import TRANSITIONS, allowed
from msp.concerns.codes import (
    AbuseType,
    DecisionResult,
    LocationOfRisk,
    ProportionateResponse,
    RaisedVia,
    SourceOfRisk,
    YesNoUnknown,
)
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.codes import (
    Achievement,
    ActionResult,
    ClosureReason,
    ExperienceAsked,
    LackedCapacity,
    MspAsked,
    RiskOutcome,
    WhoseWords,
)
from msp.enquiries.models import Closure, DesiredOutcome, OutcomeRevision
from msp.people.codes import Ethnicity, Gender, PrimarySupportReason
from msp.people.models import Person
from msp.practice.findings import Finding
from msp.practice.guard import findings_for

CASE_RELATED = ("person", "team", "lead_worker")


def user_ref(user: User | None) -> UserRef | None:
    return None if user is None else UserRef(id=user.pk, name=user.display_name)


def _user(user: User) -> UserRef:
    return UserRef(id=user.pk, name=user.display_name)


def team_ref(team: Team | None) -> TeamRef | None:
    return None if team is None else TeamRef(id=team.pk, name=team.name)


def person_summary(person: Person) -> PersonSummary:
    return PersonSummary(**_summary_fields(person))


def _summary_fields(person: Person) -> dict[str, Any]:
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "preferred_name": person.preferred_name,
        "date_of_birth": person.date_of_birth,
        "date_of_birth_estimated": person.date_of_birth_estimated,
        "age": person.age,
        "nhs_number": person.nhs_number,
        "safe_to_phone": person.safe_to_phone,
        "safe_to_write": person.safe_to_write,
        "safe_to_leave_message": person.safe_to_leave_message,
        "do_not_tell": person.do_not_tell,
        "contact_warnings": person.contact_warnings,
        "communication_needs": person.communication_needs,
    }


def person_out(person: Person) -> PersonOut:
    return PersonOut(
        **_summary_fields(person),
        given_name=person.given_name,
        family_name=person.family_name,
        date_of_death=person.date_of_death,
        address=person.address,
        postcode=person.postcode,
        phone=person.phone,
        email=person.email,
        gender=Gender(person.gender),
        ethnicity=Ethnicity(person.ethnicity),
        primary_support_reason=PrimarySupportReason(person.primary_support_reason),
        team=team_ref(person.team),
        created_at=person.created_at,
        version=person.version,
    )


def _case_fields(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "reference": case.reference,
        "state": CaseState(case.state),
        "state_label": case.get_state_display(),
        "enquiry_type": EnquiryType(case.enquiry_type) if case.enquiry_type else None,
        "person": person_summary(case.person),
        "team": TeamRef(id=case.team.pk, name=case.team.name),
        "lead_worker": user_ref(case.lead_worker),
        "opened_at": case.opened_at,
        "closed_at": case.closed_at,
        "version": case.version,
    }


def case_summary(case: Case) -> CaseSummary:
    return CaseSummary(**_case_fields(case))


CONFIDENTIAL_REFERRER = "Confidential (a team manager or safeguarding lead can see who raised it)"


def concern_out(concern: Concern, *, sees_referrer: bool = True) -> ConcernOut:
    """``sees_referrer``: whether the caller may see a confidential referrer's
    identity (``access.can_see_confidential_referrer``); if not, it is left out."""
    hide = concern.referrer_confidential and not sees_referrer
    out = ConcernOut(
        id=concern.pk,
        raised_on=concern.raised_on,
        received_at=concern.received_at,
        raised_via=RaisedVia(concern.raised_via),
        raised_by=user_ref(concern.raised_by),
        referrer_anonymous=concern.referrer_anonymous,
        referrer_confidential=concern.referrer_confidential,
        referrer=concern.referrer_display,
        referrer_name=concern.referrer_name,
        referrer_job_title=concern.referrer_job_title,
        referrer_organisation=concern.referrer_organisation,
        referrer_contact=concern.referrer_contact,
        referrer_relationship=concern.referrer_relationship,
        what_happened=concern.what_happened,
        abuse_types=[AbuseType(code) for code in concern.abuse_types],
        location_of_risk=LocationOfRisk(concern.location_of_risk),
        sources_of_risk=[SourceOfRisk(code) for code in concern.sources_of_risk],
        immediate_safety_actions=concern.immediate_safety_actions,
        person_aware=YesNoUnknown(concern.person_aware),
        person_wishes=concern.person_wishes,
    )
    if hide:
        out.referrer = CONFIDENTIAL_REFERRER
        for name in ("name", "job_title", "organisation", "contact", "relationship"):
            setattr(out, f"referrer_{name}", "")
    return out


def decision_out(decision: Section42Decision) -> DecisionOut:
    response = decision.proportionate_response
    return DecisionOut(
        id=decision.pk,
        has_care_and_support_needs=YesNoUnknown(decision.has_care_and_support_needs),
        care_and_support_needs_evidence=decision.care_and_support_needs_evidence,
        experiencing_or_at_risk=YesNoUnknown(decision.experiencing_or_at_risk),
        experiencing_or_at_risk_evidence=decision.experiencing_or_at_risk_evidence,
        unable_to_protect_self=YesNoUnknown(decision.unable_to_protect_self),
        unable_to_protect_self_evidence=decision.unable_to_protect_self_evidence,
        result=DecisionResult(decision.result),
        proportionate_response=ProportionateResponse(response) if response else None,
        response_details=decision.response_details,
        decided_at=decision.decided_at,
        decided_by=_user(decision.decided_by),
    )


def revision_out(revision: OutcomeRevision) -> RevisionOut:
    return RevisionOut(
        number=revision.number,
        text=revision.text,
        whose_words=WhoseWords(revision.whose_words),
        whose_words_display=revision.whose_words_display,
        representative_name=revision.representative_name,
        representative_relationship=revision.representative_relationship,
        reason=revision.reason,
        recorded_at=revision.recorded_at,
        recorded_by=_user(revision.recorded_by),
    )


REVISIONS = Prefetch("revisions", queryset=OutcomeRevision.objects.select_related("recorded_by"))


def outcome_out(outcome: DesiredOutcome, *, case_version: int) -> OutcomeOut:
    prefetch_related_objects([outcome], REVISIONS, "rated_by")
    revisions = list(outcome.revisions.all())
    return OutcomeOut(
        id=outcome.pk,
        case_id=outcome.case_id,
        case_version=case_version,
        current=revision_out(outcome.current),
        revision_count=len(revisions),
        achievement=Achievement(outcome.achievement) if outcome.achievement else None,
        person_view=outcome.person_view,
        rated_at=outcome.rated_at,
        rated_by=user_ref(outcome.rated_by),
        version=outcome.version,
    )


def _code[C: TextChoices](kind: type[C], value: str) -> C | None:
    return kind(value) if value else None


def closure_out(closure: Closure) -> ClosureOut:
    return ClosureOut(
        id=closure.pk,
        closed_at=closure.closed_at,
        closed_by=_user(closure.closed_by),
        reason=ClosureReason(closure.reason),
        reason_details=closure.reason_details,
        action_result=_code(ActionResult, closure.action_result),
        risk_outcome=_code(RiskOutcome, closure.risk_outcome),
        msp_asked=_code(MspAsked, closure.msp_asked),
        experience_asked=_code(ExperienceAsked, closure.experience_asked),
        lacked_capacity=_code(LackedCapacity, closure.lacked_capacity),
        capacity_support=closure.capacity_support,
    )


def case_outcomes(case: Case) -> list[OutcomeOut]:
    outcomes = case.desired_outcomes.select_related("rated_by").prefetch_related(REVISIONS)
    return [outcome_out(o, case_version=case.version) for o in outcomes]


def allowed_actions(case: Case, user: User) -> list[ActionName]:
    if not can_change_case(user, case):
        return []
    refused = set()
    if why_not_record_decision(user, case):
        refused.add("record_decision")
    if not can_allocate(user, case):
        refused.add("allocate")
    return [
        cast(ActionName, name)
        for name in TRANSITIONS
        if allowed(case, name) and name not in refused
    ]


def finding_out(finding: Finding, case_pk: int) -> FindingOut:
    return FindingOut(
        check_id=finding.check_id,
        severity=finding.severity,
        stage=finding.stage,
        question=finding.question,
        missing=finding.missing,
        reality=finding.reality,
        principles=list(finding.principles),
        fix_url=finding.fix.url(case_pk),
    )


def case_findings(case: Case) -> list[FindingOut]:
    """The guard's open findings on the case as it stands (a fixed number of
    queries, however much is recorded)."""
    return [finding_out(f, case.pk) for f in findings_for(case)]


def case_detail(case: Case, user: User) -> CaseDetail:
    concerns = case.concerns.select_related("raised_by")
    decisions = case.decisions.select_related("decided_by")
    closures = case.closures.select_related("closed_by")
    return CaseDetail(
        **_case_fields(case),
        enquiry_started_at=case.enquiry_started_at,
        concerns=[
            concern_out(c, sees_referrer=can_see_confidential_referrer(user)) for c in concerns
        ],
        decisions=[decision_out(d) for d in decisions],
        desired_outcomes=case_outcomes(case),
        closures=[closure_out(c) for c in closures],
        can_change=can_change_case(user, case),
        allowed_actions=allowed_actions(case, user),
        findings=case_findings(case),
    )


def chronology_entry(entry: Entry) -> ChronologyEntry:
    return ChronologyEntry(
        at=entry.at,
        action=entry.action,
        title=entry.title,
        by=entry.by,
        details=[ChronologyDetail(label=label, value=value) for label, value in entry.details],
        reason=entry.reason,
    )

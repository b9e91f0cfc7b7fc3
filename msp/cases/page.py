"""What the case page shows, gathered in a fixed number of queries, whatever
the number of records on the case."""

import datetime
import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from msp.accounts.access import (
    can_change_case,
    can_see_confidential_referrer,
    why_not_record_decision,
)
from msp.accounts.models import User
from msp.cases.models import Case, CaseState
from msp.cases.revision import version_of
from msp.cases.workflow import STATE_HELP, TRANSITIONS, allowed
from msp.concerns.codes import AbuseType, DecisionResult, LocationOfRisk, SourceOfRisk
from msp.concerns.models import Concern, Section42Decision
from msp.concerns.rules import CRITERIA
from msp.enquiries.codes import Achievement, ActionResult, LackedCapacity, MspAsked
from msp.enquiries.models import (
    AdvocacyAssessment,
    BestInterestsDecision,
    CapacityAssessment,
    CaseNote,
    Closure,
    ClutterRating,
    Contact,
    DeathRecord,
    DesiredOutcome,
    Involvement,
    OutcomeRevision,
    Override,
    PlanAction,
    ReferrerEscalation,
    ReferrerFeedback,
    Restriction,
    RiskAssessment,
    RiskToOthersAction,
    SafeguardingPlan,
    SelfNeglectRecord,
)
from msp.enquiries.models.advocacy import AdvocacyResult
from msp.enquiries.models.best_interests import ConsulteeRole
from msp.enquiries.models.contacts import CoercionIndicator
from msp.enquiries.models.involvement import PersonTold, ReferrerPart
from msp.practice.findings import DUTY, STAGES, Finding, Stage
from msp.practice.guard import evaluate
from msp.practice.loader import load_case
from msp.practice.models import GuardConfig
from msp.words import plain, plain_list

Rows = list[tuple[str, str]]

CRITERIA_QUESTIONS = {
    "has_care_and_support_needs": "Does the person have needs for care and support?",
    "experiencing_or_at_risk": "Is the person experiencing, or at risk of, abuse or neglect?",
    "unable_to_protect_self": (
        "As a result of those needs, is the person unable to protect themselves from the "
        "abuse or neglect, or the risk of it?"
    ),
}


def _date(value: Any) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def _filled(rows: Rows) -> Rows:
    return [(k, v) for k, v in rows if v]


def concern_rows(concern: Concern, *, sees_referrer: bool = True) -> Rows:
    """``sees_referrer``: whether the user may see a confidential referrer's
    identity (``access.can_see_confidential_referrer``)."""
    referrer = concern.referrer_display
    if referrer == "Not recorded" and concern.raised_by is not None:
        referrer = concern.raised_by.display_name
    if concern.referrer_confidential and not concern.referrer_anonymous and not sees_referrer:
        referrer = "Confidential (a team manager or safeguarding lead can see who raised it)"
    elif concern.referrer_confidential:
        referrer += " (confidential: do not share who raised it)"
    rows = [
        ("Date raised", _date(concern.raised_on)),
        ("Raised by", f"{concern.get_raised_via_display()}: {referrer}"),
        ("What happened", concern.what_happened),
        ("Types of abuse or neglect", plain_list(AbuseType, concern.abuse_types)),
        ("Where it happened", plain(LocationOfRisk, concern.location_of_risk)),
        ("Source of risk", plain_list(SourceOfRisk, concern.sources_of_risk)),
        ("Immediate actions to keep the person safe", concern.immediate_safety_actions),
        ("Does the person know about the concern?", concern.get_person_aware_display()),
        ("What the person wants to happen", concern.person_wishes),
    ]
    return _filled(rows)


def decision_rows(decision: Section42Decision) -> Rows:
    rows: Rows = []
    for answer, evidence, _label in CRITERIA:
        display = getattr(decision, f"get_{answer}_display")()
        rows.append((CRITERIA_QUESTIONS[answer], f"{display}\n{getattr(decision, evidence)}"))
    rows.append(("What happens next", decision.get_result_display()))
    if decision.result == DecisionResult.NONE:
        rows.append(("Proportionate response", decision.get_proportionate_response_display()))
        rows.append(("Details", decision.response_details))
    rows.append(("Decided", f"{_date(decision.decided_at)} by {decision.decided_by.display_name}"))
    return rows


def closure_rows(closure: Closure) -> Rows:
    support = {True: "Yes", False: "No", None: ""}[closure.capacity_support]
    rows = [
        ("Why the case closed", closure.get_reason_display()),
        ("Details", closure.reason_details),
        ("What the enquiry found", plain(ActionResult, closure.action_result)),
        ("Risk outcome", closure.get_risk_outcome_display()),
        ("Was the person asked what outcomes they wanted?", plain(MspAsked, closure.msp_asked)),
        (
            "Was the person asked about their experience of safeguarding?",
            closure.get_experience_asked_display(),
        ),
        ("Did the person lack capacity?", plain(LackedCapacity, closure.lacked_capacity)),
        ("Supported by an advocate, family member or friend", support),
        ("How the person can come back to us", closure.open_door),
        ("Closed", f"{_date(closure.closed_at)} by {closure.closed_by.display_name}"),
    ]
    for finding in closure.guard_findings.all():
        if finding.overridden and finding.overridden_by is not None:
            rows.append(
                (
                    f"Legal duty {finding.check_id} not met",
                    f"Closed by agreement of {finding.overridden_by.display_name}: "
                    f"{finding.override_reason}",
                )
            )
    return _filled(rows)


# --- The record kept during the case ------------------------------------------------


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    hidden: str = ""  # visually hidden words that say what the link is about


@dataclass(frozen=True)
class Tag:
    label: str
    colour: str = ""


@dataclass
class Card:
    """One record, shown as a GOV.UK summary card."""

    title: str
    rows: Rows
    tag: Tag | None = None
    links: list[Link] = field(default_factory=list)
    button: Link | None = None  # a POST, such as co-signing


@dataclass
class Section:
    id: str  # the anchor the practice guard's fixes link to
    title: str
    cards: list[Card]
    empty: str
    links: list[Link] = field(default_factory=list)


def _by(name: str, day: Any) -> str:
    return f"{_date(day)} by {name}" if name else _date(day)


def _yes_no(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: ""}[value]


ABILITY_ROWS = (
    ("understand", "Understanding the information"),
    ("retain", "Retaining it"),
    ("use_or_weigh", "Using or weighing it"),
    ("communicate", "Communicating the decision"),
)


def capacity_outcome(assessment: CapacityAssessment) -> str:
    if assessment.lacks_capacity:
        return "Lacks capacity for this decision"
    return "Has capacity for this decision"


def capacity_card(a: CapacityAssessment) -> Card:
    rows: Rows = [
        ("Outcome", capacity_outcome(a)),
        ("Assessed", _by(a.assessor_name, a.assessed_on)),
        ("What was done to help the person decide", a.support_given),
    ]
    for part, label in ABILITY_ROWS:
        able = "Able" if getattr(a, part) == "able" else "Not able"
        rows.append((label, f"{able}: {getattr(a, f'{part}_evidence')}"))
    rows += [
        (
            "Impairment of, or disturbance in the functioning of, the mind or brain",
            a.get_impairment_display(),
        ),
        ("Evidence the inability is because of it", a.impairment_evidence),
        ("Can the person carry out what they decide?", a.executive_function),
        ("Reassess on", _date(a.reassess_on)),
    ]
    return Card(f"Capacity to decide: {a.decision}", _filled(rows))


def _consulted(decision: BestInterestsDecision) -> str:
    roles = dict(ConsulteeRole.choices)
    return "\n".join(
        f"{c.get('name', '')} ({roles.get(c.get('role', ''), c.get('role', ''))}): "
        f"{c.get('views', '')}"
        for c in decision.consulted
    )


def restriction_card(r: Restriction) -> Card:
    basis = r.get_basis_display()
    if r.basis_details:
        basis += f"\n{r.basis_details}"
    rows: Rows = [
        ("What was restricted or decided", r.what),
        ("Decided", _by(r.decided_by, r.decided_on)),
        ("On what basis", basis),
        (
            "Capacity assessment",
            f"Capacity to decide: {r.capacity_assessment.decision}"
            if r.capacity_assessment
            else "",
        ),
        (
            "Best-interests decision",
            r.best_interests_decision.decision if r.best_interests_decision else "",
        ),
        ("Review on", _date(r.review_on)),
    ]
    return Card(r.get_kind_display(), _filled(rows))


def best_interests_card(d: BestInterestsDecision) -> Card:
    assessment = d.capacity_assessment
    rows: Rows = [
        ("Capacity assessment", f"Capacity to decide: {assessment.decision}" if assessment else ""),
        ("The person's past wishes and feelings", d.past_wishes),
        ("The person's present wishes and feelings", d.present_wishes),
        ("Beliefs and values", d.beliefs_and_values),
        ("Who was consulted", _consulted(d)),
        ("Less restrictive options considered", d.less_restrictive_options),
        ("What was decided", d.outcome),
        ("Why", d.reasons),
        ("Decided", _by(d.decision_maker, d.decided_on)),
    ]
    return Card(f"Best-interests decision: {d.decision}", _filled(rows))


DIFFICULTY_WORDS = {
    "difficulty_understanding": "understanding the information",
    "difficulty_retaining": "retaining it",
    "difficulty_using_or_weighing": "using or weighing it",
    "difficulty_communicating": "communicating their views, wishes and feelings",
}


def advocacy_card(a: AdvocacyAssessment) -> Card:
    difficulties = [words for name, words in DIFFICULTY_WORDS.items() if getattr(a, name)]
    person = a.get_appropriate_individual_display()
    if a.appropriate_individual_name:
        person += f": {a.appropriate_individual_name}"
    if a.individual_implicated:
        person += " (implicated in the abuse or neglect)"
    rows: Rows = [
        (
            "Substantial difficulty with",
            "; ".join(difficulties).capitalize() if difficulties else "None",
        ),
        ("An appropriate person to support them", person),
        ("Result", a.get_result_display()),
        ("Advocate", a.advocate_name),
        ("Advocate arranged on", _date(a.advocate_arranged_on)),
        ("Why no advocate", a.reason),
        ("IMCA", a.imca_details if a.imca_instructed else ""),
    ]
    tag = None
    if a.result == AdvocacyResult.ADVOCATE_ARRANGED:
        tag = Tag("Advocate arranged", "govuk-tag--green")
    return Card(f"Advocacy assessment, {_date(a.assessed_on)}", _filled(rows), tag)


def contact_card(c: Contact) -> Card:
    rows: Rows = [
        ("What happened", c.get_outcome_display()),
        ("Who was there", c.who_was_present),
        ("Seen or spoken to alone", c.get_seen_alone_display()),
        ("Signs of coercion or control", plain_list(CoercionIndicator, c.coercion_indicators)),
        ("What was concluded about coercion or control", c.coercion_conclusion),
        ("Notes", c.notes),
    ]
    return Card(f"{_date(c.contacted_on)}: {c.get_method_display()}", _filled(rows))


def risk_card(r: RiskAssessment) -> Card:
    rows: Rows = [
        ("Risk to the person", r.risk_to_person),
        ("Other adults at risk", r.get_other_adults_at_risk_display()),
        ("Children at risk", r.get_children_at_risk_display()),
        ("The public at risk", r.get_public_at_risk_display()),
        ("Risk to others", r.risk_to_others),
        ("Is the source of risk in a position of trust?", r.get_source_trust_role_display()),
        (
            "Does the source of risk have contact with other adults at risk or children?",
            r.get_source_has_contact_with_others_at_risk_display(),
        ),
        ("May a crime have been committed?", r.get_crime_may_have_been_committed_display()),
        ("Police", r.get_police_decision_display()),
        ("Why the police were or were not told", r.police_decision_reason),
    ]
    return Card("Risk assessment", _filled(rows))


def risk_action_card(a: RiskToOthersAction) -> Card:
    rows: Rows = [("Details", a.details), ("Done", _by(a.done_by, a.done_on))]
    return Card(str(a.get_kind_display()), _filled(rows))


def override_card(o: Override, *, user: User, can_cosign: bool) -> Card:
    told = ""
    if o.person_told is True:
        told = f"Yes, on {_date(o.person_told_on)}"
    elif o.person_told is False:
        told = f"No: {o.not_told_reason}"
    if o.is_cosigned:
        cosigned = f"Co-signed by {o.cosigner.display_name} on {_date(o.cosigned_at)}"
        tag = Tag("Co-signed", "govuk-tag--green")
    else:
        cosigned = f"Waiting for {o.cosigner.display_name} to co-sign"
        tag = Tag("Not co-signed", "govuk-tag--yellow")
    rows: Rows = [
        ("Ground", o.get_ground_display()),
        ("Legal basis", o.legal_basis),
        ("Why", o.rationale),
        ("Decided", _by(o.decided_by, o.decided_on)),
        ("Advice from", o.advised_by),
        ("What was shared", o.shared_what),
        ("Who it was shared with", o.shared_with),
        ("Shared on", _date(o.shared_on)),
        ("Was the person told?", told),
        ("Co-signature", cosigned),
    ]
    button = None
    if can_cosign and not o.is_cosigned and o.cosigner_id == user.pk:
        button = Link(
            "Co-sign this decision", reverse("enquiries:override-cosign", args=[o.pk]), str(o)
        )
    return Card(str(o.get_kind_display()), _filled(rows), tag, button=button)


def plan_card(p: SafeguardingPlan) -> Card:
    rows: Rows = [
        ("How the person was involved", p.person_involvement),
        ("The pace they chose", p.pace),
        ("Next review", _date(p.next_review_on)),
    ]
    return Card("The plan", _filled(rows))


def plan_action_card(
    a: PlanAction,
    *,
    number: int,
    outcome_numbers: dict[int, int],
    today: datetime.date,
    can_add: bool,
) -> Card:
    overdue = a.is_overdue(today)
    outcome = outcome_numbers.get(a.outcome_id or 0)
    rows: Rows = [
        ("What will be done", a.description),
        ("Who", f"{a.owner_name} ({a.get_owner_kind_display().lower()})"),
        ("Due", _date(a.due_on)),
        ("How it is going", a.get_status_display()),
        ("Helps with", f"Desired outcome {outcome}" if outcome else ""),
    ]
    tag = Tag("Overdue", "govuk-tag--red") if overdue else None
    links = []
    if can_add:
        url = reverse("enquiries:plan-action-edit", args=[a.pk])
        links.append(Link("Change", url, f" plan action {number}"))
    return Card(f"Plan action {number}", _filled(rows), tag, links)


def self_neglect_card(s: SelfNeglectRecord) -> Card:
    rows: Rows = [
        ("The person's background and history", s.background_and_history),
        ("Someone the person trusts", s.trusted_person),
    ]
    return Card("Background and history", _filled(rows))


def clutter_card(ratings: list[ClutterRating]) -> Card:
    rows: Rows = [(f"{r.room}, {_date(r.rated_on)}", f"{r.rating} out of 9") for r in ratings]
    return Card("Clutter image ratings", rows)


def feedback_card(f: ReferrerFeedback) -> Card:
    rows: Rows = [
        ("About", f"The concern raised on {_date(f.concern.raised_on)}"),
        ("What they were told", f.what_was_said),
        ("Less was shared because the person did not consent", _yes_no(f.limited_by_consent)),
    ]
    return Card(f"Feedback, {_date(f.given_on)}", _filled(rows))


def escalation_card(e: ReferrerEscalation, *, can_add: bool) -> Card:
    rows: Rows = [
        ("What they said", e.details),
        ("How it was resolved", e.resolution),
        ("Resolved on", _date(e.resolved_on)),
    ]
    links = []
    if e.resolved_on:
        tag = Tag("Resolved", "govuk-tag--green")
    else:
        tag = Tag("Not resolved", "govuk-tag--yellow")
        if can_add:
            url = reverse("enquiries:escalation-resolve", args=[e.pk])
            links.append(
                Link("Record how it was resolved", url, f" (escalation of {_date(e.raised_on)})")
            )
    return Card(f"Escalation, {_date(e.raised_on)}", _filled(rows), tag, links)


def death_card(d: DeathRecord) -> Card:
    rows: Rows = [
        ("Date of death", _date(d.date_of_death)),
        ("Do other people remain at risk?", d.get_others_remain_at_risk_display()),
        (
            "May the criteria for a Safeguarding Adults Review be met?",
            d.get_sar_criteria_may_be_met_display(),
        ),
        ("How the review criteria were considered", d.sar_considerations),
        ("Referred to the board on", _date(d.sar_referred_on)),
    ]
    return Card("The person has died", _filled(rows))


def involvement_card(i: Involvement) -> Card:
    told = i.get_person_told_display()
    if i.person_told == PersonTold.NO_RISK and i.not_told_reason:
        told += f"\n{i.not_told_reason}"
    rows: Rows = [
        ("Does the person know a concern was raised, and why?", told),
        ("How the person took part", i.person_involvement),
        ("Why the person has not been asked what they want", i.outcomes_not_asked_reason),
        ("Options explained to the person", i.options_explained),
        ("Why the person does not want support", i.reasons_for_declining),
        (
            "The part played by the person who raised the concern",
            plain_list(ReferrerPart, i.referrer_part),
        ),
        ("More about their part", i.referrer_part_details),
        ("Review of the pattern of concerns", i.pattern_review),
    ]
    return Card("How the person took part", _filled(rows))


def note_card(n: CaseNote) -> Card:
    return Card(f"{_date(n.recorded_at)}, {n.recorded_by.display_name}", [("Note", n.text)])


def _one(case: Case, name: str) -> Any:
    try:
        return getattr(case, name)
    except ObjectDoesNotExist:
        return None


def _link(can_add: bool, label: str, url_name: str, case: Case) -> list[Link]:
    return [Link(label, reverse(url_name, args=[case.pk]))] if can_add else []


def _add_or_change(
    can_add: bool, record: Any, add: str, change: str, url_name: str, case: Case
) -> list[Link]:
    return _link(can_add, change if record is not None else add, url_name, case)


def _capacity_sections(case: Case, user: User, can_add: bool) -> list[Section]:
    capacity = list(CapacityAssessment.objects.filter(case=case))
    best_interests = list(
        BestInterestsDecision.objects.filter(case=case).select_related("capacity_assessment")
    )
    restrictions = list(
        Restriction.objects.filter(case=case).select_related(
            "capacity_assessment", "best_interests_decision"
        )
    )
    advocacy = list(AdvocacyAssessment.objects.filter(case=case))
    overrides = list(Override.objects.filter(case=case).select_related("cosigner"))
    return [
        Section(
            "capacity",
            "Mental capacity",
            [capacity_card(a) for a in capacity],
            "No capacity assessment recorded. Assume the person has capacity unless an "
            "assessment of a specific decision shows otherwise.",
            _link(can_add, "Record a capacity assessment", "enquiries:capacity-new", case),
        ),
        Section(
            "best-interests",
            "Best-interests decisions",
            [best_interests_card(d) for d in best_interests],
            "No best-interests decision recorded.",
            _link(
                can_add, "Record a best-interests decision", "enquiries:best-interests-new", case
            ),
        ),
        Section(
            "restrictions",
            "Restrictions and decisions made for the person",
            [restriction_card(r) for r in restrictions],
            "No restriction or decision made for the person recorded.",
            _link(
                can_add,
                "Record a restriction or decision made for the person",
                "enquiries:restriction-new",
                case,
            ),
        ),
        Section(
            "advocacy",
            "Advocacy",
            [advocacy_card(a) for a in advocacy],
            "No advocacy assessment recorded.",
            _link(can_add, "Record an advocacy assessment", "enquiries:advocacy-new", case),
        ),
        Section(
            "overrides",
            "Decisions against someone's wishes",
            [override_card(o, user=user, can_cosign=can_add) for o in overrides],
            "No decision against the person's or family's wishes recorded.",
            _link(
                can_add,
                "Record a decision against someone's wishes",
                "enquiries:override-new",
                case,
            ),
        ),
    ]


def _contact_sections(case: Case, user: User, can_add: bool) -> list[Section]:
    ones = Case.objects.select_related(
        "risk_assessment", "self_neglect", "death", "involvement"
    ).get(pk=case.pk)
    risk: RiskAssessment | None = _one(ones, "risk_assessment")
    self_neglect: SelfNeglectRecord | None = _one(ones, "self_neglect")
    death: DeathRecord | None = _one(ones, "death")
    involvement: Involvement | None = _one(ones, "involvement")
    contacts = list(Contact.objects.filter(case=case))
    risk_actions = list(RiskToOthersAction.objects.filter(case=case))
    clutter = list(ClutterRating.objects.filter(case=case))
    feedback = list(ReferrerFeedback.objects.filter(case=case).select_related("concern"))
    escalations = list(ReferrerEscalation.objects.filter(case=case))
    notes = list(CaseNote.objects.filter(case=case).select_related("recorded_by"))
    sections = [
        Section(
            "contacts",
            "Contact with the person",
            [contact_card(c) for c in contacts],
            "No contact with the person recorded.",
            _link(can_add, "Record a contact", "enquiries:contact-new", case),
        ),
        Section(
            "involvement",
            "How the person took part",
            [involvement_card(involvement)] if involvement else [],
            "Not recorded yet.",
            _add_or_change(
                can_add,
                involvement,
                "Record how the person took part",
                "Change how the person took part",
                "enquiries:involvement",
                case,
            ),
        ),
        Section(
            "risk",
            "Risk",
            ([risk_card(risk)] if risk else []) + [risk_action_card(a) for a in risk_actions],
            "No risk assessment recorded.",
            _add_or_change(
                can_add,
                risk,
                "Assess the risk",
                "Change the risk assessment",
                "enquiries:risk",
                case,
            )
            + _link(
                can_add, "Record an action to protect others", "enquiries:risk-action-new", case
            ),
        ),
        Section(
            "self-neglect",
            "Self-neglect",
            ([self_neglect_card(self_neglect)] if self_neglect else [])
            + ([clutter_card(clutter)] if clutter else []),
            "No self-neglect background or clutter ratings recorded.",
            _add_or_change(
                can_add,
                self_neglect,
                "Record background and history",
                "Change background and history",
                "enquiries:self-neglect",
                case,
            )
            + _link(can_add, "Add a clutter rating", "enquiries:clutter-new", case),
        ),
        Section(
            "referrer",
            "The person who raised the concern",
            [feedback_card(f) for f in feedback]
            + [escalation_card(e, can_add=can_add) for e in escalations],
            "No feedback or escalation recorded.",
            _link(can_add, "Record feedback given to them", "enquiries:feedback-new", case)
            + _link(can_add, "Record an escalation", "enquiries:escalation-new", case),
        ),
        Section(
            "death",
            "The person's death",
            [death_card(death)] if death else [],
            "No death recorded.",
            _add_or_change(
                can_add,
                death,
                "Record that the person has died",
                "Change the record of the person's death",
                "enquiries:death",
                case,
            ),
        ),
        Section(
            "notes",
            "Case notes",
            [note_card(n) for n in notes],
            "No case notes.",
            _link(can_add, "Add a case note", "enquiries:note-new", case),
        ),
    ]
    return sections


def _plan_sections(case: Case, user: User, can_add: bool) -> list[Section]:
    plan = SafeguardingPlan.objects.filter(case=case).first()
    plan_actions = list(PlanAction.objects.filter(case=case))
    outcome_ids = DesiredOutcome.objects.filter(case=case).values_list("pk", flat=True)
    outcome_numbers = {pk: n for n, pk in enumerate(outcome_ids, start=1)}
    today = timezone.localdate()
    return [
        Section(
            "plan",
            "Safeguarding plan",
            ([plan_card(plan)] if plan else [])
            + [
                plan_action_card(
                    a,
                    number=n,
                    outcome_numbers=outcome_numbers,
                    today=today,
                    can_add=can_add,
                )
                for n, a in enumerate(plan_actions, start=1)
            ],
            "No plan recorded.",
            _add_or_change(
                can_add, plan, "Make the plan", "Change the plan", "enquiries:plan", case
            )
            + _link(can_add, "Add a plan action", "enquiries:plan-action-new", case),
        )
    ]


@dataclass(frozen=True)
class SectionPage:
    """One page of the case beside the overview, reached by the sub-navigation."""

    slug: str
    title: str
    anchors: tuple[str, ...]  # the record sections it shows, by their old anchors
    build: Any = None  # (case, user, can_add) -> list[Section]


SECTION_PAGES: dict[str, SectionPage] = {
    "concern": SectionPage("concern", "Concern and decision", ("concerns", "decision")),
    "capacity": SectionPage(
        "capacity",
        "Capacity, advocacy and decisions",
        ("capacity", "best-interests", "restrictions", "advocacy", "overrides"),
        _capacity_sections,
    ),
    "contact": SectionPage(
        "contact",
        "Contact, risk and notes",
        ("contacts", "involvement", "risk", "self-neglect", "referrer", "death", "notes"),
        _contact_sections,
    ),
    "plan": SectionPage("plan", "Plan", ("plan",), _plan_sections),
}


ANCHOR_LABELS = {
    "concerns": "Concerns",
    "decision": "Section 42 decision",
    "capacity": "Mental capacity",
    "best-interests": "Best-interests decisions",
    "restrictions": "Restrictions",
    "advocacy": "Advocacy",
    "overrides": "Decisions against someone's wishes",
    "contacts": "Contact with the person, and coercion and control",
    "involvement": "How the person took part",
    "risk": "Risk",
    "self-neglect": "Self-neglect",
    "referrer": "The person who raised the concern",
    "death": "The person's death",
    "notes": "Case notes",
    "plan": "Safeguarding plan and actions",
}


@dataclass(frozen=True)
class Contents:
    """A section page as the overview lists it, with links to its parts that
    keep the old page's anchors (``/cases/1/#risk`` lands on the link to risk)."""

    title: str
    url: str
    count: int
    parts: list[tuple[str, str, str]]


def contents(case_pk: int, counts: dict[str, int]) -> list[Contents]:
    found = []
    for slug, page in SECTION_PAGES.items():
        url = reverse(f"cases:section-{slug}", args=[case_pk])
        parts = [(a, ANCHOR_LABELS[a], f"{url}#{a}") for a in page.anchors]
        found.append(Contents(page.title, url, counts.get(slug, 0), parts))
    return found


def section_for_anchor(anchor: str) -> str:
    """The section page that shows the record section with this anchor."""
    for page in SECTION_PAGES.values():
        if anchor in page.anchors:
            return page.slug
    raise KeyError(anchor)


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


def subnav(case: Case, current: str) -> list[NavItem]:
    """The case's sub-navigation: the overview, the record's sections, the
    chronology and documents."""
    items = [("overview", "Overview", reverse("cases:detail", args=[case.pk]))]
    items += [
        (slug, p.title, reverse(f"cases:section-{slug}", args=[case.pk]))
        for slug, p in SECTION_PAGES.items()
    ]
    items += [
        ("chronology", "Chronology", reverse("cases:chronology", args=[case.pk])),
        ("documents", "Documents", reverse("cases:documents", args=[case.pk])),
    ]
    return [NavItem(label, url, slug == current) for slug, label, url in items]


def section_url(case_pk: int, anchor: str) -> str:
    """Where a record section now lives: its section page, at its anchor."""
    slug = section_for_anchor(anchor)
    return reverse(f"cases:section-{slug}", args=[case_pk]) + f"#{anchor}"


@dataclass
class SectionView:
    page: SectionPage
    sections: list[Section] = field(default_factory=list)
    concerns: list[tuple[Concern, Rows]] = field(default_factory=list)
    decision_rows: Rows = field(default_factory=list)
    can_share_feedback: bool = False


def section_page(case: Case, user: User, slug: str) -> SectionView:
    """One section page: it reads only the records it shows."""
    page = SECTION_PAGES[slug]
    can_add = can_change_case(user, case) and case.state != CaseState.CLOSED
    view = SectionView(page)
    if page.build is not None:
        view.sections = page.build(case, user, can_add)
    if slug == "concern":
        concerns = list(
            case.concerns.select_related("raised_by", "public_report").order_by("raised_on", "id")
        )
        sees = can_see_confidential_referrer(user)
        view.concerns = [(c, concern_rows(c, sees_referrer=sees)) for c in concerns]
        view.can_share_feedback = can_change_case(user, case)
        decision = (
            case.decisions.select_related("decided_by").order_by("-decided_at", "-id").first()
        )
        view.decision_rows = decision_rows(decision) if decision else []
    return view


# --- The practice guard's open questions --------------------------------------------

STAGE_HEADINGS: dict[Stage, str] = {
    "concern": "About the concern",
    "decision": "About the section 42 decision",
    "enquiry": "About the enquiry",
    "closure": "About closing the case",
}


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    url: str | None  # where to record what is missing; None if the user cannot

    @property
    def is_duty(self) -> bool:
        return self.finding.severity == DUTY


def finding_views(
    findings: Iterable[Finding], case: Case, *, can_change: bool
) -> list[FindingView]:
    return [FindingView(f, f.fix.url(case.pk) if can_change else None) for f in findings]


def by_stage(views: list[FindingView]) -> list[tuple[str, list[FindingView]]]:
    """Findings grouped by the stage they are about, in the order of a case;
    in each stage, legal duties first."""
    ordered = sorted(views, key=lambda v: not v.is_duty)  # stable: check-id order otherwise
    return [
        (STAGE_HEADINGS[stage], group)
        for stage in STAGES
        if (group := [v for v in ordered if v.finding.stage == stage])
    ]


# --- The page -----------------------------------------------------------------------


@dataclass
class OutcomeView:
    number: int
    outcome: DesiredOutcome
    current: OutcomeRevision
    revisions: list[OutcomeRevision]
    can_revise: bool
    can_rate: bool

    @property
    def revisited(self) -> int:
        return len(self.revisions) - 1

    @property
    def achievement(self) -> str:
        return plain(Achievement, self.outcome.achievement)


@dataclass
class Button:
    label: str
    url: str
    post: bool = False


@dataclass
class CasePage:
    """The overview: who the person is, where the case stands, what they want,
    the guard's open questions and the one next step."""

    case: Case
    outcomes: list[OutcomeView]
    closure_rows: Rows
    buttons: list[Button] = field(default_factory=list)
    questions: list[tuple[str, list[FindingView]]] = field(default_factory=list)
    wishes: str = ""  # what the person said at the concern, if not yet an outcome
    contents: list["Contents"] = field(default_factory=list)
    can_carry_wishes: bool = False

    @property
    def state_help(self) -> str:
        return STATE_HELP[CaseState(self.case.state)]

    @property
    def is_closed(self) -> bool:
        return bool(self.case.state == CaseState.CLOSED)

    @property
    def primary(self) -> "Button | None":
        return self.buttons[0] if self.buttons else None

    @property
    def others(self) -> "list[Button]":
        return self.buttons[1:]


# The next step first: the one primary button on the overview.
NEXT_STEPS = (
    "start_triage",
    "record_decision",
    "start_enquiry",
    "start_closing",
    "close_case",
    "reopen_case",
    "add_outcome",
    "return_to_enquiry",
    "add_concern",
)


def _buttons(case: Case, decision: Section42Decision | None, user: User) -> list[Button]:
    may_decide = why_not_record_decision(user, case) is None
    no_enquiry = decision is not None and decision.result == DecisionResult.NONE
    decided = decision is not None and not no_enquiry
    wanted = {
        "start_triage": ("concerns:start-triage", True, True),
        "record_decision": ("concerns:decision", False, may_decide),
        "start_enquiry": ("enquiries:start", True, not no_enquiry),
        "add_outcome": ("enquiries:add-outcome", False, True),
        "start_closing": ("enquiries:start-closing", True, bool(case.enquiry_type) or no_enquiry),
        "close_case": ("enquiries:close", False, True),
        "return_to_enquiry": ("enquiries:return", True, bool(case.enquiry_type)),
        "reopen_case": ("enquiries:reopen", False, True),
        "add_concern": ("concerns:add", False, True),
    }
    order = list(NEXT_STEPS)
    if decided and case.state == CaseState.DECIDED:
        # After a decision the next step is the enquiry, not deciding again.
        order.remove("start_enquiry")
        order.insert(0, "start_enquiry")
    return [
        Button(TRANSITIONS[name].label, reverse(wanted[name][0], args=[case.pk]), wanted[name][1])
        for name in order
        if wanted[name][2] and allowed(case, name)
    ]


def wishes_not_yet_outcomes(
    concerns: list[Concern], outcomes: list[OutcomeView] | list[Any]
) -> str:
    """What the person said they want in their concerns, when none of their
    desired outcomes carries it yet."""
    said = [c.person_wishes.strip() for c in concerns if c.person_wishes.strip()]
    texts = {" ".join(rev.text.split()).casefold() for o in outcomes for rev in o.revisions}
    return "\n".join(w for w in said if " ".join(w.split()).casefold() not in texts)


def case_page(case: Case, user: User, *, config: GuardConfig | None = None) -> CasePage:
    """The overview, read once: the page and the guard share the loader."""
    config = config or GuardConfig.current()
    loaded = load_case(case.pk, config=config)
    case = loaded.case
    closed = case.state == CaseState.CLOSED
    can_change = can_change_case(user, case)
    views = [
        OutcomeView(
            number=number,
            outcome=o.outcome,
            current=o.revisions[-1],
            revisions=o.revisions,
            can_revise=can_change and allowed(case, "revise_outcome"),
            can_rate=can_change and allowed(case, "rate_outcome"),
        )
        for number, o in enumerate(loaded.outcomes, start=1)
    ]
    questions = []
    if not closed:
        found = evaluate(loaded.snapshot, config)
        questions = by_stage(finding_views(found, case, can_change=can_change))
    snap = loaded.snapshot
    counts = {
        "concern": len(snap.concerns),
        "capacity": len(snap.capacity_assessments)
        + len(snap.best_interests)
        + len(snap.restrictions)
        + len(snap.advocacy)
        + len(snap.overrides),
        "contact": len(snap.contacts)
        + len(snap.risk_actions)
        + len(snap.notes)
        + len(snap.feedback)
        + len(snap.escalations)
        + (snap.risk is not None),
        "plan": len(snap.plan_actions) + (snap.plan is not None),
    }
    return CasePage(
        case=case,
        outcomes=views,
        closure_rows=closure_rows(loaded.closure) if closed and loaded.closure else [],
        buttons=_buttons(case, loaded.decision, user) if can_change else [],
        questions=questions,
        wishes=wishes_not_yet_outcomes(loaded.concerns, views),
        can_carry_wishes=can_change and allowed(case, "add_outcome"),
        contents=contents(case.pk, counts),
    )


# --- The overview, kept -----------------------------------------------------------

# Rendered overviews are kept in this cache (settings.CACHES), one per case, day,
# version of the person's records and what the user may do.
OVERVIEW_CACHE = "pages"
# Forms in the kept overview carry this in place of the CSRF token; each response
# puts the user's own token there. Derived from the secret key, so no text
# anyone records can be taken for it (and it is the same in every process).
CSRF_STAND_IN = (
    "csrf-"
    + hmac.new(
        settings.SECRET_KEY.encode(), b"kept-overview-csrf-stand-in", hashlib.sha256
    ).hexdigest()[:32]
)


def _config_key(config: GuardConfig) -> str:
    values = [str(getattr(config, f.attname)) for f in config._meta.concrete_fields]
    return hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:16]


def overview_key(case: Case, user: User, config: GuardConfig) -> str:
    """Everything the overview's records part depends on. The records version is
    read here, before the records themselves (see ``msp.cases.revision``)."""
    can_change = can_change_case(user, case)
    may_decide = can_change and why_not_record_decision(user, case) is None
    parts = (
        case.pk,
        case.version,
        case.person_id,
        version_of(case.person_id),
        timezone.localdate().isoformat(),
        _config_key(config),
        int(can_change),
        int(may_decide),
    )
    return "overview:" + ":".join(str(p) for p in parts)


def overview_html(case: Case, user: User, csrf_token: str) -> SafeString:
    """The overview's records part (the guard's questions, the person, the next
    steps, the outcomes and the record's contents), rendered once per key and
    kept: on a busy case most views change nothing."""
    config = GuardConfig.current()
    key = overview_key(case, user, config)
    kept: str | None = caches[OVERVIEW_CACHE].get(key)
    if kept is None:
        page = case_page(case, user, config=config)
        context = {"case": page.case, "person": page.case.person, "page": page}
        kept = render_to_string(
            "cases/includes/overview_records.html", {**context, "csrf_token": CSRF_STAND_IN}
        )
        caches[OVERVIEW_CACHE].set(key, kept)
    # Safe: rendered by our own template, with autoescaping; only the token is put in.
    return mark_safe(kept.replace(CSRF_STAND_IN, csrf_token))  # noqa: S308

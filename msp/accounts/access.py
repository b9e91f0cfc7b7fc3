"""The one place that decides who may see and change people and cases.

Every view and API endpoint that touches a person or a case fetches it through
``get_case_for_user`` or ``get_person_for_user``. Those raise ``Http404`` for
people who may not know the record exists, and ``PermissionDenied`` (403) for
people who may read it but not change it. Reads are written to the audit log.

The rules:
- practitioners read and change their own team's cases;
- team managers read and change their own team's cases, and read (not change)
  every other team's;
- safeguarding leads read and change every case;
- administrators, board members, auditors and performance officers see no
  case and no person; auditors see the audit log (ids and case references,
  never names or changed values) on their own desk;
- only safeguarding leads export a person's whole record (subject access).

Restricted cases narrow that further (see ``case_opens_for``): only the people
named on the restriction, and anyone with a live break-glass grant, may open
one. Others whose role or team would let them read it can still *find* it
(``findable_cases``), as a reference marked "Restricted", and opening it raises
``CaseRestricted`` (a 403 page offering break-glass; a 403 body from the API).
People who could not read the case anyway get 404 as before.

A person whose every case is restricted against the user is hidden from them
(404, not in search): their name and address would reveal whom the
restricted case is about. Once any of their cases is open to the user, the
person shows as usual.

It also decides who sees aggregate figures: the board dashboard (rounded, small
numbers hidden) is for board members and safeguarding leads; the statutory
return (unrounded, with case references) for performance officers and leads.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from msp.accounts.models import Role, RoleGrant, User
from msp.audit.log import record_list, record_refusal, record_view
from msp.cases.models import (
    BreakGlassGrant,
    Case,
    CaseRestriction,
    CaseState,
    CouncilPolicy,
    DecisionMakers,
)
from msp.people.models import Person


class CaseRestricted(PermissionDenied):
    """The user's role lets them read the case, but it is restricted to named
    people and they have no break-glass grant. Carries only what may be shown:
    the case's id and reference."""

    def __init__(self, case: Case) -> None:
        super().__init__(f"Case {case.reference} is restricted to named people")
        self.case_id = case.pk
        self.reference = case.reference


def case_opens_for(user: User, case_ref: str = "pk") -> Q:
    """A condition on cases (``case_ref`` names the case's id) that holds when
    the case is not restricted, or names the user, or the user holds a live
    break-glass grant for it."""
    restricted = CaseRestriction.objects.filter(case_id=OuterRef(case_ref))
    named = restricted.filter(named=user)
    grant = BreakGlassGrant.objects.filter(
        case_id=OuterRef(case_ref), user=user, expires_at__gt=timezone.now()
    )
    return ~Q(Exists(restricted)) | Q(Exists(named)) | Q(Exists(grant))


def _role_cases(user: User) -> QuerySet[Case]:
    """Cases the user's role and team would let them read, restricted or not."""
    cases = Case.objects.all()
    if not user.is_authenticated or not user.is_active:
        return cases.none()
    if user.role in (Role.SAFEGUARDING_LEAD, Role.TEAM_MANAGER):
        return cases
    if user.role == Role.PRACTITIONER and user.team_id:
        return cases.filter(team_id=user.team_id)
    return cases.none()


def _opens(user: User, case: Case) -> bool:
    """``case_opens_for`` for one case the user's role lets them read, read with
    its restriction: an unrestricted case opens without asking the database
    again (the rule's first branch); a restricted one asks the rule itself."""
    if getattr(case, "restriction", None) is None:  # read with select_related
        return True
    return Case.objects.filter(pk=case.pk).filter(case_opens_for(user)).exists()


def readable_cases(user: User) -> QuerySet[Case]:
    """Cases the user may open: their role allows it and no restriction shuts them out."""
    return _role_cases(user).filter(case_opens_for(user))


def findable_cases(user: User) -> QuerySet[Case]:
    """Cases the user may find in lists, each annotated ``opens``: whether they
    may open it. Show a case with ``opens`` false only as its reference and
    "Restricted"."""
    return _role_cases(user).annotate(
        opens=ExpressionWrapper(case_opens_for(user), output_field=BooleanField())
    )


def shut_cases(user: User) -> QuerySet[Case]:
    """Restricted cases the user's role would let them read but may not open."""
    return _role_cases(user).exclude(case_opens_for(user))


def get_case_to_break_glass(user: User, pk: int) -> Case:
    """The case, if the user's role lets them read it (404 otherwise, so
    outsiders learn nothing). Break-glass is offered only when it is restricted
    and not already open to them."""
    case = _role_cases(user).filter(pk=pk).first()
    if case is None:
        raise Http404("No case found")
    return case


def can_open_case(user: User, case: Case) -> bool:
    return readable_cases(user).filter(pk=case.pk).exists()


def can_change_case(user: User, case: Case) -> bool:
    if user.role == Role.SAFEGUARDING_LEAD:
        return True
    if user.role in (Role.PRACTITIONER, Role.TEAM_MANAGER):
        return user.team_id is not None and case.team_id == user.team_id
    return False


def get_case_for_user(user: User, pk: int, *, write: bool = False, shown_in: str = "") -> Case:
    """The case, if the user may open it (and change it, with ``write``);
    otherwise 404 or 403, written to the audit log as a refusal. A read is
    written as a view; ``shown_in`` names where else it was shown (an export,
    such as the PDF summary)."""
    case = (
        _role_cases(user)
        .select_related("person", "team", "lead_worker", "restriction")
        .filter(pk=pk)
        .first()
    )
    if case is None:
        record_refusal(by=user, kind="case", requested_id=pk, status=404)
        raise Http404("No case found")
    opens = _opens(user, case)
    if not opens:
        record_refusal(by=user, kind="case", requested_id=pk, status=403)
        raise CaseRestricted(case)
    if write:
        if not can_change_case(user, case):
            record_refusal(by=user, kind="case", requested_id=pk, status=403)
            raise PermissionDenied("You can read this case but not change it")
    elif shown_in:
        record_list(by=user, shown_in=shown_in, cases=[(case.pk, case.person_id)])
    else:
        record_view(by=user, obj=case, case_id=case.pk, person_id=case.person_id)
    return case


def readable_people(user: User) -> QuerySet[Person]:
    people = Person.objects.all()
    if not user.is_authenticated or not user.is_active or not user.does_casework:
        return people.none()
    if user.role in (Role.SAFEGUARDING_LEAD, Role.TEAM_MANAGER):
        return _not_hidden_by_restriction(user, people)
    if user.team_id is None:
        return people.none()
    team_case = Case.objects.filter(person_id=OuterRef("pk"), team_id=user.team_id)
    return _not_hidden_by_restriction(
        user, people.filter(Q(team_id=user.team_id) | Exists(team_case))
    )


def _not_hidden_by_restriction(user: User, people: QuerySet[Person]) -> QuerySet[Person]:
    """Leaves out people who have a case restricted against the user and no
    case the user may open."""
    shut = Case.objects.filter(person_id=OuterRef("pk")).exclude(case_opens_for(user))
    opens = readable_cases(user).filter(person_id=OuterRef("pk"))
    return people.filter(~Exists(shut) | Exists(opens))


def can_change_person(user: User, person: Person) -> bool:
    if user.role == Role.SAFEGUARDING_LEAD:
        return True
    if user.role not in (Role.PRACTITIONER, Role.TEAM_MANAGER) or user.team_id is None:
        return False
    return person.team_id == user.team_id or person.cases.filter(team_id=user.team_id).exists()


def get_person_for_user(user: User, pk: int, *, write: bool = False) -> Person:
    person = readable_people(user).filter(pk=pk).first()
    if person is None:
        record_refusal(by=user, kind="person", requested_id=pk, status=404)
        raise Http404("No person found")
    if write:
        if not can_change_person(user, person):
            record_refusal(by=user, kind="person", requested_id=pk, status=403)
            raise PermissionDenied("You can read this person's record but not change it")
    else:
        record_view(by=user, obj=person, person_id=person.pk)
    return person


def can_export_subject_access(user: User) -> bool:
    """Subject access exports hold the whole record and third parties' details
    before review: safeguarding leads only, who release them with the council's
    information governance team."""
    return user.is_authenticated and user.is_active and user.role == Role.SAFEGUARDING_LEAD


def get_person_for_subject_access(user: User, pk: int) -> Person:
    """404 for anyone who may not see the person; 403 for those who may see
    them but not export their record. The export itself is audited by the
    caller, so no view event is written here."""
    person = readable_people(user).filter(pk=pk).first()
    if person is None:
        raise Http404("No person found")
    if not can_export_subject_access(user):
        raise PermissionDenied("Only a safeguarding lead can export a person's whole record")
    shut = shut_cases(user).filter(person_id=person.pk).first()
    if shut is not None:
        # The export holds every case: a restricted one must be opened (named,
        # or through break-glass) before the whole record can leave the service.
        raise CaseRestricted(shut)
    return person


def can_merge_people(user: User) -> bool:
    """Merging two records of the same person: safeguarding leads, who may see
    every person. Administrators see no person, so they cannot check that two
    records are the same person; they ask a lead."""
    return user.is_authenticated and user.is_active and user.role == Role.SAFEGUARDING_LEAD


def mergeable_people(user: User) -> QuerySet[Person]:
    """The records the user may choose from to merge (the people they may see);
    never one already merged."""
    if not can_merge_people(user):
        return Person.objects.none()
    return readable_people(user).filter(merged_into=None)


def get_people_to_merge(user: User, kept_pk: int, merged_pk: int) -> tuple[Person, Person]:
    """Both records, for a safeguarding lead: 404 for a record the user may not
    see or that is already merged away, 403 for one they see but may not merge.
    Audited as views."""
    people = readable_people(user).filter(pk__in=[kept_pk, merged_pk], merged_into=None)
    found = {p.pk: p for p in people}
    for pk in (kept_pk, merged_pk):
        if pk not in found:
            record_refusal(by=user, kind="person", requested_id=pk, status=404)
            raise Http404("No person found")
    if not can_merge_people(user):
        record_refusal(by=user, kind="person", requested_id=kept_pk, status=403)
        raise PermissionDenied("Only a safeguarding lead can merge records")
    for person in found.values():
        record_view(by=user, obj=person, person_id=person.pk)
    return found[kept_pk], found[merged_pk]


def can_raise_concern(user: User) -> bool:
    return user.is_authenticated and user.does_casework


def picks_team(user: User) -> bool:
    """Whether the user chooses the team when adding a person or raising a
    concern: those not tied to one team (safeguarding leads, or anyone without
    a team). Everyone else works for their own team."""
    return user.role == Role.SAFEGUARDING_LEAD or user.team_id is None


# Deciding and allocating ----------------------------------------------------------

DECIDERS = {
    DecisionMakers.MANAGERS: frozenset({Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD}),
    DecisionMakers.LEADS: frozenset({Role.SAFEGUARDING_LEAD}),
    DecisionMakers.ANY_CASEWORKER: frozenset(
        {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD}
    ),
}


def why_not_record_decision(user: User, case: Case) -> str | None:
    """Why ``user`` may not record the section 42 decision on ``case`` under
    the council's policy (``CouncilPolicy``), or None if they may."""
    policy = CouncilPolicy.current()
    if user.role not in DECIDERS[DecisionMakers(policy.decision_makers)]:
        who = DecisionMakers(policy.decision_makers).label.lower()
        return f"In this council only {who} can record the section 42 decision"
    if not can_change_case(user, case):
        return "You can read this case but not change it"
    return None


def can_allocate(user: User, case: Case) -> bool:
    """Team managers allocate their own team's cases; safeguarding leads any case."""
    if not user.is_active:
        return False
    if user.role == Role.SAFEGUARDING_LEAD:
        return True
    return user.role == Role.TEAM_MANAGER and can_change_case(user, case)


def can_be_allocated(worker: User, case: Case) -> bool:
    """Who may be a case's allocated worker: an active caseworker who can change it."""
    return worker.is_active and worker.does_casework and can_change_case(worker, case)


def allocatable_workers(case: Case) -> list[User]:
    """Active caseworkers in the case's team, then safeguarding leads, by name."""
    users = (
        User.objects.filter(is_active=True)
        .filter(
            Q(role__in=[Role.PRACTITIONER, Role.TEAM_MANAGER], team_id=case.team_id)
            | Q(role=Role.SAFEGUARDING_LEAD)
        )
        .order_by("first_name", "last_name", "username")
    )
    return sorted(users, key=lambda u: u.role == Role.SAFEGUARDING_LEAD)


@dataclass(frozen=True)
class OpenCaseOffer:
    """What the raise-concern page may say about the person's open case.
    ``case`` is set only when the user may open it (``can_add``: they may
    also add the concern to it); otherwise the page says only which team has
    an open case, so the user can contact them, with nothing about the case."""

    case: Case | None
    can_add: bool
    team_name: str


def open_case_offer(user: User, person: Person) -> OpenCaseOffer | None:
    """The person's open case as the raise-concern page may show it, or None
    when they have none. A case the user may open comes first."""
    open_cases = Case.objects.filter(person_id=person.pk).exclude(state=CaseState.CLOSED)
    readable = readable_cases(user).filter(pk__in=open_cases.values("pk")).order_by("pk")
    for case in readable.select_related("team"):
        if can_change_case(user, case):
            return OpenCaseOffer(case=case, can_add=True, team_name=case.team.name)
    first = readable.select_related("team").first()
    if first is not None:
        return OpenCaseOffer(case=first, can_add=False, team_name=first.team.name)
    other = open_cases.select_related("team").order_by("pk").first()
    if other is not None:
        return OpenCaseOffer(case=None, can_add=False, team_name=other.team.name)
    return None


# Aggregate figures ---------------------------------------------------------------

AUDIT_ROLES = frozenset({Role.AUDITOR})
BOARD_ROLES = frozenset({Role.BOARD_MEMBER, Role.SAFEGUARDING_LEAD})
RETURN_ROLES = frozenset({Role.PERFORMANCE, Role.SAFEGUARDING_LEAD})


def can_view_board(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in BOARD_ROLES


def can_view_return(user: User) -> bool:
    """The return shows unrounded small numbers and case references: not for
    board members, who see the rounded figures on the dashboard."""
    return user.is_authenticated and user.is_active and user.role in RETURN_ROLES


def can_use_audit_desk(user: User) -> bool:
    """The auditor's desk (read-only pages over the audit log) is for auditors
    only: safeguarding leads do casework, and their own reads are in the log."""
    return user.is_authenticated and user.is_active and user.role in AUDIT_ROLES


def can_open_listed_cases(user: User) -> bool:
    """Whether a list of case references may link to the cases: only for people
    who can read every case (performance officers cannot open cases)."""
    return user.role == Role.SAFEGUARDING_LEAD


# Powerful roles: the second person of the two-person rule ---------------------------

GRANT_DECIDERS = frozenset({Role.ADMINISTRATOR, Role.SAFEGUARDING_LEAD})


def may_decide_role_grants(user: User) -> bool:
    """Who may approve or refuse requests for powerful roles: administrators
    (with admin access) and safeguarding leads."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.role == Role.SAFEGUARDING_LEAD or user.may_administer


def why_not_decide(user: User, grant: RoleGrant) -> str | None:
    """The reason ``user`` may not decide ``grant``, or None if they may."""
    if not may_decide_role_grants(user):
        return "Only an administrator or a safeguarding lead can approve a role"
    if grant.requested_by_id == user.pk:
        return "Someone other than the person who asked must approve this role"
    if grant.user_id == user.pk:
        return "You cannot approve a role for yourself"
    if not grant.is_pending:
        return "This request has already been decided"
    return None


# Reports from the public front door ------------------------------------------------

# Who may see who raised a concern when the referrer asked to stay confidential:
# the managers and leads who triage and decide, and may need to go back to them.
CONFIDENTIAL_REFERRER_ROLES = frozenset({Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD})


def can_see_confidential_referrer(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in CONFIDENTIAL_REFERRER_ROLES


def triages_reports(user: User) -> bool:
    """Reports waiting for a person to be confirmed are triaged by team
    managers (their team's) and safeguarding leads (every team's, and those
    no team covers)."""
    return (
        user.is_authenticated
        and user.is_active
        and user.role in (Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD)
    )


def can_resolve_report_escalations(user: User) -> bool:
    """A referrer's escalation goes to the safeguarding leads."""
    return user.is_authenticated and user.is_active and user.role == Role.SAFEGUARDING_LEAD

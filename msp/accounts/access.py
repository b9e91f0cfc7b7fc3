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
  never names or changed values) on their own desk.

It also decides who sees aggregate figures: the board dashboard (rounded, small
numbers hidden) is for board members and safeguarding leads; the statutory
return (unrounded, with case references) for performance officers and leads.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from msp.accounts.models import Role, User
from msp.audit.log import record_refusal, record_view
from msp.cases.models import Case
from msp.people.models import Person


def readable_cases(user: User) -> QuerySet[Case]:
    cases = Case.objects.all()
    if not user.is_authenticated or not user.is_active:
        return cases.none()
    if user.role in (Role.SAFEGUARDING_LEAD, Role.TEAM_MANAGER):
        return cases
    if user.role == Role.PRACTITIONER and user.team_id:
        return cases.filter(team_id=user.team_id)
    return cases.none()


def can_change_case(user: User, case: Case) -> bool:
    if user.role == Role.SAFEGUARDING_LEAD:
        return True
    if user.role in (Role.PRACTITIONER, Role.TEAM_MANAGER):
        return user.team_id is not None and case.team_id == user.team_id
    return False


def get_case_for_user(user: User, pk: int, *, write: bool = False) -> Case:
    case = (
        readable_cases(user).select_related("person", "team", "lead_worker").filter(pk=pk).first()
    )
    if case is None:
        record_refusal(by=user, kind="case", requested_id=pk, status=404)
        raise Http404("No case found")
    if write:
        if not can_change_case(user, case):
            record_refusal(by=user, kind="case", requested_id=pk, status=403)
            raise PermissionDenied("You can read this case but not change it")
    else:
        record_view(by=user, obj=case, case_id=case.pk, person_id=case.person_id)
    return case


def readable_people(user: User) -> QuerySet[Person]:
    people = Person.objects.all()
    if not user.is_authenticated or not user.is_active or not user.does_casework:
        return people.none()
    if user.role in (Role.SAFEGUARDING_LEAD, Role.TEAM_MANAGER):
        return people
    if user.team_id is None:
        return people.none()
    team_case = Case.objects.filter(person_id=OuterRef("pk"), team_id=user.team_id)
    return people.filter(Q(team_id=user.team_id) | Exists(team_case))


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


def can_raise_concern(user: User) -> bool:
    return user.is_authenticated and user.does_casework


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

"""Restricting a case to named people, through the API. Break-glass is not
here on purpose: it is a person's judgement in an emergency, made on the web
where they give their reason and the leads are told. A system holding a token
should not be able to open restricted cases."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router

from msp.accounts.access import get_case_for_user
from msp.accounts.models import User
from msp.api.access import CHANGE_CASE
from msp.api.auth import current_user
from msp.api.schemas.common import READ_ERRORS, WRITE_ERRORS, UserRef
from msp.api.schemas.restriction import LiftIn, RestrictionIn, RestrictionOut
from msp.api.types import CaseId
from msp.cases import actions
from msp.cases.models import Case, CaseRestriction

router = Router(tags=["Restriction"])


def _user_ref(u: User) -> UserRef:
    return UserRef(id=u.pk, name=u.display_name)


def _out(case: Case) -> RestrictionOut:
    r = CaseRestriction.objects.filter(case=case).select_related("restricted_by").first()
    if r is None:
        return RestrictionOut(case_id=case.pk, reference=case.reference, restricted=False)
    return RestrictionOut(
        case_id=case.pk,
        reference=case.reference,
        restricted=True,
        reason=r.reason,
        restricted_by=_user_ref(r.restricted_by),
        restricted_at=r.restricted_at,
        named=[_user_ref(u) for u in r.named.order_by("pk")],
    )


def _named(ids: list[int]) -> list[User]:
    users = list(User.objects.filter(pk__in=set(ids)))
    if len(users) != len(set(ids)):
        raise ValidationError({"named": ["Name only people who have accounts"]})
    return users


@router.get("/cases/{case_id}/restriction", response={200: RestrictionOut, **READ_ERRORS})
def get_restriction(request: HttpRequest, case_id: CaseId) -> RestrictionOut:
    """Whether the case is restricted, why, and who may see it."""
    return _out(get_case_for_user(current_user(request), case_id))


@router.post(
    "/cases/{case_id}/restriction", auth=CHANGE_CASE, response={200: RestrictionOut, **WRITE_ERRORS}
)
def restrict(request: HttpRequest, case_id: CaseId, payload: RestrictionIn) -> RestrictionOut:
    """Restrict the case to the named people (safeguarding leads only), or, if it
    is restricted already, replace who is named."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    named = _named(payload.named)
    if CaseRestriction.objects.filter(case=case).exists():
        actions.change_named_people(case, by=user, named=named, reason=payload.reason)
    else:
        actions.restrict_case(case, by=user, reason=payload.reason, named=named)
    return _out(case)


@router.delete(
    "/cases/{case_id}/restriction", auth=CHANGE_CASE, response={200: RestrictionOut, **WRITE_ERRORS}
)
def lift(request: HttpRequest, case_id: CaseId, payload: LiftIn) -> RestrictionOut:
    """Lift the restriction (safeguarding leads named on it only), giving a reason."""
    user = current_user(request)
    case = get_case_for_user(user, case_id, write=True)
    actions.lift_restriction(case, by=user, reason=payload.reason)
    return _out(case)

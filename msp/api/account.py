"""Who am I, and who may co-sign an override on a case."""

from django.http import HttpRequest
from ninja import Router

from msp.accounts.access import get_case_for_user
from msp.accounts.models import Team, User
from msp.api.auth import current_token, current_user
from msp.api.schemas.account import CosignerOut, MeOut, TokenOut
from msp.api.schemas.common import READ_ERRORS, ErrorOut, TeamRef
from msp.api.types import CaseId
from msp.enquiries.models.overrides import cosigners_for

router = Router(tags=["Account"])


def _team(team: Team | None) -> TeamRef | None:
    return TeamRef(id=team.pk, name=team.name) if team is not None else None


@router.get("/me", response={200: MeOut, 401: ErrorOut})
def me(request: HttpRequest) -> MeOut:
    """The account your token acts as, and the token itself (its scope and expiry)."""
    user = current_user(request)
    token = current_token(request)
    return MeOut(
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        role_label=user.get_role_display(),
        team=_team(user.team),
        token=TokenOut(
            name=token.name, prefix=token.prefix, scope=token.scope, expires_at=token.expires_at
        ),
    )


def _cosigner(user: User) -> CosignerOut:
    return CosignerOut(id=user.pk, name=user.display_name, role=user.role, team=_team(user.team))


@router.get("/cases/{case_id}/co-signers", response={200: list[CosignerOut], **READ_ERRORS})
def list_cosigners(request: HttpRequest, case_id: CaseId) -> list[CosignerOut]:
    """Who you may name to co-sign an override on this case (`cosigner_id`): active
    team managers of the case's team and safeguarding leads, other than you. The
    same people the web form offers."""
    user = current_user(request)
    case = get_case_for_user(user, case_id)
    return [_cosigner(u) for u in cosigners_for(team_id=case.team_id, recorder=user)]

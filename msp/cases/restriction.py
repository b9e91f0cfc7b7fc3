"""What the case page says about a restriction, for the person looking at it."""

from dataclasses import dataclass

from django.utils import timezone

from msp.accounts.models import Role, User
from msp.cases.models import BreakGlassGrant, Case, CaseRestriction


@dataclass(frozen=True)
class RestrictionNotice:
    restricted: bool
    named: list[str]
    reason: str
    can_manage: bool  # a safeguarding lead: may restrict, or change who is named
    break_glass_until: str  # "14:05" when the user sees it through break-glass


def restriction_notice(case: Case, user: User) -> RestrictionNotice:
    # Read with the case when it was (get_case_for_user), otherwise asked for now.
    restriction: CaseRestriction | None = getattr(case, "restriction", None)
    can_manage = user.role == Role.SAFEGUARDING_LEAD
    if restriction is None:
        return RestrictionNotice(False, [], "", can_manage, "")
    named = sorted(u.display_name for u in restriction.named.all())
    grant = (
        BreakGlassGrant.objects.filter(case=case, user=user, expires_at__gt=timezone.now())
        .order_by("-expires_at")
        .first()
    )
    until = f"{timezone.localtime(grant.expires_at):%H:%M}" if grant else ""
    return RestrictionNotice(True, named, restriction.reason, can_manage, until)

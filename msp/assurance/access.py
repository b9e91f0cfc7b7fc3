"""Who may see the statutory return.

The return page shows unrounded figures, small numbers included, and lists
case references, so it is for the performance team and safeguarding leads
only: not board members, who see rounded figures on the board's pages.
Performance officers cannot open cases, so only leads get links to them.
"""

from msp.accounts.models import Role, User

RETURN_ROLES = frozenset({Role.PERFORMANCE, Role.SAFEGUARDING_LEAD})


def can_view_return(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in RETURN_ROLES


def can_open_listed_cases(user: User) -> bool:
    """Leads read every case (``msp.accounts.access``), so their list links to cases."""
    return user.role == Role.SAFEGUARDING_LEAD

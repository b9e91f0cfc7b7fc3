"""The service navigation: its items, who sees each, and which pages belong to it.

Each role sees only the items it can use; ``home_for`` says where a user lands
after signing in. Later features add their items here, in one place.
"""

from dataclasses import dataclass

from msp.accounts.access import AUDIT_ROLES, BOARD_ROLES, RETURN_ROLES
from msp.accounts.models import CASEWORK_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    pages: frozenset[str]
    roles: frozenset[str]


CASEWORK = frozenset(CASEWORK_ROLES)

MANAGERS = frozenset({Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD})

NAVIGATION = (
    NavItem("Queues", "cases:queues", frozenset({"cases:queues"}), MANAGERS),
    NavItem("My cases", "cases:my-cases", frozenset({"cases:my-cases"}), CASEWORK),
    NavItem("Team cases", "cases:team-cases", frozenset({"cases:team-cases"}), CASEWORK),
    NavItem(
        "Raise a concern",
        "concerns:start",
        frozenset({"concerns:start", "concerns:raise"}),
        CASEWORK,
    ),
    NavItem(
        "Find a person",
        "people:find",
        frozenset({"people:find", "people:create", "people:detail", "people:edit"}),
        CASEWORK,
    ),
    NavItem(
        "Outcome surveys",
        "survey:work-list",
        frozenset({"survey:work-list", "survey:new-response", "survey:response"}),
        CASEWORK,
    ),
    NavItem(
        "Board dashboard",
        "board:dashboard",
        frozenset({"board:dashboard"}),
        BOARD_ROLES,
    ),
    NavItem("Statutory return", "assurance:return", frozenset({"assurance:return"}), RETURN_ROLES),
    NavItem(
        "Break-glass alerts",
        "cases:break-glass-alerts",
        frozenset({"cases:break-glass-alerts"}),
        frozenset({Role.SAFEGUARDING_LEAD}),
    ),
    NavItem("Audit log", "audit:search", frozenset({"audit:search"}), AUDIT_ROLES),
    NavItem("Who has seen a record", "audit:person", frozenset({"audit:person"}), AUDIT_ROLES),
    NavItem("Unusual access", "audit:alerts", frozenset({"audit:alerts"}), AUDIT_ROLES),
)

# Where each role lands after signing in (a URL name).
HOME = {
    Role.PRACTITIONER: "cases:my-cases",
    Role.TEAM_MANAGER: "cases:queues",
    Role.SAFEGUARDING_LEAD: "cases:queues",
    Role.BOARD_MEMBER: "board:dashboard",
    Role.PERFORMANCE: "assurance:return",
    Role.AUDITOR: "audit:search",
}


def items_for(role: str) -> list[NavItem]:
    return [item for item in NAVIGATION if role in item.roles]


def home_for(role: str) -> str | None:
    return HOME.get(Role(role)) if role in Role.values else None

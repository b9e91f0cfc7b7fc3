"""Demo teams and accounts, and the demo password.

The password comes from ``settings.MSP_DEMO_PASSWORD`` when set. Otherwise one is
generated once and kept in ``var/demo-password.txt`` (mode 0600; var/ is not in
git) so that it still works on the next run. It is hashed once and the same hash
is given to every demo account."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password

from msp.accounts.models import Role, Team, User

TEAMS = {
    "north": "North locality team",
    "south": "South locality team",
    "hospital": "Hospital and care homes team",
}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    first_name: str
    last_name: str
    job_title: str
    team: str = ""  # a key of TEAMS, or "" for no team


ACCOUNTS = (
    DemoAccount("practitioner", Role.PRACTITIONER, "Jess", "Whitfield", "Social worker", "north"),
    DemoAccount("practitioner2", Role.PRACTITIONER, "Aaron", "Mensah", "Social worker", "south"),
    DemoAccount(
        "practitioner3",
        Role.PRACTITIONER,
        "Nadia",
        "Farrow",
        "Senior practitioner",
        "hospital",
    ),
    DemoAccount("manager", Role.TEAM_MANAGER, "Helen", "Brightwater", "Team manager", "north"),
    DemoAccount("manager2", Role.TEAM_MANAGER, "Marcus", "Thornley", "Team manager", "south"),
    DemoAccount("manager3", Role.TEAM_MANAGER, "Yusuf", "Hanley", "Team manager", "hospital"),
    DemoAccount(
        "lead",
        Role.SAFEGUARDING_LEAD,
        "Dev",
        "Chauhan",
        "Principal social worker and safeguarding lead",
    ),
    DemoAccount("admin", Role.ADMINISTRATOR, "Alex", "Penrose", "Systems administrator"),
    DemoAccount(
        "board",
        Role.BOARD_MEMBER,
        "Joan",
        "Featherstone",
        "Independent chair, Safeguarding Adults Board",
    ),
    DemoAccount("auditor", Role.AUDITOR, "Imran", "Qasim", "Internal auditor"),
    DemoAccount(
        "performance", Role.PERFORMANCE, "Ruth", "Alderley", "Performance and data officer"
    ),
)

PASSWORD_FILE_NAME = "demo-password.txt"


def password_file() -> Path:
    return Path(settings.VAR_DIR) / PASSWORD_FILE_NAME


@dataclass(frozen=True)
class DemoPassword:
    value: str
    source: str  # "setting", "file" or "generated"


def demo_password() -> DemoPassword:
    configured: str = settings.MSP_DEMO_PASSWORD
    if configured:
        return DemoPassword(configured, "setting")
    path = password_file()
    if path.exists():
        stored = path.read_text(encoding="utf-8").strip()
        if stored:
            return DemoPassword(stored, "file")
    value = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(value + "\n")
    os.chmod(path, 0o600)
    return DemoPassword(value, "generated")


def ensure_teams() -> dict[str, Team]:
    return {key: Team.objects.get_or_create(name=name)[0] for key, name in TEAMS.items()}


def ensure_accounts(teams: dict[str, Team], password: DemoPassword) -> dict[str, User]:
    """Create the demo accounts that are missing, make every one active, and give
    each ``password``, so the printed table is always true (the setting may have
    changed since the last run). Hashes once: every account gets the same hash."""
    existing = {u.username: u for u in User.objects.filter(username__in=_usernames())}
    hashed = make_password(password.value)
    users: dict[str, User] = {}
    for account in ACCOUNTS:
        user = existing.get(account.username)
        if user is not None and not user.is_demo:
            raise ValueError(
                f"A real account called {account.username!r} exists; demo data was not loaded"
            )
        if user is None:
            user = User(
                username=account.username,
                first_name=account.first_name,
                last_name=account.last_name,
                job_title=account.job_title,
                role=account.role,
                team=teams[account.team] if account.team else None,
                is_demo=True,
                is_staff=account.role == Role.ADMINISTRATOR,
                is_superuser=account.role == Role.ADMINISTRATOR,
                password=hashed,
            )
            user.save()
        else:
            # Saved only if something changes: each change is an audit event.
            changed = []
            if not user.check_password(password.value):
                user.password = hashed
                changed.append("password")
            if not user.is_active:
                user.is_active = True
                changed.append("is_active")
            if changed:
                user.save(update_fields=changed)
        users[account.username] = user
    return users


def _usernames() -> list[str]:
    return [a.username for a in ACCOUNTS]


def accounts_table(password: str) -> str:
    """The sign-in details, as a plain-text table: one account for each role,
    and a practitioner and a team manager for each team."""
    rows = [("Role", "Team", "Username", "Password")]
    labels = dict(Role.choices)
    for account in ACCOUNTS:
        team = TEAMS[account.team] if account.team else ""
        rows.append((str(labels[account.role]), team, account.username, password))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    line = "  ".join("-" * w for w in widths)
    body = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(
        [
            "Demo accounts (fictional people, fictional council). Sign in at:",
            "  http://127.0.0.1:8000",
            "",
            body[0],
            line,
            *body[1:],
        ]
    )

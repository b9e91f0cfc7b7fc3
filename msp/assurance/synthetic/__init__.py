"""Synthetic safeguarding data in bulk, for benchmarks and load tests.

``generate(concerns=N, seed=S)`` makes N concerns about clearly fictional
adults, with decisions, enquiries, desired outcomes, capacity assessments and
closures in the proportions of England's published figures (see
``proportions.py``). It is fast because it skips everything real casework
goes through: no action functions, no validation, and **no audit events** (so
synthetic cases have an empty chronology). Rows are written straight to the
tables in batches, one transaction per batch, with ids chosen up front.

Use it only on a database nobody else is writing to (ids are taken from the
highest in use when it starts), and never in production: it refuses there.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from msp.accounts.models import Role, Team, User
from msp.assurance.synthetic import writer
from msp.assurance.synthetic.rows import COLUMNS, Builder, Chunk, Ids, NhsNumbers, Period, Summary
from msp.cases.models import Case
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.models import CapacityAssessment, Closure, DesiredOutcome, OutcomeRevision
from msp.people.models import Person

__all__ = [
    "DEFAULT_TEAM",
    "SYNTHETIC_USERNAME",
    "Result",
    "Summary",
    "SyntheticDataError",
    "generate",
]

DEFAULT_TEAM = "Synthetic data team"
SYNTHETIC_USERNAME = "synthetic-data"
CHUNK_CONCERNS = 10_000

# Tables in the order they are written (each refers only to earlier ones).
MODELS: dict[str, type[models.Model]] = {
    "people": Person,
    "cases": Case,
    "concerns": Concern,
    "decisions": Section42Decision,
    "outcomes": DesiredOutcome,
    "revisions": OutcomeRevision,
    "capacity": CapacityAssessment,
    "closures": Closure,
}


class SyntheticDataError(Exception):
    """The request cannot be met; the message says why in plain words."""


@dataclass
class Result:
    summary: Summary
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)
    team: str = ""

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def synthetic_user(team: Team) -> User:
    """The account synthetic records name as their worker. It cannot sign in."""
    user = User.objects.filter(username=SYNTHETIC_USERNAME).first()
    if user is not None:
        if not user.is_demo or user.is_active:
            raise SyntheticDataError(
                f"An account called '{SYNTHETIC_USERNAME}' already exists and is not the "
                "synthetic data account. Rename it first."
            )
        return user
    user = User(
        username=SYNTHETIC_USERNAME,
        first_name="Synthetic",
        last_name="Worker",
        job_title="Not a real person: named on synthetic records",
        role=Role.PRACTITIONER,
        team=team,
        is_active=False,
        is_demo=True,
    )
    user.set_unusable_password()
    user.save()
    return user


def check_request(*, concerns: int, start_year: int, years: int) -> Period:
    if settings.PRODUCTION:
        raise SyntheticDataError("Synthetic data is not allowed in production")
    if concerns < 1:
        raise SyntheticDataError("The number of concerns must be 1 or more")
    if years < 1:
        raise SyntheticDataError("The number of years must be 1 or more")
    period = Period(start_year, years)
    if start_year < 1950:
        raise SyntheticDataError("The start year must be 1950 or later")
    if period.last_day >= timezone.localdate():
        raise SyntheticDataError(
            f"The period must have ended: {period.first_day:%-d %B %Y} to "
            f"{period.last_day:%-d %B %Y} runs past today. Choose an earlier start year "
            "or fewer years."
        )
    return period


def _write(chunk: Chunk, tables: dict[str, writer.Table], rows: dict[str, int]) -> None:
    with transaction.atomic():
        for name, table in tables.items():
            batch = getattr(chunk, name)
            writer.insert(table, batch)
            rows[name] = rows.get(name, 0) + len(batch)


def generate(
    *,
    concerns: int,
    seed: int = 1,
    start_year: int = 2023,
    years: int = 3,
    team_name: str = DEFAULT_TEAM,
    chunk_concerns: int = CHUNK_CONCERNS,
    progress: Callable[[int, int], None] | None = None,
) -> Result:
    """Make ``concerns`` concerns raised from 1 April ``start_year`` over
    ``years`` reporting years, each in its own case, owned by ``team_name``."""
    period = check_request(concerns=concerns, start_year=start_year, years=years)
    started = time.perf_counter()
    with transaction.atomic():
        team = Team.objects.get_or_create(name=team_name)[0]
        user = synthetic_user(team)
    taken = set(
        Person.objects.filter(nhs_number__startswith="999").values_list("nhs_number", flat=True)
    )
    builder = Builder(
        seed=seed,
        period=period,
        ids=Ids(writer.next_ids(MODELS)),
        team_id=team.pk,
        user_id=user.pk,
        worker_name=user.display_name,
        nhs_numbers=NhsNumbers(seed, taken),
    )
    tables = {name: writer.Table(model, COLUMNS[name]) for name, model in MODELS.items()}
    rows: dict[str, int] = {}
    remaining = concerns
    in_chunk = 0
    while remaining:
        count = min(builder.draw_concern_count(), remaining)
        builder.add_person(count)
        remaining -= count
        in_chunk += count
        if in_chunk >= chunk_concerns or not remaining:
            _write(builder.take_chunk(), tables, rows)
            in_chunk = 0
            if progress:
                progress(concerns - remaining, concerns)
    writer.reset_sequences(MODELS.values())
    # The rows hold each case's one enquiry; its episode is made from them,
    # as the data migration does for cases recorded before episodes.
    from msp.concerns.models import Section42Decision
    from msp.enquiries.episodes import backfill
    from msp.enquiries.models import Closure, Enquiry

    rows["enquiries"] = backfill(Case, Enquiry, Closure, Section42Decision)
    writer.analyse([*MODELS.values(), Enquiry])
    # Written without the ORM's signals: any figures stored before are stale.
    from msp.assurance.freshness import everything_changed

    everything_changed()
    return Result(
        summary=builder.summary,
        seconds=time.perf_counter() - started,
        rows=rows,
        team=team.name,
    )

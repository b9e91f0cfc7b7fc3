"""The statutory return, built in the background and stored.

Asking for a year's return (``request_return``) gives the stored build when
it was counted from the year's current data (``msp.assurance.freshness``);
otherwise it queues ``build_return_task`` (Django's tasks framework: run by
``manage.py db_worker`` in production, at once in tests) and the page says the
return is being built. A build keeps the whole return and both downloads, so
showing and downloading it costs no counting at all.
"""

import datetime
import time

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from msp.assurance.freshness import version_of
from msp.assurance.models import BuildState, ReturnBuild
from msp.assurance.sac.build import build_return, one_snapshot
from msp.assurance.sac.export import render
from msp.assurance.sac.tables import SacReturn
from msp.sealed import seal, unseal

RETURN_PURPOSE = "assurance.return"  # what a stored build is sealed for (msp.sealed)

# A build waiting or running longer than this is taken as lost (a worker
# stopped) and is queued again on the next request.
LOST_AFTER = datetime.timedelta(minutes=30)


def is_fresh(build: ReturnBuild) -> bool:
    return (
        build.state == BuildState.READY
        and build.result is not None
        and build.data_version == version_of(build.year)
    )


def ready_return(year: int) -> tuple[ReturnBuild, SacReturn | None]:
    """The year's build and the return it holds when it is ready, current and
    readable; otherwise the build on its way (queued now if need be) and None.
    A stored return this service cannot read (not sealed by it, or written by
    an older version of the code) is built again, not left "ready"."""
    build = request_return(year)
    sac = stored_return(build) if is_fresh(build) else None
    if sac is None and is_fresh(build):
        build = request_return(year, unreadable=True)
    return build, sac


def request_return(year: int, *, unreadable: bool = False) -> ReturnBuild:
    """The year's build: ready and current, or (queued now if need be) on its
    way. ``unreadable``: the ready build's return could not be read; build it
    again."""
    build = ReturnBuild.objects.filter(year=year).first()
    if build is not None and is_fresh(build) and not unreadable:
        return build
    now = timezone.now()
    with transaction.atomic():
        build, created = ReturnBuild.objects.select_for_update().get_or_create(
            year=year, defaults={"state": BuildState.WAITING, "requested_at": now}
        )
        on_its_way = build.state in (BuildState.WAITING, BuildState.BUILDING)
        if on_its_way and build.requested_at > now - LOST_AFTER and not created:
            return build
        if unreadable and build.state == BuildState.READY:
            build.result = None  # what cannot be read is not offered again
        build.state, build.requested_at = BuildState.WAITING, now
        build.save(update_fields=["state", "requested_at", "result"])
        # The task row is written in this transaction: a worker sees it once committed.
        build_return_task.enqueue(year)
    build.refresh_from_db()
    return build


@task()
def build_return_task(year: int) -> None:
    """Count the return for ``year`` and store it with its downloads."""
    ReturnBuild.objects.filter(year=year).update(state=BuildState.BUILDING)
    started = time.perf_counter()
    try:
        with one_snapshot():
            version = version_of(year)
            sac = build_return(year)
        csv, xlsx = render(sac, "csv"), render(sac, "xlsx")
    except Exception:
        ReturnBuild.objects.filter(year=year).update(state=BuildState.FAILED)
        raise
    ReturnBuild.objects.filter(year=year).update(
        state=BuildState.READY,
        data_version=version,
        built_at=sac.produced_at,
        seconds=time.perf_counter() - started,
        result=seal(sac, RETURN_PURPOSE),
        csv=csv,
        xlsx=xlsx,
    )


def stored_return(build: ReturnBuild) -> SacReturn | None:
    """The return a ready build holds (None if this code can no longer read it)."""
    sac = unseal(build.result, RETURN_PURPOSE)  # None: not ours, or an older version's
    return sac if isinstance(sac, SacReturn) else None

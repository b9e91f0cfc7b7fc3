"""The auditor's desk: read-only pages over the audit log. Using the desk is
itself audited (searches, a person's access list, exports)."""

import csv
import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from msp.accounts.access import can_use_audit_desk
from msp.accounts.models import User
from msp.accounts.views import current_user
from msp.audit import desk
from msp.audit.forms import PeriodForm, PersonLookupForm, SearchForm
from msp.audit.log import write
from msp.govuk.pagination import paginate, query_without_page

PER_PAGE = 50
EXPORT_LIMIT = 100_000
ALERT_DAYS = 7
CSV_HEADER = (
    "Seq", "Event id", "When", "Username", "Action", "Channel", "Record type", "Record id",
    "Case id", "Case reference", "Person record number", "Reason", "Detail",
)  # fmt: skip


def auditor(request: HttpRequest) -> User:
    user = current_user(request)
    if not can_use_audit_desk(user):
        raise PermissionDenied("The audit log is for auditors")
    return user


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    user = auditor(request)
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "query": query_without_page(request)}
    if form.is_bound and form.is_valid():
        page = paginate(request, desk.search(form.filters()), per_page=PER_PAGE)
        write(
            by=user,
            action="audit.searched",
            object_type="audit.auditevent",
            object_id="search",
            changes={"terms": form.terms(), "page": page.number},
        )
        of = "" if page.more_beyond else f" of {page.last_known}"
        context |= {
            "page": page,
            "rows": desk.rows(page.items),
            "caption": f"Events, page {page.number}{of}",
        }
    return render(request, "audit/search.html", context)


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    user = auditor(request)
    form = SearchForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        return search(request)
    events = list(desk.search(form.filters())[:EXPORT_LIMIT])
    write(
        by=user,
        action="audit.exported",
        object_type="audit.auditevent",
        object_id="search",
        changes={"terms": form.terms(), "rows": len(events), "format": "csv"},
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-events-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for row in desk.rows(events):
        e = row.event
        writer.writerow(
            [
                e.seq,
                e.pk,
                timezone.localtime(e.at).isoformat(),
                e.user.username if e.user else "system",
                e.action,
                e.channel,
                e.object_type,
                e.object_id,
                e.case_id or "",
                row.case_reference,
                e.person_id or "",
                row.reason,
                row.detail,
            ]
        )
    return response


@require_GET
def person_access(request: HttpRequest) -> HttpResponse:
    user = auditor(request)
    form = PersonLookupForm(request.GET or None)
    context: dict[str, Any] = {"form": form}
    if form.is_bound and form.is_valid():
        person_id = form.person_id()
        assert person_id is not None
        write(
            by=user,
            action="audit.access_listed",
            object_type="people.person",
            object_id=str(person_id),
            person_id=person_id,
        )
        context |= {"person_id": person_id, "access": desk.who_has_seen(person_id)}
    return render(request, "audit/person.html", context)


@require_GET
def alerts(request: HttpRequest) -> HttpResponse:
    auditor(request)
    today = timezone.localdate()
    first = today - datetime.timedelta(days=ALERT_DAYS - 1)
    default = {
        f"{name}-{part}": str(getattr(day, part))
        for name, day in (("date_from", first), ("date_to", today))
        for part in ("day", "month", "year")
    }
    form = PeriodForm(request.GET or default)
    context: dict[str, Any] = {
        "form": form,
        "settings_records": settings.MSP_AUDIT_ALERT_RECORDS,
        "settings_minutes": settings.MSP_AUDIT_ALERT_MINUTES,
    }
    if form.is_valid():
        start, end = form.period()
        start = start or timezone.make_aware(datetime.datetime(2000, 1, 1))
        end = end or timezone.now() + datetime.timedelta(days=1)
        outside = desk.outside_team_reads(start, end)
        context |= {
            "bulk": desk.bulk_reads(start, end),
            "outside": desk.rows(outside[:100]),
            "outside_caption": f"Reads of another team's case ({outside.count()} in all, "
            "newest 100 shown)",
            "break_glass": desk.rows(desk.break_glass(start, end)[:200]),
        }
    return render(request, "audit/alerts.html", context)

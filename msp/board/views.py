"""The board dashboard: aggregate figures only, for board members and
safeguarding leads. Every figure is protected by ``disclosure.py`` (through
``report.py``) before it reaches the page or the CSV."""

import csv
import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from msp.accounts.access import can_view_board
from msp.accounts.models import Team, User
from msp.accounts.views import current_user
from msp.assurance.period import year_of
from msp.audit.log import record_change
from msp.board.forms import FilterForm
from msp.board.measures import Age, first_year
from msp.board.models import Dashboard
from msp.board.report import Report, latest_year_reports

# Who may see the dashboard. Board members see nothing else that holds personal
# data; safeguarding leads see it beside their casework.
CSV_HEADER = ("Period", "Team", "Table", "Row", "Column", "Value")


def board_user(request: HttpRequest) -> User:
    user = current_user(request)
    if not can_view_board(user):
        raise PermissionDenied("The board dashboard is for board members and safeguarding leads")
    return user


def _filter_form(request: HttpRequest) -> FilterForm:
    this_year = year_of(timezone.localdate())
    first = min(first_year() or this_year, this_year)
    years = list(range(this_year, first - 1, -1))
    data: QueryDict | dict[str, Any] = request.GET if request.GET else {"year": this_year}
    return FilterForm(data, years=years, teams=list(Team.objects.order_by("name")))


def _report(form: FilterForm) -> tuple[Report, Age]:
    """The chosen view, protected together with every other view of its year
    that a board member could ask for (``report.year_reports``), from the
    counts stored last (a recount is queued when the data has changed since)."""
    team = form.chosen_team()
    period = form.chosen_period()
    reports, age = latest_year_reports(period.year, {pk: t.name for pk, t in form.teams.items()})
    return reports[(team.pk if team else None, period.quarter)], age


def _query(form: FilterForm) -> str:
    """The chosen figures as a query string, for the download link."""
    values = {key: form.cleaned_data[key] for key in ("year", "quarter", "team")}
    return urlencode({key: "" if value is None else value for key, value in values.items()})


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    board_user(request)
    form = _filter_form(request)
    report, age = _report(form) if form.is_valid() else (None, None)
    download = f"{reverse('board:download')}?{_query(form)}" if report is not None else ""
    return render(
        request,
        "board/dashboard.html",
        {"form": form, "report": report, "age": age, "download_url": download},
    )


def _when(moment: datetime.datetime) -> str:
    return dateformat.format(timezone.localtime(moment), r"g:i a \o\n j F Y")


def _cell(value: str) -> str:
    """Keep spreadsheets from reading a value as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def csv_rows(report: Report) -> list[tuple[str, ...]]:
    """Every figure on the page, one per line, exactly as shown."""
    rows: list[tuple[str, ...]] = [CSV_HEADER]
    period = report.period.short_label
    for figure in report.figures:
        for row in figure.rows:
            for column, value in zip(figure.columns, row.values, strict=True):
                rows.append(
                    tuple(
                        _cell(v)
                        for v in (
                            period,
                            report.team_name,
                            figure.heading,
                            row.label,
                            column,
                            value,
                        )
                    )
                )
    return rows


@require_GET
def download(request: HttpRequest) -> HttpResponse:
    user = board_user(request)
    form = _filter_form(request)
    if not form.is_valid():
        return redirect(f"{reverse('board:dashboard')}?{request.GET.urlencode()}")
    report, age = _report(form)
    team = form.chosen_team()
    period = form.chosen_period()
    key = f"{period.year}" + (f" Q{period.quarter}" if period.quarter else "")
    key += f" team {team.pk}" if team else " all teams"
    record_change(
        by=user,
        action="board.downloaded",
        obj=Dashboard(key=key),
        changes={
            "period": [None, period.short_label],
            "team": [None, report.team_name],
            "format": [None, "csv"],
        },
    )
    slug = period.short_label.lower().replace(" ", "-")
    team_slug = f"team-{team.pk}" if team else "all-teams"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="board-figures-{slug}-{team_slug}.csv"'
    writer = csv.writer(response)
    if not age.current:
        writer.writerow([f"Counted at {_when(age.counted_at)}: later changes are not counted yet"])
    writer.writerows(csv_rows(report))
    return response

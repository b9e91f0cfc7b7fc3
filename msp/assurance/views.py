"""The statutory return page and its downloads, for the performance team and
safeguarding leads (see ``msp.accounts.access``)."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from msp.accounts.access import can_open_listed_cases, can_view_return
from msp.accounts.models import User
from msp.accounts.views import current_user
from msp.assurance.audit import record_return_download
from msp.assurance.builds import ready_return
from msp.assurance.codelists import earliest_year
from msp.assurance.models import YearData
from msp.assurance.period import Period, year_code
from msp.assurance.sac.export import FORMATS, filename
from msp.audit.log import record_list
from msp.govuk.forms import GovukForm


def available_years(today: datetime.date | None = None) -> list[int]:
    """Years with code lists, up to the year in progress, newest first."""
    first = earliest_year()
    current = Period.containing(today or timezone.localdate()).year
    if first is None:
        return []
    return list(range(current, first - 1, -1))


def default_year(years: list[int]) -> int:
    """The latest year that has ended: the one a return is due for."""
    finished = Period.containing(timezone.localdate()).year - 1
    return finished if finished in years else years[0]


class YearForm(GovukForm):
    year = forms.TypedChoiceField(label="Reporting year", coerce=int)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(y, year_code(y)) for y in years]
        field.error_messages["invalid_choice"] = "Select a reporting year from the list"
        field.error_messages["required"] = "Select a reporting year"


def _return_user(request: HttpRequest) -> User:
    user = current_user(request)
    if not can_view_return(user):
        raise PermissionDenied(
            "The statutory return is for the performance team and safeguarding leads"
        )
    return user


@require_GET
def sac_return(request: HttpRequest) -> HttpResponse:
    """The return for a year: the stored build when it is current, otherwise
    a build is queued and the page says so (the person refreshes the page)."""
    user = _return_user(request)
    years = available_years()
    if request.GET:
        form = YearForm(request.GET, years=years)
    else:
        form = YearForm({"year": default_year(years)} if years else None, years=years)
    build = sac = None
    if form.is_bound and form.is_valid():
        build, sac = ready_return(form.cleaned_data["year"])
    if sac is not None:
        record_list(
            by=user,
            shown_in="statutory return checks",
            cases=[(f.case_id, None) for f in sac.validation.findings],
        )
    return render(
        request,
        "assurance/return.html",
        {
            "form": form,
            "sac": sac,
            "build": build,
            "year_data": YearData.objects.filter(year=build.year).first() if build else None,
            "years": years,
            "link_cases": can_open_listed_cases(user),
        },
    )


@require_GET
def download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """The stored return as a file. Like every URL with a parameter in this
    service, it answers 404 (not 403) to people who may not use it. While no
    current build exists, it sends the person to the page that builds one."""
    user = current_user(request)
    if not can_view_return(user) or year not in available_years():
        raise Http404("No return to download")
    build, sac = ready_return(year)
    if sac is None:
        return redirect(reverse("assurance:return") + f"?year={year}")
    content = bytes((build.csv if fmt == "csv" else build.xlsx) or b"")
    record_return_download(by=user, year=year, fmt=fmt)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename(sac, fmt)}"'
    return response

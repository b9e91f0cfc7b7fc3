from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from msp.accounts.access import get_person_for_subject_access
from msp.accounts.views import current_user
from msp.privacy.actions import export_subject_access

FORMATS = {"pdf": "application/pdf", "json": "application/json"}


@require_GET
def subject_access(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_subject_access(current_user(request), pk)
    return render(request, "privacy/subject_access.html", {"person": person})


@require_GET
def subject_access_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    user = current_user(request)
    person = get_person_for_subject_access(user, pk)
    if fmt not in FORMATS:
        raise Http404("No such format")
    content = export_subject_access(person.pk, by=user, fmt=fmt)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="subject-access-{person.pk}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response

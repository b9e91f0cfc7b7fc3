"""Letters pages, under /cases/<pk>/letters/: the letters of a case (the
case's documents), choose a letter, edit it, preview it, send it.

Every page gets the case through ``get_case_for_user`` (the one place that
decides access); a letter is looked up only within that case."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from msp.accounts.access import can_change_case, can_see_confidential_referrer, get_case_for_user
from msp.accounts.models import User
from msp.accounts.views import current_user
from msp.audit.log import record_view
from msp.cases.errors import ActionError
from msp.cases.models import Case
from msp.concerns.models import Concern
from msp.govuk.actions import attempt
from msp.letters import actions, document, rules
from msp.letters.forms import ChooseForm, EditForm, SendForm
from msp.letters.models import Letter, LetterStatus, SendBy
from msp.submissions.web import submit_once

PDF_SHOWN_IN = "letter PDF"
HIDDEN_REFERRER = (
    "This letter is to someone who raised a concern in confidence. "
    "Only team managers and safeguarding leads can see it."
)


def _letter(case: Case, letter_pk: int, user: User) -> Letter:
    letter = Letter.objects.filter(case=case, pk=letter_pk).select_related("concern").first()
    if letter is None:
        raise Http404("No letter found")
    if rules.names_hidden_referrer(letter, sees_confidential=can_see_confidential_referrer(user)):
        raise PermissionDenied(HIDDEN_REFERRER)
    letter.case = case
    return letter


def _choices(case: Case, user: User) -> rules.Choices:
    return rules.choices(
        case,
        list(Concern.objects.filter(case=case)),
        sees_confidential=can_see_confidential_referrer(user),
    )


@require_GET
def letters(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    case = get_case_for_user(user, pk)
    rows = list(
        Letter.objects.filter(case=case)
        .select_related("drafted_by", "sent_by", "concern")
        .defer("pdf")
        .order_by("-drafted_at", "-id")
    )
    sees = can_see_confidential_referrer(user)
    for row in rows:
        row.hidden_referrer = rules.names_hidden_referrer(row, sees_confidential=sees)  # type: ignore[attr-defined]
    return render(
        request,
        "letters/list.html",
        {
            "case": case,
            "letters": rows,
            "can_write": can_change_case(user, case),
            "refusal": rules.why_not_write_to(case.person),
            "statuses": LetterStatus,
        },
    )


@require_http_methods(["GET", "POST"])
def choose(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    case = get_case_for_user(user, pk, write=True)
    offered = _choices(case, user)
    form = ChooseForm(request.POST or None, choices=offered.available)
    context = {"case": case, "form": form, "offered": offered}
    if request.method == "GET" or not offered.available:
        return render(request, "letters/choose.html", context)

    def act() -> Letter | str:
        if not form.is_valid():
            return ""
        choice = form.choices[form.cleaned_data["letter"]]
        concern = (
            Concern.objects.filter(case=case, pk=choice.concern_id).first()
            if choice.concern_id
            else None
        )
        try:
            return actions.draft_letter(
                case, by=user, kind=choice.kind, easy_read=choice.easy_read, concern=concern
            )
        except ActionError as error:
            return error.message

    once = submit_once(
        request,
        user=user,
        operation="letters:draft",
        act=act,
        target_of=lambda r: r.pk if isinstance(r, Letter) else None,
    )
    if once.replayed and once.target_id:
        return redirect("letters:edit", pk=case.pk, letter=once.target_id)
    if isinstance(once.result, Letter):
        return redirect("letters:edit", pk=case.pk, letter=once.result.pk)
    status = 409 if once.result else 200
    return render(
        request, "letters/choose.html", {**context, "problem": once.result}, status=status
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int, letter: int) -> HttpResponse:
    user = current_user(request)
    case = get_case_for_user(user, pk, write=True)
    found = _letter(case, letter, user)
    if not found.editable:
        return redirect("letters:preview", pk=case.pk, letter=found.pk)
    if request.method == "GET":
        record_view(by=user, obj=found, case_id=case.pk, person_id=case.person_id)
        form = EditForm(initial={"version": found.version, "text": found.text})
        return render(request, "letters/edit.html", {"case": case, "letter": found, "form": form})
    form = EditForm(request.POST)
    tried = attempt(
        form,
        lambda version, values: actions.edit_letter(
            found, by=user, text=values["text"], expected_version=version
        ),
    )
    if tried.done:
        return redirect("letters:preview", pk=case.pk, letter=found.pk)
    return render(
        request,
        "letters/edit.html",
        {"case": case, "letter": found, "form": tried.form, **tried.context},
        status=tried.status,
    )


def _default_send(case: Case, letter: Letter) -> tuple[str, str]:
    if letter.to_the_person:
        person = case.person
        lines = [person.address.strip(), person.postcode.strip()]
        return SendBy.POST, "\n".join(line for line in lines if line)
    contact = letter.concern.referrer_contact.strip() if letter.concern else ""
    if "@" in contact and " " not in contact:
        return SendBy.EMAIL, contact
    return SendBy.POST, contact


@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, pk: int, letter: int) -> HttpResponse:
    user = current_user(request)
    case = get_case_for_user(user, pk, write=request.method == "POST")
    found = _letter(case, letter, user)
    refusal = rules.why_not_write_to(case.person) if found.to_the_person else ""
    context = {
        "case": case,
        "letter": found,
        "layout": document.layout(found.text),
        "refusal": refusal,
        "can_send": found.editable and not refusal and can_change_case(user, case),
        "person": case.person,
    }
    if request.method == "GET":
        record_view(by=user, obj=found, case_id=case.pk, person_id=case.person_id)
        how, where = _default_send(case, found)
        form = SendForm(initial={"version": found.version, "send_by": how, "send_to": where})
        return render(request, "letters/preview.html", {**context, "form": form})
    if not context["can_send"]:
        return render(
            request,
            "letters/preview.html",
            {**context, "form": None, "problem": refusal or actions.ALREADY_SENT},
            status=409,
        )
    form = SendForm(request.POST)
    tried = attempt(
        form,
        lambda version, values: actions.send(
            found,
            by=user,
            send_by=values["send_by"],
            send_to=values.get("send_to", ""),
            expected_version=version,
        ),
    )
    if tried.done:
        sent = tried.result
        assert isinstance(sent, Letter)
        if sent.status == LetterStatus.SENT:
            messages.success(request, f"{sent.title} sent")
        else:
            messages.warning(request, f"{sent.title} was not sent: {sent.last_error}")
        return redirect("letters:list", pk=case.pk)
    return render(
        request,
        "letters/preview.html",
        {**context, "form": tried.form, **tried.context},
        status=tried.status,
    )


@require_GET
def pdf(request: HttpRequest, pk: int, letter: int) -> HttpResponse:
    """The PDF as sent, or for a draft as it would be sent now."""
    user = current_user(request)
    case = get_case_for_user(user, pk, shown_in=PDF_SHOWN_IN)
    found = _letter(case, letter, user)
    content = bytes(found.pdf) if found.pdf is not None else document.pdf(document.html(found))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{case.reference}-letter-{found.pk}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def retry(request: HttpRequest, pk: int, letter: int) -> HttpResponse:
    user: User = current_user(request)
    case = get_case_for_user(user, pk, write=True)
    found = _letter(case, letter, user)
    try:
        result = actions.retry(found, by=user)
    except ActionError as error:
        messages.error(request, error.message)
        return redirect(reverse("letters:list", kwargs={"pk": case.pk}))
    if result.status == LetterStatus.SENT:
        messages.success(request, f"{result.title} sent")
    else:
        messages.warning(request, f"{result.title} was not sent: {result.last_error}")
    return redirect(reverse("letters:list", kwargs={"pk": case.pk}))

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from msp.accounts.access import get_case_for_user
from msp.accounts.models import Role, User
from msp.accounts.views import casework_user, current_user
from msp.audit.log import record_list
from msp.cases.models import Case, CaseState
from msp.cases.views import case_for_change
from msp.enquiries.codes import Achievement, MspAsked
from msp.enquiries.models import Closure
from msp.govuk.actions import attempt
from msp.survey import actions, worklist
from msp.survey.codes import ACHIEVED_QUESTION, ASKED_QUESTION, Method, Respondent
from msp.survey.derive import closure_msp
from msp.survey.forms import AnswersForm, ChoiceForm
from msp.survey.models import SurveyQuestion, SurveyResponse
from msp.survey.rules import (
    choice_errors,
    days_left,
    questions_for,
    response_errors,
    window_end,
)

NEW_TEMPLATE = "survey/new_response.html"
START_HEADING = "Record an outcome survey"


@require_GET
def work_list(request: HttpRequest) -> HttpResponse:
    user = casework_user(request)
    today = timezone.localdate()
    due = worklist.due(user, today)
    recent = list(worklist.recent(user, today))
    record_list(
        by=user,
        shown_in="survey work list",
        cases=[(d.case.pk, d.case.person_id) for d in due]
        + [(r.case.pk, r.case.person_id) for r in recent],
    )
    return render(
        request,
        "survey/work_list.html",
        {
            "due": due,
            "recent": recent,
            "show_team": user.role == Role.SAFEGUARDING_LEAD,
        },
    )


def _window(closure: Closure) -> dict[str, Any]:
    closed_on = actions.closed_on(closure)
    today = timezone.localdate()
    return {
        "closed_on": closed_on,
        "window_end": window_end(closed_on),
        "days_left": days_left(closed_on, today),
    }


def _from_closure(closure: Closure, respondent: str) -> list[tuple[int, str, str]]:
    """Questions 1 and 2 as the closure record answers them: (number, question, answer)."""
    asked, achieved = closure_msp(closure)
    active = {q.number: q for q in SurveyQuestion.objects.active()}
    rows = []
    for number, code, labels in (
        (ASKED_QUESTION, asked, dict(MspAsked.choices)),
        (ACHIEVED_QUESTION, achieved, dict(Achievement.choices)),
    ):
        question = active.get(number)
        text = question.text_for(respondent) if question else f"Question {number}"
        answer = (
            str(labels.get(code, code))
            if code
            else "Not asked: only asked when outcomes were expressed"
        )
        rows.append((number, text, answer))
    return rows


def _choice_page(
    request: HttpRequest, case: Case, closure: Closure, form: ChoiceForm, independent: bool
) -> HttpResponse:
    return render(
        request,
        NEW_TEMPLATE,
        {
            "case": case,
            "step": "choose",
            "heading": START_HEADING,
            "form": form,
            "independent": independent,
            **_window(closure),
        },
    )


@require_http_methods(["GET", "POST"])
def new_response(request: HttpRequest, pk: int) -> HttpResponse:
    user, case = case_for_change(request, pk)
    closure = actions.latest_closure(case) if case.state == CaseState.CLOSED else None
    if closure is None:
        return render(
            request,
            NEW_TEMPLATE,
            {
                "case": case,
                "step": "closed",
                "form": None,
                "heading": START_HEADING,
                "problem": actions.not_closed_message(case),
            },
            status=409,
        )
    independent = actions.is_independent(case, user)
    # Step one: who answered and how. Its answers travel in the query string.
    wanted = request.GET if {"step", "respondent", "method"} & set(request.GET) else None
    choice = ChoiceForm(wanted)
    if wanted is None or "change" in request.GET or not choice.is_valid():
        return _choice_page(request, case, closure, choice, independent)
    errors = choice_errors(
        choice.cleaned_data, independent=independent, taken=actions.taken_methods(closure)
    )
    if errors:
        choice.add_rule_errors(errors)
        return _choice_page(request, case, closure, choice, independent)
    respondent, method = choice.cleaned_data["respondent"], choice.cleaned_data["method"]
    return _answers(request, user, case, closure, respondent, method, independent)


def _answers(
    request: HttpRequest,
    user: User,
    case: Case,
    closure: Closure,
    respondent: str,
    method: str,
    independent: bool,
) -> HttpResponse:
    questions = questions_for(method, list(SurveyQuestion.objects.active()))
    query = urlencode({"respondent": respondent, "method": method})
    context: dict[str, Any] = {
        "case": case,
        "step": "answers",
        "heading": (
            "Record the representative's answers"
            if respondent == Respondent.REPRESENTATIVE
            else "Record the person's answers"
        ),
        "respondent": respondent,
        "respondent_label": Respondent(respondent).label,
        "method": method,
        "method_label": Method(method).label,
        "independent": independent,
        "action": f"{request.path}?{query}",
        "change": f"{request.path}?{query}&change=1",
        "from_closure": (
            _from_closure(closure, respondent) if method == Method.LEAD_AT_CLOSURE else []
        ),
        **_window(closure),
    }
    if request.method == "GET":
        form = AnswersForm(questions=questions, respondent=respondent)
        return render(request, NEW_TEMPLATE, {"form": form, **context})
    form = AnswersForm(request.POST, questions=questions, respondent=respondent)
    tried = attempt(
        form,
        lambda _version, values: actions.record_response(
            case,
            by=user,
            respondent=respondent,
            method=method,
            asked_on=values.get("asked_on"),
            representative_role=str(values.get("representative_role") or ""),
            answers=form.answers(),
        ),
        rules=lambda values: response_errors(
            {**values, "respondent": respondent},
            questions=questions,
            answers=form.answers(),
            closed_on=context["closed_on"],
            today=timezone.localdate(),
        ),
    )
    if tried.result is not None:
        messages.success(request, "Outcome survey recorded")
        return redirect("survey:response", pk=tried.result.pk)
    return render(
        request, NEW_TEMPLATE, {"form": tried.form, **context, **tried.context}, status=tried.status
    )


@require_GET
def response_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    case_id = SurveyResponse.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    if case_id is None:
        raise Http404("No survey response found")
    case = get_case_for_user(user, case_id)
    response = (
        SurveyResponse.objects.select_related("closure", "interviewer")
        .prefetch_related("answers__question")
        .get(pk=pk)
    )
    rows: list[tuple[int, str, str, str, str]] = []
    if response.method == Method.LEAD_AT_CLOSURE:
        rows += [
            (number, text, answer, "", "From the closure record")
            for number, text, answer in _from_closure(response.closure, response.respondent)
        ]
    for answer in response.answers.all():
        question = answer.question
        rows.append(
            (
                question.number,
                question.text_for(response.respondent),
                answer.label,
                answer.comment,
                "",
            )
        )
    return render(
        request,
        "survey/response.html",
        {
            "case": case,
            "response": response,
            "rows": sorted(rows, key=lambda row: row[0]),
            "closed_on": actions.closed_on(response.closure),
        },
    )

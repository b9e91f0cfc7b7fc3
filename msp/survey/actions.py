"""Recording what a person said in the outcome survey. One function, one
transaction, one audit event."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from msp.accounts.models import User
from msp.audit.log import created, record_change
from msp.audit.models import AuditEvent
from msp.cases.errors import ActionError
from msp.cases.models import Case, CaseState
from msp.cases.workflow import lock
from msp.enquiries.models import Closure
from msp.survey.codes import Respondent
from msp.survey.models import SurveyAnswer, SurveyQuestion, SurveyResponse
from msp.survey.rules import Answers, choice_errors, questions_for, response_errors

RECORDED = "survey.response_recorded"


def latest_closure(case: Case) -> Closure | None:
    return case.closures.order_by("-closed_at", "-id").first()


def closed_on(closure: Closure) -> datetime.date:
    return timezone.localdate(closure.closed_at)


def is_independent(case: Case, user: User) -> bool:
    """Independent of the enquiry: not the lead worker, and never recorded
    anything on the case (reading it, or recording a survey, does not count)."""
    if case.lead_worker_id == user.pk:
        return False
    worked_on = (
        AuditEvent.objects.changes()
        .filter(case_id=case.pk, user=user)
        .exclude(action__startswith="survey.")
        .exists()
    )
    return not worked_on


def taken_methods(closure: Closure) -> set[str]:
    """The ways of asking already used for this closure (one response each)."""
    return set(SurveyResponse.objects.filter(closure=closure).values_list("method", flat=True))


def not_closed_message(case: Case) -> str:
    return (
        f"The outcome survey is for closed cases. This case is at "
        f"'{case.get_state_display()}'. Ask the person about their experience once it closes."
    )


@transaction.atomic
def record_response(
    case: Case,
    *,
    by: User,
    respondent: str,
    method: str,
    asked_on: datetime.date | None,
    answers: Answers,
    representative_role: str = "",
) -> SurveyResponse:
    """Record one survey interview about the case's latest closure.

    ``by`` is the interviewer; whether they are independent of the enquiry is
    worked out here, never asked. ``answers`` maps question numbers to
    (option code, comment). For the lead enquirer's survey at closure,
    questions 1 and 2 come from the closure record and are not stored."""
    locked: Case = lock(Case, case.pk, None)  # one response at a time per case
    if locked.state != CaseState.CLOSED:
        raise ActionError(not_closed_message(locked))
    closure = latest_closure(locked)
    if closure is None:
        raise ActionError("This case has no closure record to ask about.")
    independent = is_independent(locked, by)
    values: dict[str, Any] = {
        "respondent": respondent,
        "method": method,
        "representative_role": representative_role.strip(),
        "asked_on": asked_on,
    }
    taken = taken_methods(closure)
    errors = choice_errors(values, independent=independent, taken=set())
    if errors:
        raise ValidationError(errors)
    if method in taken:
        raise ActionError(choice_errors(values, independent=independent, taken=taken)["method"])
    questions = questions_for(method, list(SurveyQuestion.objects.active()))
    errors = response_errors(
        values,
        questions=questions,
        answers=answers,
        closed_on=closed_on(closure),
        today=timezone.localdate(),
    )
    if errors:
        raise ValidationError(errors)
    if respondent != Respondent.REPRESENTATIVE:
        values["representative_role"] = ""
    response = SurveyResponse.objects.create(
        case=locked,
        closure=closure,
        interviewer=by,
        interviewer_independent=independent,
        **values,
    )
    stored: dict[str, Any] = {}
    for question in questions:
        option, comment = answers.get(question.number, ("", ""))
        if not option:  # question 2 when no outcomes were expressed
            continue
        SurveyAnswer.objects.create(
            response=response, question=question, option=option, comment=comment.strip()
        )
        stored[f"question_{question.number}"] = {
            "version": question.version,
            "answer": option,
            "comment": comment.strip(),
        }
    record_change(
        by=by,
        action=RECORDED,
        obj=response,
        changes=created(
            {
                **values,
                "closure_id": closure.pk,
                "interviewer_independent": independent,
                "answers": stored,
            }
        ),
        case_id=locked.pk,
        person_id=locked.person_id,
    )
    return response

"""Questions 1 and 2 of the outcome survey, derived from the closure record.

``closure_msp`` is the one place that turns a closure and the ratings of the
desired outcomes into the statutory return's SG4a answers. The survey uses it
for the lead enquirer's survey at closure, and the statutory return should use
it too, so the two can never disagree.
"""

from collections.abc import Iterable

from msp.enquiries.codes import Achievement, MspAsked
from msp.enquiries.models import Closure, DesiredOutcome
from msp.survey.codes import ACHIEVED_QUESTION, ASKED_QUESTION, Method
from msp.survey.models import SurveyResponse

MspAnswers = tuple[str, str | None]


def overall_achievement(ratings: Iterable[str]) -> str | None:
    """One answer for all of a person's desired outcomes.

    Every outcome fully achieved gives Fully Achieved; none fully or partially
    achieved gives Not Achieved; anything else gives Partially Achieved. No
    rated outcome gives ``None``. Blank (unrated) entries are ignored."""
    rated = [r for r in ratings if r]
    if not rated:
        return None
    if all(r == Achievement.FULLY for r in rated):
        return str(Achievement.FULLY)
    if all(r == Achievement.NOT for r in rated):
        return str(Achievement.NOT)
    return str(Achievement.PARTIALLY)


def closure_msp(closure: Closure) -> MspAnswers:
    """(asked, achieved) for a closure, as codes of ``MspAsked`` and ``Achievement``.

    ``asked`` is the closure's answer; a closure that did not record it (a case
    closed without an enquiry) counts as Not Recorded. ``achieved`` is given
    only when outcomes were expressed, from the outcomes that existed when the
    case closed; otherwise ``None``.

    Ratings cannot change while a case is closed, so for a case's latest
    closure this is exact. For an earlier closure of a case that was reopened
    and rated again, it reads today's ratings."""
    asked = closure.msp_asked or str(MspAsked.NOT_RECORDED)
    if asked != MspAsked.EXPRESSED:
        return asked, None
    ratings = DesiredOutcome.objects.filter(
        case_id=closure.case_id, created_at__lte=closure.closed_at
    ).values_list("achievement", flat=True)
    return asked, overall_achievement(ratings)


def response_msp(response: SurveyResponse) -> MspAnswers:
    """(asked, achieved) as this survey response answered questions 1 and 2:
    from the closure for the lead enquirer's survey at closure, from the
    person's own answers for an independent survey."""
    if response.method == Method.LEAD_AT_CLOSURE:
        return closure_msp(response.closure)
    given = {a.question.number: a.option for a in response.answers.select_related("question")}
    asked = given.get(ASKED_QUESTION, str(MspAsked.NOT_RECORDED))
    achieved = given.get(ACHIEVED_QUESTION) if asked == MspAsked.EXPRESSED else None
    return asked, achieved

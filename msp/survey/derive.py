"""Questions 1 and 2 of the outcome survey, derived from the closure record.

``closure_msp`` turns a closure and the ratings of its desired outcomes into
the statutory return's SG4a answers, by the definitions the return and the
board use (``msp.assurance.definitions``), so the three can never disagree.
"""

from msp.assurance.definitions import closure_achievement, overall_achievement
from msp.enquiries.codes import MspAsked
from msp.enquiries.models import Closure
from msp.survey.codes import ACHIEVED_QUESTION, ASKED_QUESTION, Method
from msp.survey.models import SurveyResponse

MspAnswers = tuple[str, str | None]

__all__ = ["MspAnswers", "closure_msp", "overall_achievement", "response_msp"]


def closure_msp(closure: Closure) -> MspAnswers:
    """(asked, achieved) for a closure, as codes of ``MspAsked`` and ``Achievement``.

    ``asked`` is the closure's answer; a closure that did not record it (a case
    closed without an enquiry) counts as Not Recorded. ``achieved`` is given
    only when outcomes were expressed, from the outcomes that existed when the
    case closed; otherwise ``None``.

    The overall achievement is worked out when the case closes and kept on
    the closure, so a case reopened and rated again does not change it."""
    asked = closure.msp_asked or str(MspAsked.NOT_RECORDED)
    if asked != MspAsked.EXPRESSED:
        return asked, None
    return asked, closure_achievement(closure)


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

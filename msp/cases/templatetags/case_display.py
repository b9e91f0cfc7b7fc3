from typing import Any

from django import template

from msp.cases.models import Case, CaseState

register = template.Library()

STATE_COLOURS: dict[str, str] = {
    CaseState.RAISED: "govuk-tag--orange",
    CaseState.TRIAGE: "govuk-tag--light-blue",
    CaseState.DECIDED: "govuk-tag--purple",
    CaseState.ENQUIRY: "govuk-tag--blue",
    CaseState.CLOSING: "govuk-tag--yellow",
    CaseState.CLOSED: "govuk-tag--grey",
}


@register.inclusion_tag("cases/includes/state_tag.html")
def state_tag(case: Case) -> dict[str, Any]:
    return {"label": case.get_state_display(), "colour": STATE_COLOURS.get(case.state, "")}

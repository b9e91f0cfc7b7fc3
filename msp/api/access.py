"""Access checks for changes, run with the token (see msp.api.auth) so they come
before input validation. All of them defer to msp.accounts.access."""

from django.http import Http404

from msp.accounts.access import (
    CaseRestricted,
    findable_cases,
    get_case_for_user,
    get_person_for_user,
    readable_people,
)
from msp.accounts.models import User
from msp.api.auth import TokenAuth
from msp.audit.log import record_refusal
from msp.enquiries.models import DesiredOutcome, Override, PlanAction, ReferrerEscalation
from msp.enquiries.models.base import CaseRecord

NO_OUTCOME = "No desired outcome found"
NO_OVERRIDE = "No override found"
NO_PLAN_ACTION = "No plan action found"
NO_ESCALATION = "No escalation found"


def get_outcome_for_user(user: User, pk: int, *, write: bool = False) -> DesiredOutcome:
    """The outcome, if the user may see (or, with ``write``, change) its case.
    Outcomes on cases the user may not see look exactly like missing ones."""
    outcome = DesiredOutcome.objects.filter(pk=pk).first()
    if outcome is None:
        raise Http404(NO_OUTCOME)
    try:
        outcome.case = get_case_for_user(user, outcome.case_id, write=write)
    except Http404:
        raise Http404(NO_OUTCOME) from None
    return outcome


def _record_for_user[R: CaseRecord](
    model: type[R], user: User, pk: int, *, write: bool, missing: str
) -> R:
    """A record of a case, if the user may see (or, with ``write``, change) the
    case. Records on cases the user may not see look exactly like missing ones."""
    record = model._default_manager.select_related("recorded_by").filter(pk=pk).first()
    if record is None:
        raise Http404(missing)
    try:
        record.case = get_case_for_user(user, record.case_id, write=write)
    except Http404:
        raise Http404(missing) from None
    return record


def get_plan_action_for_user(user: User, pk: int, *, write: bool = False) -> PlanAction:
    return _record_for_user(PlanAction, user, pk, write=write, missing=NO_PLAN_ACTION)


def get_escalation_for_user(user: User, pk: int, *, write: bool = False) -> ReferrerEscalation:
    return _record_for_user(ReferrerEscalation, user, pk, write=write, missing=NO_ESCALATION)


def get_override_to_cosign(user: User, pk: int) -> Override:
    """The override, for its named co-signer if they may see the case, or for
    anyone who may change the case (the action then refuses anyone but the
    co-signer, with 403). A co-signer may be a manager of another team, who
    may read this team's cases but not change them."""
    cosigner_id = Override.objects.filter(pk=pk).values_list("cosigner_id", flat=True).first()
    write = cosigner_id != user.pk
    return _record_for_user(Override, user, pk, write=write, missing=NO_OVERRIDE)


def _change_case(user: User, pk: int) -> None:
    get_case_for_user(user, pk, write=True)


def _change_person(user: User, pk: int) -> None:
    get_person_for_user(user, pk, write=True)


def _see_case(user: User, pk: int) -> None:
    # Not get_case_for_user: that records a view, and the operation reads the
    # case itself (and refuses a restricted case with 403 there).
    case = findable_cases(user).filter(pk=pk).first()
    if case is None:
        record_refusal(by=user, kind="case", requested_id=pk, status=404)
        raise Http404("No case found")
    if not case.opens:  # type: ignore[attr-defined]
        record_refusal(by=user, kind="case", requested_id=pk, status=403)
        raise CaseRestricted(case)


def _see_person(user: User, pk: int) -> None:
    # Not get_person_for_user: that records a view, and the operation reads the
    # person itself.
    if not readable_people(user).filter(pk=pk).exists():
        raise Http404("No person found")


def _change_outcome(user: User, pk: int) -> None:
    get_outcome_for_user(user, pk, write=True)


def _change_plan_action(user: User, pk: int) -> None:
    get_plan_action_for_user(user, pk, write=True)


def _change_escalation(user: User, pk: int) -> None:
    get_escalation_for_user(user, pk, write=True)


TOKEN = TokenAuth()
CHANGE_CASE = TokenAuth("case_id", _change_case)
CHANGE_PERSON = TokenAuth("person_id", _change_person)
SEE_PERSON = TokenAuth("person_id", _see_person)
SEE_CASE = TokenAuth("case_id", _see_case)
CHANGE_OUTCOME = TokenAuth("outcome_id", _change_outcome)
CHANGE_PLAN_ACTION = TokenAuth("plan_action_id", _change_plan_action)
CHANGE_ESCALATION = TokenAuth("escalation_id", _change_escalation)

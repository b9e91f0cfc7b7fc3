"""Access checks for changes, run with the token (see msp.api.auth) so they come
before input validation. All of them defer to msp.accounts.access."""

from django.http import Http404

from msp.accounts.access import (
    get_case_for_user,
    get_person_for_user,
    readable_people,
)
from msp.accounts.models import User
from msp.api.auth import TokenAuth
from msp.enquiries.models import DesiredOutcome

NO_OUTCOME = "No desired outcome found"


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


def _change_case(user: User, pk: int) -> None:
    get_case_for_user(user, pk, write=True)


def _change_person(user: User, pk: int) -> None:
    get_person_for_user(user, pk, write=True)


def _see_person(user: User, pk: int) -> None:
    # Not get_person_for_user: that records a view, and the operation reads the
    # person itself.
    if not readable_people(user).filter(pk=pk).exists():
        raise Http404("No person found")


def _change_outcome(user: User, pk: int) -> None:
    get_outcome_for_user(user, pk, write=True)


TOKEN = TokenAuth()
CHANGE_CASE = TokenAuth("case_id", _change_case)
CHANGE_PERSON = TokenAuth("person_id", _change_person)
SEE_PERSON = TokenAuth("person_id", _see_person)
CHANGE_OUTCOME = TokenAuth("outcome_id", _change_outcome)

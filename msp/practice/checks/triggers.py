"""The facts that make a check apply, named so each check can declare them.

A check lists its triggers in its definition (``@check(applies_when=...,
unless=...)``): it runs when any of ``applies_when`` holds (or always, when
none are listed) and none of ``unless`` does, whatever the case's state.
Each trigger reads facts: the concern (types, source of risk, setting), the
decision, the record and the closure. "Not yet known" counts as "may have".
"""

from collections.abc import Callable
from dataclasses import dataclass

from msp.practice.snapshot import UNKNOWN, YES, CaseSnapshot

MAY = frozenset({YES, UNKNOWN})

# Settings where the source of risk works with, or lives among, other adults
# at risk: care homes, hospitals and community services.
SHARED_SETTINGS = frozenset(
    {
        "care_home_nursing",
        "care_home_residential",
        "hospital_acute",
        "hospital_mental_health",
        "hospital_community",
        "community_service",
    }
)
TRUST_OR_UNKNOWN = frozenset({"paid_carer", "staff", "volunteer", "unknown"})


@dataclass(frozen=True)
class Trigger:
    """A named fact about a case, in plain words (shown in the check's
    documentation), and the test that reads it from a snapshot."""

    says: str
    test: Callable[[CaseSnapshot], bool]

    def __call__(self, s: CaseSnapshot) -> bool:
        return self.test(s)


def _ended_without_agreed_outcome(s: CaseSnapshot) -> bool:
    closure = s.closure
    return closure is not None and closure.ended_without_agreed_outcome


def _no_contact_reached_at_closure(s: CaseSnapshot) -> bool:
    return s.at_closure and bool(s.contacts) and not any(c.outcome == "spoke" for c in s.contacts)


def _person_died(s: CaseSnapshot) -> bool:
    closure = s.closure
    return (
        s.death is not None
        or s.person.date_of_death is not None
        or (closure is not None and closure.person_died)
    )


def _source_may_harm_others(s: CaseSnapshot) -> bool:
    """From the risk assessment where it answers (not yet known counts as
    yes), and from the concern in every case unless the risk assessment has
    since said plainly that the source is not in a position of trust and has
    no contact with others at risk."""
    r = s.risk
    if r is not None:
        if (
            r.source_trust_role in TRUST_OR_UNKNOWN
            or r.source_has_contact_with_others_at_risk in MAY
        ):
            return True
        if r.source_trust_role == "none" and r.source_has_contact_with_others_at_risk == "no":
            return False
    return any(
        "service_provider" in c.sources_of_risk or c.location_of_risk in SHARED_SETTINGS
        for c in s.concerns
    )


def _crime_may_have_been_committed(s: CaseSnapshot) -> bool:
    """The risk assessment says yes or not yet known."""
    return s.risk is not None and s.risk.crime_may_have_been_committed in MAY


ENQUIRY_UNDER_WAY = Trigger(
    "an enquiry is under way (or has run and the case is closing or closed)",
    lambda s: s.enquiry_under_way,
)
AT_CLOSURE = Trigger(
    "the case is closing, or a closure is proposed or recorded", lambda s: s.at_closure
)
CLOSING_AFTER_ENQUIRY = Trigger(
    "a case that had an enquiry is closing", lambda s: s.had_enquiry and s.at_closure
)
NO_ENQUIRY_DECIDED = Trigger(
    "the latest decision is that no enquiry is needed",
    lambda s: s.decision is not None and s.decision.result == "none",
)
SELF_NEGLECT = Trigger(
    "a concern is about self-neglect, or clutter ratings (hoarding) are recorded",
    lambda s: "self_neglect" in s.all_abuse_types or bool(s.clutter_ratings),
)
ENDED_WITHOUT_AGREED_OUTCOME = Trigger(
    "the person's involvement ended without an agreed outcome (declined, stopped "
    "engaging or could not be contacted, whatever reason was chosen)",
    _ended_without_agreed_outcome,
)
NO_CONTACT_REACHED_AT_CLOSURE = Trigger(
    "the case is closing and no contact reached the person", _no_contact_reached_at_closure
)
PERSON_DIED = Trigger(
    "the person has died (a death record, a date of death, or a closure because they died)",
    _person_died,
)
SOURCE_MAY_HARM_OTHERS = Trigger(
    "the source of risk is, or may be, in a position of trust or in contact with others "
    "at risk (a service provider, a care home, hospital or community service setting, or "
    "the risk assessment says so or does not yet know)",
    _source_may_harm_others,
)
CRIME_MAY_HAVE_BEEN_COMMITTED = Trigger(
    "a crime may have been committed (yes or not yet known)", _crime_may_have_been_committed
)

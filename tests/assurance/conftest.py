"""Dated case histories for counting tests.

``story(by, raised_on=...)`` raises a concern through the action functions and
each further step (decide, start, close, reopen) is an action too. Actions
stamp records with the current time, so each step then moves its own record's
timestamp to the day the test says (noon, UK time). Audit events keep the real
time (they cannot be changed), so tests of past years do not look at the
audit-log check.
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from msp.assurance.models import CodeList
from msp.cases.models import Case
from msp.concerns import actions as concern_actions
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import Closure, DesiredOutcome, Enquiry
from msp.practice.gate import GuardBlocked
from tests import factories


@pytest.fixture(autouse=True)
def code_lists(db):
    """The code lists the data migration loads. A transactional test (the
    browser tests) empties every table when it ends, so load them again if an
    earlier test on this worker did that."""
    if not CodeList.objects.exists():
        migration = importlib.import_module("msp.assurance.migrations.0002_sac_code_lists_2024_25")
        migration.load(apps, None)


DECISION_OTHER = {
    **factories.DECISION_S42,
    "unable_to_protect_self": "no",
    "unable_to_protect_self_evidence": "Manages her own affairs with support from a friend.",
    "result": "other",
}


def noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def close(case, *, by, **values):
    """Close through the action. These stories are about counting, not about the
    practice guard: when a legal duty is not shown as met, the manager
    overrides it with a reason, as the guard allows."""
    try:
        return enquiry_actions.close_case(case, by=by, expected_version=case.version, **values)
    except GuardBlocked as blocked:
        overrides = {f.check_id: "Recorded on paper before this system." for f in blocked.findings}
        return enquiry_actions.close_case(
            case, by=by, expected_version=case.version, duty_overrides=overrides, **values
        )


class Story:
    """One case about one adult, moved through the workflow on given days.
    ``by`` does the casework; ``closer`` (a team manager) closes."""

    def __init__(self, by, *, closer, person, raised_on, **concern):
        self.by = by
        self.closer = closer
        self.case = concern_actions.raise_concern(
            person=person, by=by, raised_on=raised_on, **{**factories.CONCERN, **concern}
        )
        Case.objects.filter(pk=self.case.pk).update(opened_at=noon(raised_on))
        Concern.objects.filter(case=self.case).update(received_at=noon(raised_on))
        self._refresh()
        self.case = concern_actions.start_triage(
            self.case, by=by, expected_version=self.case.version
        )

    def _refresh(self):
        self.case = factories.fresh(self.case)
        return self

    def concern(self, raised_on, **values):
        """A further concern on the same case (there is no action for this yet)."""
        Concern.objects.create(
            case=self.case,
            raised_on=raised_on,
            received_at=noon(raised_on),
            raised_by=self.by,
            **{**factories.CONCERN, **values},
        )
        return self

    def decide(self, on, result="s42"):
        decision = {
            "s42": factories.DECISION_S42,
            "other": DECISION_OTHER,
            "none": factories.DECISION_NONE,
        }[result]
        made = concern_actions.record_decision(
            self.case,
            by=factories.decider_for(self.by, self.case),
            expected_version=self.case.version,
            **decision,
        )
        Section42Decision.objects.filter(pk=made.pk).update(decided_at=noon(on))
        return self._refresh()

    def start(self, on, outcomes=1):
        self.case = factories.allocated(self.case, self.by)
        self.case = enquiry_actions.start_enquiry(
            self.case, by=self.by, expected_version=self.case.version
        )
        Case.objects.filter(pk=self.case.pk).update(enquiry_started_at=noon(on))
        Enquiry.objects.filter(case=self.case, concluded_at__isnull=True).update(
            started_at=noon(on)
        )
        for i in range(outcomes):
            outcome = enquiry_actions.add_outcome(
                self._refresh().case,
                by=self.by,
                expected_version=self.case.version,
                text=f"I want to feel safe at home ({i + 1})",
                whose_words="person",
            )
            DesiredOutcome.objects.filter(pk=outcome.pk).update(created_at=noon(on))
        return self._refresh()

    def close(self, on, ratings=("fully",), blank=(), **closure):
        """Close with the closure values (factories.CLOSURE by default), rating
        the desired outcomes in order; ``blank`` names closure fields to empty
        afterwards, as data loaded from an older system might have them."""
        self.case = enquiry_actions.start_closing(
            self.case, by=self.by, expected_version=self.case.version
        )
        outcomes = list(DesiredOutcome.objects.filter(case=self.case).order_by("pk"))
        for outcome, rating in zip(outcomes, ratings, strict=True):
            enquiry_actions.rate_outcome(
                outcome, by=self.by, expected_version=outcome.version, achievement=rating
            )
        made = close(self._refresh().case, by=self.closer, **{**factories.CLOSURE, **closure})
        changes = {"closed_at": noon(on)}
        changes.update(dict.fromkeys(blank, ""))
        if "capacity_support" in blank:
            changes["capacity_support"] = None
        Closure.objects.filter(pk=made.pk).update(**changes)
        Enquiry.objects.filter(closure=made).update(concluded_at=noon(on))
        Case.objects.filter(pk=self.case.pk).update(closed_at=noon(on))
        self.closure = Closure.objects.get(pk=made.pk)
        return self._refresh()

    def close_without_enquiry(self, on):
        """Close after a decision that no enquiry is needed."""
        self.case = enquiry_actions.start_closing(
            self.case, by=self.by, expected_version=self.case.version
        )
        made = close(self.case, by=self.closer, reason="no_enquiry")
        Closure.objects.filter(pk=made.pk).update(closed_at=noon(on))
        Enquiry.objects.filter(closure=made).update(concluded_at=noon(on))
        Case.objects.filter(pk=self.case.pk).update(closed_at=noon(on))
        return self._refresh()

    def reopen(self, on=None):
        """Reopen from a new concern raised ``on`` (today by default)."""
        self.case = enquiry_actions.reopen_case(
            self.case,
            by=self.by,
            expected_version=self.case.version,
            reason="A new concern.",
            **factories.new_concern(**({"raised_on": on} if on else {})),
        )
        if on:
            Concern.objects.filter(case=self.case, raised_on=on).update(received_at=noon(on))
        return self


@pytest.fixture
def story(practitioner, manager):
    """story(person=..., raised_on=...) -> a Story told by the practitioner,
    closed by their team manager."""

    def make(*, person=None, raised_on, **concern):
        return Story(
            practitioner,
            closer=manager,
            person=person or factories.person(practitioner),
            raised_on=raised_on,
            **concern,
        )

    return make


@pytest.fixture
def adult(practitioner):
    """adult(**fields) -> a person recorded by the practitioner."""

    def make(**values):
        return factories.person(practitioner, **values)

    return make

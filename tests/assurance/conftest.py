"""Dated case histories for counting tests.

``story(by, raised_on=...)`` raises a concern and each further step (decide,
start, close, reopen) is an item of an import document dated the day the
test says (noon, UK time), replayed by the builder (msp/imports/builder.py)
through the action functions, which keep those dates. Audit events keep the
real time they were written, so tests of past years do not look at the
audit-log check.
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from msp.assurance.models import CodeList
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import Closure, DesiredOutcome
from msp.imports.builder import ImportRefused, build_case
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


def when(day: datetime.date) -> datetime.datetime:
    """Noon on ``day``, or now if that is still to come today."""
    return min(noon(day), timezone.now())


def close(case, *, by, at=None, **values):
    """Close through the builder. These stories are about counting, not about
    the practice guard: when a legal duty is not shown as met, the manager
    overrides it with a reason, as the guard allows."""
    closure = {"at": at, "by": by.username, **values}
    try:
        return build_case({"closure": closure}, case=case)
    except ImportRefused as refused:
        blocked = refused.__cause__
        if not isinstance(blocked, GuardBlocked):
            raise
        overrides = {f.check_id: "Recorded on paper before this system." for f in blocked.findings}
        return build_case({"closure": {**closure, "duty_overrides": overrides}}, case=case)


class Story:
    """One case about one adult, moved through the workflow on given days,
    each step an import document item dated that day (noon, UK time) and
    replayed by the builder. ``by`` does the casework; ``closer`` (a team
    manager) closes. Audit events keep the real time they were written."""

    def __init__(self, by, *, closer, person, raised_on, **concern):
        self.by = by
        self.closer = closer
        me = {"at": when(raised_on), "by": by.username}
        self.case = build_case(
            {
                "concerns": [{**me, **factories.CONCERN, "raised_on": raised_on, **concern}],
                "triage": me,
            },
            person=person,
        )

    def _build(self, doc):
        self.case = build_case(doc, case=self.case)
        return self

    def _refresh(self):
        self.case = factories.fresh(self.case)
        return self

    def concern(self, raised_on, **values):
        """A further concern on the same case."""
        item = {"at": when(raised_on), "by": self.by.username, "raised_on": raised_on}
        return self._build({"concerns": [{**item, **factories.CONCERN, **values}]})

    def decide(self, on, result="s42"):
        decision = {
            "s42": factories.DECISION_S42,
            "other": DECISION_OTHER,
            "none": factories.DECISION_NONE,
        }[result]
        decider = factories.decider_for(self.by, self.case)
        return self._build({"decisions": [{"at": when(on), "by": decider.username, **decision}]})

    def start(self, on, outcomes=1):
        me = {"at": when(on), "by": self.by.username}
        doc = {
            "enquiry": me,
            "outcomes": [
                {**me, "text": f"I want to feel safe at home ({i + 1})", "whose_words": "person"}
                for i in range(outcomes)
            ],
        }
        if self.case.lead_worker_id != self.by.pk:
            decider = factories.decider_for(self.by, self.case)
            # The same moment as the start: the builder puts allocation first.
            doc["allocation"] = {"at": me["at"], "by": decider.username, "worker": self.by.username}
        return self._build(doc)

    def close(self, on, ratings=("fully",), blank=(), **closure):
        """Close with the closure values (factories.CLOSURE by default), rating
        the desired outcomes in order; ``blank`` names closure fields to empty
        afterwards, as data loaded from an older system might have them."""
        me = {"at": when(on), "by": self.by.username}
        outcomes = list(DesiredOutcome.objects.filter(case=self.case).order_by("pk"))
        self._build({"closing": me})
        for outcome, rating in zip(outcomes, ratings, strict=True):
            enquiry_actions.rate_outcome(
                outcome,
                by=self.by,
                expected_version=outcome.version,
                achievement=rating,
                at=when(on),
            )
        self.case = close(
            self.case, by=self.closer, at=when(on), **{**factories.CLOSURE, **closure}
        )
        made = Closure.objects.filter(case=self.case).latest("closed_at", "id")
        changes: dict = dict.fromkeys(blank, "")
        if "capacity_support" in blank:
            changes["capacity_support"] = None
        if changes:
            Closure.objects.filter(pk=made.pk).update(**changes)
        self.closure = Closure.objects.get(pk=made.pk)
        return self._refresh()

    def close_without_enquiry(self, on):
        """Close after a decision that no enquiry is needed."""
        self._build({"closing": {"at": when(on), "by": self.by.username}})
        self.case = close(self.case, by=self.closer, at=when(on), reason="no_enquiry")
        return self._refresh()

    def reopen(self, on=None):
        """Reopen from a new concern raised ``on`` (today by default)."""
        day = on or timezone.localdate()
        concern = factories.new_concern(**({"raised_on": on} if on else {}))
        return self._build(
            {
                "reopenings": [
                    {
                        "at": when(day),
                        "by": self.by.username,
                        "reason": "A new concern.",
                        "concern": concern,
                    }
                ]
            }
        )


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

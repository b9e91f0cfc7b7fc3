"""The loader reads a case into a snapshot in a fixed number of queries, and
the checks then run without touching the database."""

import datetime

import pytest
from django.utils import timezone

from msp.concerns.models import Concern
from msp.enquiries import actions
from msp.practice.config import DEFAULTS, GuardSettings
from msp.practice.findings import Fix
from msp.practice.guard import evaluate, findings_for
from msp.practice.loader import load_snapshot
from msp.practice.models import GuardConfig
from msp.practice.snapshot import CaseSnapshot, ProposedClosure
from tests import factories
from tests import record_factories as rf
from tests.factories import fresh

# One for the case with its person, one-to-one records and every list of
# records (as JSON rows), then its concerns, latest decision and outcome
# revisions. A case that has been closed reads its latest closure too.
QUERIES = 4


def full_case(by, manager, *, rows=1):
    """A case under enquiry with every part of the record, ``rows`` of each list."""
    case = factories.case(by, state="enquiry")
    outcome = case.desired_outcomes.get()
    actions.revise_outcome(
        outcome,
        by=by,
        expected_version=outcome.version,
        text="I want to keep my own bank card",
        whose_words="person",
        reason="Talked again after the bank visit.",
    )
    for i in range(rows):
        assessment = rf.capacity(
            case,
            by,
            understand="unable",
            impairment="yes",
            impairment_evidence="Vascular dementia, memory clinic 2024.",
            executive_function="Cannot follow through on plans without prompting.",
        )
        rf.best_interests(case, by, capacity_assessment=assessment)
        rf.advocacy(case, by)
        rf.contact(case, by, method=["visit", "phone"][i % 2], notes=f"Contact {i}")
        rf.risk_action(case, by)
        rf.override(case, by, cosigner=manager)
        rf.plan_action(case, by, owner_kind="referrer", owner_name="Ada")
        rf.clutter_rating(case, by, rating=5 + i % 4)
        rf.feedback(case, by)
        rf.escalation(case, by)
        rf.note(case, by, text=f"Note {i}: an enquiry visit.")
    rf.risk_assessment(case, by, source_trust_role="paid_carer")
    rf.plan(case, by)
    rf.self_neglect(case, by)
    rf.involvement(case, by, referrer_part_details="Checks the bank letters with her.")
    return fresh(case)


def test_snapshot_holds_the_record(practitioner, manager):
    case = full_case(practitioner, manager)
    other = factories.case(practitioner, about=case.person)
    factories.case(practitioner)  # someone else's concern does not count
    s = load_snapshot(case, config=DEFAULTS)

    assert isinstance(s, CaseSnapshot)
    assert s.case.id == case.pk and s.case.state == "enquiry" and s.case.enquiry_type == "s42"
    assert s.case.enquiry_started_on == timezone.localdate()
    assert s.person.age == case.person.age and s.person.date_of_death is None
    [concern] = s.concerns
    assert concern.abuse_types == ("financial", "psychological")
    assert concern.person_aware == "yes"
    assert s.decision is not None and s.decision.result == "s42"
    [outcome] = s.outcomes
    assert outcome.text == "I want to keep my own bank card"
    assert outcome.revision_count == 2 and outcome.whose_words == "person"
    assert s.latest_closure is None and s.closure is None
    [capacity] = s.capacity_assessments
    assert capacity.finds_lack and capacity.unable_parts == ("understand",)
    [bi] = s.best_interests
    assert bi.capacity_assessment_id == capacity.id
    assert [c.name for c in bi.consulted] == ["Ann Example"]
    assert s.advocacy[0].result == "not_required"
    assert s.contacts[0].notes == "Contact 0" and s.contacts[0].coercion_indicators == ()
    assert s.risk is not None and s.risk.source_in_position_of_trust
    assert [a.kind for a in s.risk_actions] == ["employer"]
    [override] = s.overrides
    assert override.person_told is True and not override.cosigned
    assert s.plan is not None and s.plan.pace == "One step a week."
    assert s.plan_actions[0].owner_kind == "referrer"
    assert s.self_neglect is not None and s.self_neglect.trusted_person == "Her neighbour, June"
    assert s.clutter_ratings[0].rating == 5
    assert s.feedback[0].concern_id == concern.id
    assert s.escalations[0].resolved_on is None
    assert s.death is None
    assert s.involvement.referrer_part_details == "Checks the bank letters with her."
    assert [n.text for n in s.notes] == ["Note 0: an enquiry visit."]
    assert s.other_concern_dates == tuple(other.concerns.values_list("raised_on", flat=True))


def test_a_bare_case_loads_with_empty_parts(practitioner):
    case = factories.case(practitioner, state="raised")
    s = load_snapshot(case, config=DEFAULTS)
    assert s.decision is None and s.outcomes == () and s.risk is None and s.plan is None
    assert s.involvement.person_told == ""
    assert not s.enquiry_under_way and not s.at_closure


@pytest.mark.parametrize("rows", [1, 4])
def test_loads_in_a_fixed_number_of_queries(practitioner, manager, rows, django_assert_num_queries):
    case = full_case(practitioner, manager, rows=rows)
    factories.case(practitioner, about=case.person)
    with django_assert_num_queries(QUERIES):
        s = load_snapshot(case, config=DEFAULTS)
    assert len(s.contacts) == rows and len(s.notes) == rows


def test_an_empty_case_takes_the_same_queries(practitioner, django_assert_num_queries):
    case = factories.case(practitioner, state="raised")
    with django_assert_num_queries(QUERIES):
        load_snapshot(case, config=DEFAULTS)
    with django_assert_num_queries(QUERIES + 1):  # reads the settings row too
        load_snapshot(case)


def test_checks_do_not_touch_the_database(practitioner, manager, django_assert_num_queries):
    case = full_case(practitioner, manager, rows=3)
    s = load_snapshot(case, ProposedClosure.from_values(factories.CLOSURE), config=DEFAULTS)
    with django_assert_num_queries(0):
        findings = evaluate(s, DEFAULTS)
    assert findings  # the override is not yet co-signed, among others
    assert "M3.c" in {f.check_id for f in findings}


def test_closed_case_loads_its_latest_closure(practitioner):
    case = factories.case(practitioner, state="closed")
    s = load_snapshot(case, config=DEFAULTS)
    assert s.latest_closure is not None
    assert s.latest_closure.reason == "enquiry_concluded"
    assert s.latest_closure.closed_on == timezone.localdate()
    assert s.closure == s.latest_closure


def _case_raised(by, person, days_ago):
    """A case whose concern was raised ``days_ago`` (reported late)."""
    case = factories.case(by, about=person)
    raised_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    Concern.objects.filter(case=case).update(raised_on=raised_on)
    return case, raised_on


def test_only_concerns_in_the_window_before_this_case_count(practitioner):
    person = factories.person(practitioner)
    _, long_ago = _case_raised(practitioner, person, 500)
    this, sixty_days_ago = _case_raised(practitioner, person, 60)
    later, _ = _case_raised(practitioner, person, 30)
    factories.case(practitioner)  # about someone else

    # The later concern is not part of this case's history
    assert load_snapshot(this, config=DEFAULTS).other_concern_dates == ()
    assert load_snapshot(later, config=DEFAULTS).other_concern_dates == (sixty_days_ago,)
    wide = GuardSettings(repeat_window_days=470)
    assert load_snapshot(later, config=wide).other_concern_dates == (long_ago, sixty_days_ago)


def test_settings_come_from_the_admin_row(practitioner):
    assert GuardConfig.current().min_contact_attempts == 3
    assert not GuardConfig.objects.exists()  # current() never writes
    GuardConfig(repeat_concern_count=2).save()
    person = factories.person(practitioner)
    factories.case(practitioner, about=person)
    case = factories.case(practitioner, about=person)
    assert "M8.d" in {f.check_id for f in findings_for(case)}
    assert GuardConfig.objects.get().pk == GuardConfig.SINGLETON_PK


def test_fix_links_to_the_page_when_it_exists(db):
    assert Fix("cases:detail", "#outcomes").url(7) == "/cases/7/#outcomes"
    assert Fix("enquiries:no-such-page", "#x").url(7) is None

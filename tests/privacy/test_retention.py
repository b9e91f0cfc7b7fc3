"""Applying the retention schedule: the dry run, erasure that keeps the
statutory return's figures, tombstones, and what is never erased."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from msp.assurance.sac import build_return
from msp.assurance.sac.export import to_csv
from msp.audit.models import AuditEvent
from msp.cases.models import Case
from msp.concerns.models import Concern, Section42Decision
from msp.enquiries.models import Closure, OutcomeRevision, PlanAction
from msp.people.models import Person
from msp.privacy import actions, fields, retention
from msp.privacy.models import RetentionRule
from tests import record_factories

D = datetime.date
# Replaying a day in 2031: a 2024 case is then more than six years closed.
TODAY = D(2031, 6, 1)


@pytest.fixture
def history(story, adult, practitioner):
    """Cases about four adults, closed at different times."""
    old_adult = adult(
        given_name="Winifred",
        family_name="Oldcastle",
        date_of_birth=D(1950, 7, 23),
        phone="01632 960001",
        email="winifred@example.com",
        gender="2",
    )
    old = (
        story(
            person=old_adult,
            raised_on=D(2024, 5, 1),
            referrer_name="Rita Referrer",
            referrer_confidential=True,
            abuse_types=["financial", "neglect"],
            sources_of_risk=["known", "service_provider"],
            location_of_risk="own_home",
        )
        .decide(D(2024, 5, 2))
        .start(D(2024, 5, 3))
        .close(D(2024, 9, 1))
    )
    recent = (story(raised_on=D(2025, 11, 1)).decide(D(2025, 11, 2)).start(D(2025, 11, 3))).close(
        D(2025, 12, 1)
    )
    no_enquiry = story(raised_on=D(2024, 6, 1)).decide(D(2024, 6, 3), result="none")
    no_enquiry.close_without_enquiry(D(2024, 6, 10))
    still_open = story(raised_on=D(2024, 7, 1)).decide(D(2024, 7, 2)).start(D(2024, 7, 3))
    held = story(raised_on=D(2024, 4, 10)).decide(D(2024, 4, 11)).start(D(2024, 4, 12))
    record_factories.plan_action(held.case, practitioner, status="in_progress")
    held.close(D(2024, 8, 1))
    return {
        "old": old.case,
        "recent": recent.case,
        "no_enquiry": no_enquiry.case,
        "open": still_open.case,
        "held": held.case,
    }


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        list(Person.objects.values()),
        list(Concern.objects.values()),
        list(Section42Decision.objects.values()),
        list(OutcomeRevision.objects.values()),
        AuditEvent.objects.count(),
    )


def figures(year):
    sac = build_return(year)
    return to_csv(sac), [(m.label, m.value) for m in sac.measures], sac.validation


def test_the_schedule_is_seeded_with_a_rule_per_record_type(db):
    rules = {r.record_type: r for r in RetentionRule.objects.all()}
    assert rules["case_with_enquiry"].keep_years == 6
    assert rules["case_without_enquiry"].keep_years == 3
    assert rules["person_without_cases"].keep_years == 0
    assert rules["person_without_cases"].keep_days == 0
    assert str(rules["case_with_enquiry"]) == (
        "Closed cases that had an enquiry: 6 years after the case was last closed"
    )


def test_dry_run_reports_references_and_changes_nothing(history):
    before = snapshot()
    report = run("--dry-run")
    assert snapshot() == before
    assert "dry run: nothing changed" in report
    assert "Closed cases that had an enquiry" in report
    assert history["old"].reference in report
    assert history["no_enquiry"].reference in report
    assert f"kept: {history['held'].reference} (a plan action is not done)" in report
    assert history["recent"].reference not in report
    assert history["open"].reference not in report
    assert f"Person {history['old'].person_id}" in report
    for name in ("Winifred", "Oldcastle", "Margaret", "Rita"):
        assert name not in report


def test_erasure_keeps_the_return_figures_and_erases_exactly_what_is_due(history):
    before_2024, before_2025 = figures(2024), figures(2025)
    report = run()
    assert "Erased 2 cases and 2 people." in report
    assert figures(2024) == before_2024
    assert figures(2025) == before_2025

    old = Person.objects.get(pk=history["old"].person_id)
    assert (old.given_name, old.family_name, old.nhs_number) == ("Erased", "person", "")
    assert (old.phone, old.email, old.address, old.postcode) == ("", "", "", "")
    assert old.date_of_birth == D(1950, 7, 1)
    assert old.gender == "2"
    concern = Concern.objects.get(case=history["old"])
    assert concern.referrer_name == ""
    assert concern.what_happened == fields.ERASED
    assert concern.person_wishes == ""
    assert concern.abuse_types == ["financial", "neglect"]
    assert concern.raised_on == D(2024, 5, 1)
    revision = OutcomeRevision.objects.get(outcome__case=history["old"])
    assert revision.text == fields.ERASED
    assert Closure.objects.get(case=history["old"]).risk_outcome == "reduced"

    kept = [history[k] for k in ("recent", "open", "held")]
    for case in kept:
        assert Concern.objects.get(case=case).what_happened != fields.ERASED
        assert Person.objects.get(pk=case.person_id).given_name == "Margaret"
    assert PlanAction.objects.get(case=history["held"]).description != fields.ERASED


def test_tombstones_name_the_rule_and_records_but_no_one(history):
    run()
    tombstones = AuditEvent.objects.filter(action="retention.erased")
    by_case = {t.case_id: t for t in tombstones if t.object_type == "cases.case"}
    assert set(by_case) == {history["old"].pk, history["no_enquiry"].pk}
    old = by_case[history["old"].pk]
    assert old.changes["rule"] == [None, "case_with_enquiry"]
    records = old.changes["records"][1]
    assert records["concerns.concern"] == [Concern.objects.get(case=history["old"]).pk]
    assert records["cases.case"] == [history["old"].pk]
    assert by_case[history["no_enquiry"].pk].changes["rule"] == [None, "case_without_enquiry"]
    person = tombstones.get(object_type="people.person", person_id=history["old"].person_id)
    assert person.changes["rule"] == [None, "person_without_cases"]
    text = repr([(t.changes, t.reason) for t in tombstones])
    for name in ("Winifred", "Oldcastle", "Rita", "Margaret", "1950"):
        assert name not in text


def test_the_audit_events_of_erased_records_are_redacted(history, monkeypatch):
    asked = []
    monkeypatch.setattr(
        actions, "redact_events", lambda ids, *, by, reason: asked.append(sorted(ids)) or 0
    )
    run()
    old = history["old"]
    case_events = sorted(
        AuditEvent.objects.filter(case_id=old.pk)
        .exclude(action="retention.erased")
        .values_list("pk", flat=True)
    )
    assert case_events and case_events in asked
    person_events = sorted(
        AuditEvent.objects.filter(person_id=old.person_id, case_id=None)
        .exclude(action="retention.erased")
        .values_list("pk", flat=True)
    )
    assert person_events and person_events in asked


def test_a_second_run_erases_nothing_more(history):
    run()
    after = snapshot()
    report = run()
    assert "Erased 0 cases and 0 people." in report
    assert snapshot() == after


def test_a_reopened_case_is_kept_and_its_clock_restarts_when_closed_again(story):
    s = story(raised_on=D(2024, 5, 1)).decide(D(2024, 5, 2)).start(D(2024, 5, 3))
    s.close(D(2024, 9, 1)).reopen()
    assert retention.plan(TODAY).for_type("case_with_enquiry").due == []
    s.decide(D(2027, 1, 2)).start(D(2027, 1, 3), outcomes=0).close(D(2027, 1, 10))
    assert retention.plan(TODAY).for_type("case_with_enquiry").due == []
    due = retention.plan(D(2033, 1, 10)).for_type("case_with_enquiry").due
    assert [i.label for i in due] == [s.case.reference]


def test_a_case_reopened_and_closed_without_a_new_enquiry_still_had_one(story):
    s = story(raised_on=D(2024, 5, 1)).decide(D(2024, 5, 2)).start(D(2024, 5, 3))
    s.close(D(2024, 9, 1)).reopen(D(2024, 10, 1))
    s.decide(D(2024, 10, 2), result="none").close_without_enquiry(D(2024, 10, 10))
    due = retention.plan(D(2033, 1, 10))
    assert [i.label for i in due.for_type("case_with_enquiry").due] == [s.case.reference]
    assert s.case.reference not in [i.label for i in due.for_type("case_without_enquiry").due]


def test_a_rule_switched_off_erases_nothing(history):
    RetentionRule.objects.filter(record_type="case_with_enquiry").update(active=False)
    run()
    assert Person.objects.get(pk=history["old"].person_id).given_name == "Winifred"
    assert Case.objects.filter(pk=history["no_enquiry"].pk).exists()
    assert AuditEvent.objects.filter(
        action="retention.erased", case_id=history["no_enquiry"].pk
    ).exists()


def test_a_person_with_another_case_still_kept_is_not_erased(story, adult):
    someone = adult(given_name="Agnes")
    story(person=someone, raised_on=D(2024, 5, 1)).decide(D(2024, 5, 2)).start(D(2024, 5, 3)).close(
        D(2024, 9, 1)
    )
    story(person=someone, raised_on=D(2026, 1, 5)).decide(D(2026, 1, 6)).start(D(2026, 1, 7))
    assert "Erased 1 case and 0 people." in run()
    assert Person.objects.get(pk=someone.pk).given_name == "Agnes"


def test_a_bad_replay_day_is_refused_in_plain_english(db):
    with pytest.raises(CommandError, match="--today must be a date like 2031-04-01"):
        call_command("apply_retention", "--today", "1 April")

"""The work waiting for a manager, with waits in working days."""

import datetime

from django.utils import timezone

from msp.cases.actions import allocate_case
from msp.cases.models import Case
from msp.cases.queues import queues_for
from msp.enquiries import actions as enquiry_actions
from tests import factories


def opened(case, day):
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    Case.objects.filter(pk=case.pk).update(opened_at=at)


def by_key(user, today):
    return {q.key: q for q in queues_for(user, today=today)}


def test_a_managers_queues_are_oldest_first_in_working_days(practitioner, manager):
    newer = factories.case(practitioner)
    older = factories.case(practitioner)
    opened(newer, datetime.date(2025, 12, 31))
    opened(older, datetime.date(2025, 12, 19))  # a Friday before Christmas
    triaging = factories.case(practitioner, state="triage")
    opened(triaging, datetime.date(2026, 1, 2))
    allocate_case(triaging, by=manager, worker=practitioner, expected_version=triaging.version)

    queues = by_key(manager, today=datetime.date(2026, 1, 5))
    triage = queues["triage"].items
    assert [w.case.pk for w in triage] == [older.pk, newer.pk]
    # 22, 23, 24, 29, 30, 31 Dec, 2, 5 Jan: Christmas, Boxing Day, New Year left out
    assert [w.working_days for w in triage] == [8, 2]
    decision = queues["decision"].items
    assert [(w.case.pk, w.working_days) for w in decision] == [(triaging.pk, 1)]
    assert decision[0].case.lead_worker == practitioner
    assert queues["sign-off"].items == []


def test_sign_off_counts_from_when_closing_started(practitioner, manager):
    case = factories.case(practitioner, state="enquiry")
    enquiry_actions.start_closing(case, by=practitioner, expected_version=case.version)
    opened(case, datetime.date(2020, 1, 6))
    [waiting] = by_key(manager, today=timezone.localdate())["sign-off"].items
    assert waiting.since == timezone.localdate()
    assert waiting.working_days == 0


def test_a_manager_sees_their_team_and_a_lead_sees_every_team(
    practitioner, outsider, manager, lead
):
    ours = factories.case(practitioner)
    theirs = factories.case(outsider)
    today = timezone.localdate()
    assert [w.case.pk for w in by_key(manager, today)["triage"].items] == [ours.pk]
    lead_sees = {w.case.pk for w in by_key(lead, today)["triage"].items}
    assert lead_sees == {ours.pk, theirs.pk}


def test_practitioners_have_no_queues(practitioner):
    factories.case(practitioner)
    assert all(not q.items for q in queues_for(practitioner))

"""Every case history the return's counting and validation tests tell, as
builders, so one test can tell them all and compare the board with the
return (``test_board_agrees.py``), and another can hold each definition's SQL
form to its Python form (``test_definitions.py``).

Each builder takes the ``story`` and ``adult`` fixtures of ``conftest.py``.
The return's own tests keep their stories inline, with the tables worked out
by hand beside them; these are the same histories (and the few the issue
added: a case passed to another council, a risk outcome recorded where none
was due, an outcome added after a closure, a repeat concern).
"""

import datetime

from django.utils import timezone

from msp.cases.models import Case
from msp.enquiries.models import Closure, DesiredOutcome, Enquiry

D = datetime.date


def mr_x_and_others(story, adult):
    mr_x = adult(gender="1", date_of_birth=D(1950, 6, 15), ethnicity="A")
    for raised in (D(2025, 5, 1), D(2025, 8, 1), D(2025, 11, 1)):
        story(person=mr_x, raised_on=raised).decide(raised).start(raised)
    ms_y = adult(gender="2", date_of_birth=D(1990, 1, 10), ethnicity="H")
    story(person=ms_y, raised_on=D(2025, 7, 1)).decide(D(2025, 7, 2), "other").start(D(2025, 7, 3))
    story(person=adult(date_of_birth=D(1935, 3, 31)), raised_on=D(2026, 2, 1))


def concern_in_march_enquiry_in_april(story, adult):
    story(raised_on=D(2026, 3, 20)).decide(D(2026, 3, 31)).start(D(2026, 4, 2)).close(D(2026, 6, 1))


def enquiry_just_after_midnight_on_1_april(story, adult):
    s = story(raised_on=D(2025, 3, 28)).decide(D(2025, 3, 31)).start(D(2025, 3, 31))
    just_after = timezone.make_aware(datetime.datetime(2025, 4, 1, 0, 30))
    Case.objects.filter(pk=s.case.pk).update(enquiry_started_at=just_after)
    Enquiry.objects.filter(case=s.case).update(started_at=just_after)


def sources_of_risk(story, adult):
    one = story(
        raised_on=D(2025, 5, 1),
        abuse_types=["physical"],
        sources_of_risk=["unknown"],
        location_of_risk="community",
    )
    one.concern(
        D(2025, 5, 3),
        abuse_types=["physical"],
        sources_of_risk=["unknown"],
        location_of_risk="community",
    )
    one.decide(D(2025, 5, 4)).start(D(2025, 5, 5)).close(D(2025, 7, 1))
    story(
        raised_on=D(2025, 6, 1),
        abuse_types=["financial", "psychological"],
        sources_of_risk=["unknown", "service_provider"],
        location_of_risk="own_home",
    ).decide(D(2025, 6, 2)).start(D(2025, 6, 3)).close(D(2025, 8, 1))


def reopened_and_closed_again(story, adult):
    s = story(raised_on=D(2025, 4, 10)).decide(D(2025, 4, 11)).start(D(2025, 4, 12))
    s.close(D(2025, 6, 1))
    s.reopen(D(2025, 8, 20)).decide(D(2025, 9, 1)).start(D(2025, 9, 2), outcomes=0)
    s.close(
        D(2025, 12, 1),
        action_result="no_risk_no_action",
        risk_outcome="",
        msp_asked="asked_not_expressed",
        lacked_capacity="yes",
        capacity_support=True,
    )


def closed_without_enquiry_then_after_one(story, adult):
    """The issue's story: 2 on the old board, 1 in the return."""
    s = story(raised_on=D(2025, 4, 10)).decide(D(2025, 4, 20), "none")
    s.close_without_enquiry(D(2025, 5, 1))
    s.reopen(D(2025, 7, 20)).decide(D(2025, 8, 1)).start(D(2025, 8, 2)).close(D(2025, 10, 1))


def other_enquiry(story, adult):
    story(raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2), "other").start(D(2025, 5, 3)).close(
        D(2025, 7, 1)
    )


def _concluded(story, closed_on, **closure):
    s = story(raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2)).start(D(2025, 5, 3))
    return s.close(closed_on, **closure)


def missing_items(story, adult):
    _concluded(story, D(2025, 7, 1), blank=("action_result", "risk_outcome"))
    _concluded(story, D(2025, 7, 2), blank=("lacked_capacity", "msp_asked"))
    _concluded(story, D(2025, 7, 3), blank=("risk_outcome",))
    d = _concluded(story, D(2025, 7, 4), lacked_capacity="yes", capacity_support=True)
    Closure.objects.filter(pk=d.closure.pk).update(capacity_support=None)
    e = _concluded(story, D(2025, 7, 5))
    # Loaded from an older system that kept no ratings: neither the outcomes
    # nor the closure has an answer.
    DesiredOutcome.objects.filter(case=e.case).update(achievement="")
    Closure.objects.filter(pk=e.closure.pk).update(outcomes_achieved="")
    story(raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2), "other").start(D(2025, 5, 3)).close(
        D(2025, 7, 6), blank=("action_result",)
    )


def passed_to_another_council(story, adult):
    story(raised_on=D(2025, 6, 1)).decide(D(2025, 6, 2)).start(D(2025, 6, 3)).close(
        D(2025, 6, 20), reason="moved_away"
    )


def risk_outcome_where_none_was_due(story, adult):
    s = _concluded(story, D(2025, 8, 1), action_result="no_risk_action", risk_outcome="")
    Closure.objects.filter(pk=s.closure.pk).update(risk_outcome="removed")


def outcome_added_after_closing(story, adult):
    """Closed fully achieved; reopened, a second outcome added and, at the
    next year's closure, not achieved. The first closure stays fully achieved."""
    s = story(raised_on=D(2025, 4, 10)).decide(D(2025, 4, 11)).start(D(2025, 4, 12))
    s.close(D(2025, 6, 1))
    s.reopen(D(2025, 8, 20)).decide(D(2025, 9, 1)).start(D(2025, 9, 2), outcomes=1)
    s.close(D(2026, 5, 1), ratings=("fully", "not"))


def repeat_concern(story, adult):
    person = adult()
    story(person=person, raised_on=D(2025, 4, 5)).decide(D(2025, 4, 6)).start(D(2025, 4, 7)).close(
        D(2025, 5, 1)
    )
    story(person=person, raised_on=D(2025, 9, 1))


STORIES = (
    mr_x_and_others,
    concern_in_march_enquiry_in_april,
    enquiry_just_after_midnight_on_1_april,
    sources_of_risk,
    reopened_and_closed_again,
    closed_without_enquiry_then_after_one,
    other_enquiry,
    missing_items,
    passed_to_another_council,
    risk_outcome_where_none_was_due,
    outcome_added_after_closing,
    repeat_concern,
)

"""The data checks: concluded enquiries missing mandatory items are listed and
counted under "Not recorded" where the table has that row, never dropped
silently; totals that should agree are compared."""

import datetime

import pytest
from django.utils import timezone

from msp.assurance.period import Period
from msp.assurance.sac import build_return
from msp.enquiries.models import Closure, DesiredOutcome

pytestmark = pytest.mark.django_db

D = datetime.date


def concluded(story, closed_on, **closure):
    s = story(raised_on=D(2025, 5, 1)).decide(D(2025, 5, 2)).start(D(2025, 5, 3))
    return s.close(closed_on, **closure)


def test_missing_items_are_listed_and_counted_as_not_recorded(story):
    a = concluded(story, D(2025, 7, 1), blank=("action_result", "risk_outcome"))
    b = concluded(story, D(2025, 7, 2), blank=("lacked_capacity", "msp_asked"))
    c = concluded(story, D(2025, 7, 3), blank=("risk_outcome",))
    d = concluded(story, D(2025, 7, 4), lacked_capacity="yes", capacity_support=True)
    Closure.objects.filter(pk=d.closure.pk).update(capacity_support=None)
    e = concluded(story, D(2025, 7, 5))
    # Loaded from an older system that kept no ratings: no answer anywhere.
    DesiredOutcome.objects.filter(case=e.case).update(achievement="")
    Closure.objects.filter(pk=e.closure.pk).update(outcomes_achieved="")
    f = (
        story(raised_on=D(2025, 5, 1))
        .decide(D(2025, 5, 2), "other")
        .start(D(2025, 5, 3))
        .close(D(2025, 7, 6), blank=("action_result",))
    )

    sac = build_return(2025)

    # Counted where the table has a "not recorded" row (b), and nowhere else.
    assert sac.table("SG3a").as_dict() == {
        "Yes, they lacked capacity": (1,),  # d
        "No, they did not lack capacity": (3,),  # a, c, e
        "Don't know": (0,),
        "Not recorded": (1,),  # b
    }
    assert sac.table("SG3a-support").column_totals() == (0,)
    assert sac.table("SG4a-asked").as_dict() == {
        "Yes they were asked and outcomes were expressed": (4,),  # a, c, d, e
        "Yes they were asked but no outcomes were expressed": (0,),
        "No": (0,),
        "Don't Know": (0,),
        "Not Recorded": (1,),  # b
    }
    assert sac.table("SG4a-achieved").as_dict() == {
        "Fully Achieved": (3,),  # a, c, d; e has no rating
        "Partially Achieved": (0,),
        "Not Achieved": (0,),
    }
    # SG2c has no "not recorded" row: a is in no row.
    assert sac.table("SG2c").as_dict()["Risk identified and action taken"] == (0, 4, 0)
    assert sac.table("SG2c").column_totals() == (0, 4, 0)
    assert sac.table("SG2e").as_dict()["Risk reduced"] == (3,)  # b, d, e

    listed = {f.reference: f for f in sac.validation.findings}
    assert listed[a.case.reference].problems == (
        "Action taken and result not recorded: not counted in SG2c",
    )
    assert listed[a.case.reference].activity == "Section 42 enquiry concluded on 1 July 2025"
    assert listed[b.case.reference].problems == (
        "Whether the adult lacked capacity not recorded: counted as \u201cNot recorded\u201d "
        "in SG3a",
        "Whether the adult was asked about desired outcomes not recorded: counted as "
        "\u201cNot Recorded\u201d in SG4a",
    )
    assert listed[c.case.reference].problems == (
        "Risk outcome not recorded, although a risk was identified and action taken: "
        "not counted in SG2e",
    )
    assert listed[d.case.reference].problems == (
        "Whether an advocate, family member or friend supported the adult not recorded",
    )
    assert listed[e.case.reference].problems == (
        "Outcomes were expressed, but no desired outcome has a rating of how far it was "
        "achieved: not counted in SG4a",
    )
    assert listed[f.case.reference].activity == (
        "Other safeguarding enquiry concluded on 6 July 2025"
    )
    assert listed[f.case.reference].problems == ("Action taken and result not recorded",)
    assert len(listed) == 6

    flagged = {d.title: d.figures for d in sac.validation.discrepancies}
    assert flagged["SG4a outcomes achieved and outcomes expressed"] == (
        ("SG4a achieved, total", 3),
        ("Outcomes expressed", 4),
    )
    assert flagged["SG2e total and enquiries where a risk was identified and action taken"] == (
        ("SG2e total", 3),
        ("Risk identified and action taken", 4),
    )
    # Every enquiry is in exactly one SG3a and one SG4a row.
    assert "SG3a total and concluded section 42 enquiries" not in flagged
    assert "SG4a asked total and concluded section 42 enquiries" not in flagged


def test_complete_records_give_no_findings(story):
    concluded(story, D(2025, 7, 1))
    assert build_return(2025).validation.findings == ()


def this_year() -> int:
    return Period.containing(timezone.localdate()).year


def test_a_second_enquiry_after_reopening_shows_against_the_audit_log(story):
    """Uses today: the audit log keeps the real time of each start."""
    today = timezone.localdate()
    s = story(raised_on=today).decide(today).start(today).close(today)
    s.reopen().decide(today).start(today, outcomes=0)

    sac = build_return(this_year())
    # Each start is its own enquiry episode, so the return counts both and
    # agrees with the audit log (before episodes it counted only the second).
    flagged = {d.title: d for d in sac.validation.discrepancies}
    assert "SG1f section 42 enquiries and the audit log" not in flagged
    assert "SG1f other enquiries and the audit log" not in flagged
    assert sac.table("SG1f").as_dict()["Total Number of Section 42 Safeguarding Enquiries"] == (2,)


def test_a_year_of_complete_records_reconciles(story):
    today = timezone.localdate()
    story(raised_on=today).decide(today).start(today).close(today)
    story(raised_on=today).decide(today, "other").start(today)
    sac = build_return(this_year())
    assert sac.validation.clean

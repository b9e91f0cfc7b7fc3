"""Each shared definition's SQL form agrees with its Python form on every
story of the return's tests; and the return fixes of issue 8: cases passed to
another council, the base of SG2e, the CSV's warning, and the warning when the
council's codes are not set."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command

from msp.assurance import definitions
from msp.assurance.period import Period
from msp.assurance.sac import build_return
from msp.assurance.sac.export import NOT_FOR_PUBLICATION, to_csv
from msp.concerns.models import Concern
from msp.enquiries import actions as enquiry_actions
from msp.enquiries.models import Closure, DesiredOutcome
from tests import factories
from tests.assurance import stories
from tests.assurance.stories import STORIES
from tests.web.conftest import part_of

pytestmark = pytest.mark.django_db

D = datetime.date
YEARS = (Period(2025), Period(2026), Period(2025, 2), Period(2025, 3))


def _achieved_from_ratings(closure):
    ratings = DesiredOutcome.objects.filter(
        case_id=closure.case_id, created_at__lte=closure.closed_at
    ).values_list("achievement", flat=True)
    return definitions.overall_achievement(ratings)


def test_sql_and_python_definitions_agree_on_every_story(story, adult):
    for tell in STORIES:
        tell(story, adult)
    closures = list(Closure.objects.select_related("case"))
    assert len(closures) == 19
    for period in YEARS:
        sql = {c.pk: c.enquiry_kind for c in definitions.concluded_enquiries(period)}
        python = {
            c.pk: definitions.enquiry_kind(c)
            for c in closures
            if definitions.is_concluded_enquiry(c, period)
        }
        assert sql == python, period
        achieved = {
            c.pk: c.achieved or None
            for c in definitions.with_achievement(definitions.concluded_enquiries(period))
        }
        # Kept with each closure, it is the rule applied to the ratings of the
        # outcomes that existed at the closure (no story re-rates an outcome
        # after a closure, so today's ratings are the ratings then).
        assert achieved == {
            c.pk: _achieved_from_ratings(c) if c.msp_asked == "asked_expressed" else None
            for c in closures
            if c.pk in python
        }, period
        assert achieved == {
            c.pk: definitions.closure_achievement(c) if c.msp_asked == "asked_expressed" else None
            for c in closures
            if c.pk in python
        }, period
        assert set(definitions.concerns_in(period)) == {
            c
            for c in Concern.objects.select_related("case")
            if period.contains(c.raised_on) and not definitions.is_passed_on(c.case)
        }
    concerns = Concern.objects.select_related("case")
    repeats = set(definitions.repeat_concerns(Concern.objects.all()))
    assert repeats == {c for c in concerns if definitions.is_repeat(c)}
    # The repeat-concern story, and the three concerns cases were reopened
    # from, each raised within a year of that case's closure.
    assert len(repeats) == 4
    passed = list(definitions.passed_on_cases())
    assert passed == [c.case for c in closures if definitions.is_passed_on(c.case)]
    assert len(passed) == 1


def test_the_decision_in_force_types_each_closure(story, adult):
    stories.closed_without_enquiry_then_after_one(story, adult)
    first, second = Closure.objects.order_by("closed_at")
    assert definitions.decision_in_force(first.case, first.closed_at).result == "none"
    assert (definitions.enquiry_kind(first), definitions.enquiry_kind(second)) == ("", "s42")


def test_a_case_passed_to_another_council_is_left_out_and_listed(story, adult):
    stories.passed_to_another_council(story, adult)
    stories.other_enquiry(story, adult)

    sac = build_return(2025)

    sg1f = sac.table("SG1f").as_dict()
    assert sg1f["Total Number of Safeguarding Concerns"] == (1,)
    assert sg1f["Total Number of Section 42 Safeguarding Enquiries"] == (0,)
    assert sac.table("SG1a").column_totals() == (1, 0, 1)
    assert sac.enquiries_concluded == 1
    assert sac.table("SG3a").column_totals() == (0,)
    [listed] = sac.validation.passed_on
    assert listed.passed_on == "20 June 2025"
    assert listed.left_out == (
        "1 concern raised in the year",
        "Section 42 enquiry started in the year",
        "Passed on in the year",
    )
    assert sac.validation.findings == ()


def test_a_case_passed_on_then_reopened_here_is_counted(story, adult):
    stories.passed_to_another_council(story, adult)
    case = Closure.objects.get().case
    other = story(raised_on=D(2025, 7, 1))
    enquiry_actions.reopen_case(
        case, by=other.by, expected_version=case.version, reason="Back.", **factories.new_concern()
    )
    sac = build_return(2025)
    assert sac.concerns == 2
    assert sac.validation.passed_on == ()


def test_sg2e_counts_only_enquiries_where_a_risk_was_identified_and_action_taken(story, adult):
    stories.risk_outcome_where_none_was_due(story, adult)  # no risk, action: "removed" set
    stories.reopened_and_closed_again(story, adult)  # first closure: risk, action, reduced

    sac = build_return(2025)

    sg2e = sac.table("SG2e")
    assert "risk was identified and action taken" in sg2e.title
    assert {label: v for label, v in sg2e.as_dict().items() if v != (0,)} == {"Risk reduced": (1,)}
    assert sac.table("SG3a").column_totals() == (3,)


def test_the_csv_says_on_every_line_that_it_is_not_for_publication(story, adult):
    stories.other_enquiry(story, adult)
    lines = list(csv.DictReader(io.StringIO(to_csv(build_return(2025)))))
    assert lines
    # SG2a_b1's lines also say that it is derived (tests/assurance/test_sg2a_b1.py).
    assert all(line["NOTE"].endswith(NOT_FOR_PUBLICATION) for line in lines)
    assert "not for publication" in NOT_FOR_PUBLICATION


def _unset_codes(settings):
    for name in ("LA_CODE", "ONS_CODE", "REGION_CODE", "REGION_NAME", "COUNCIL_TYPE"):
        setattr(settings, name, "")


def test_the_command_warns_when_the_councils_codes_are_not_set(settings, tmp_path):
    _unset_codes(settings)
    settings.REGION_NAME = "Yorkshire and The Humber"
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "sac_return", "--year", "2025", "--output", str(tmp_path / "x.csv"), stdout=out, stderr=err
    )
    assert "the council's codes are not set" in err.getvalue()
    assert "MSP_LA_CODE, MSP_ONS_CODE, MSP_REGION_CODE, MSP_COUNCIL_TYPE." in err.getvalue()
    assert "not for publication" in out.getvalue()


def test_the_command_is_quiet_about_codes_that_are_set(settings, tmp_path):
    for name in ("LA_CODE", "ONS_CODE", "REGION_CODE", "REGION_NAME", "COUNCIL_TYPE"):
        setattr(settings, name, "X")
    err = io.StringIO()
    call_command("sac_return", "--year", "2025", "--output", str(tmp_path / "x.csv"), stderr=err)
    assert err.getvalue() == ""


def test_the_page_warns_when_the_councils_codes_are_not_set(settings, client_for, lead):
    _unset_codes(settings)
    response = client_for(lead).get("/assurance/return/", {"year": "2025"})
    warning = part_of(response, 'id="codes-not-configured"', "</div>")
    assert "codes are not set, so the downloads" in warning
    assert "MSP_LA_CODE" in warning

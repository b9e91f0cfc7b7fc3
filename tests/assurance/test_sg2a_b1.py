"""SG2a_b1, type of risk by location of risk: derived by the same rule as
SG2a, labelled as derived wherever the return is shown or downloaded, and
agreeing with SG2a on the return's stories."""

import csv
import io

import pytest
from openpyxl import load_workbook

from msp.accounts.models import Role
from msp.assurance.sac import build_return
from msp.assurance.sac.export import to_csv, to_xlsx
from msp.concerns.models import Concern
from tests import factories
from tests.assurance.stories import STORIES, sources_of_risk

pytestmark = pytest.mark.django_db

LOCATIONS = (
    "Own Home",
    "In the Community",
    "Community Service",
    "Care Home - Nursing",
    "Care Home - Residential",
    "Hospital - Acute",
    "Hospital - Mental Health",
    "Hospital - Community",
    "Other",
)


def row_totals(table) -> dict[str, int]:
    return {label: sum(values) for label, values in table.as_dict().items()}


def _one_source_each() -> bool:
    return all(
        len(sources) == 1 for sources in Concern.objects.values_list("sources_of_risk", flat=True)
    )


@pytest.mark.parametrize("tell", STORIES, ids=lambda s: s.__name__)
def test_rows_and_totals_agree_with_sg2a_on_each_story(tell, story, adult):
    tell(story, adult)
    for year in (2025, 2026):
        sac = build_return(year)
        sg2a, derived = sac.table("SG2a"), sac.table("SG2a_b1")
        assert derived.reference == "SG2a_b1"
        assert derived.headings == LOCATIONS
        # The same rows, in the same (national) order, with the same labels.
        assert list(derived.as_dict()) == list(sg2a.as_dict())
        if _one_source_each():
            # With one source and one location per concern, an enquiry counts
            # in one column of each table for each type: the totals agree.
            assert row_totals(derived) == row_totals(sg2a), (tell.__name__, year)
            assert sum(derived.column_totals()) == sum(sg2a.column_totals())


def test_all_stories_together_agree_with_sg2a(story, adult):
    for tell in STORIES:
        if tell is not sources_of_risk:  # its two-source concern is tested below
            tell(story, adult)
    assert _one_source_each()
    sac = build_return(2025)
    sg2a, derived = sac.table("SG2a"), sac.table("SG2a_b1")
    assert row_totals(derived) == row_totals(sg2a)
    assert sum(derived.column_totals()) == sum(sg2a.column_totals()) > 0


def test_a_concern_with_two_sources_counts_once_here_and_twice_across_sg2a(story, adult):
    sources_of_risk(story, adult)
    sac = build_return(2025)
    derived = sac.table("SG2a_b1")
    nonzero = {label: values for label, values in derived.as_dict().items() if any(values)}
    # One: physical, in the community (two concerns, one enquiry). Two:
    # financial and psychological at home, from a stranger and a provider.
    assert nonzero == {
        "Physical Abuse": (0, 1, 0, 0, 0, 0, 0, 0, 0),
        "Financial or Material Abuse": (1, 0, 0, 0, 0, 0, 0, 0, 0),
        "Psychological Abuse": (1, 0, 0, 0, 0, 0, 0, 0, 0),
    }
    sg2a = row_totals(sac.table("SG2a"))
    assert sg2a["Financial or Material Abuse"] == 2  # once per source
    assert row_totals(derived)["Financial or Material Abuse"] == 1


def test_labelled_as_derived_in_the_csv_the_spreadsheet_and_the_page(story, adult, client_for):
    performance = factories.user(Role.PERFORMANCE, team_name=None, username="ruth")
    sources_of_risk(story, adult)
    sac = build_return(2025)
    lines = list(csv.DictReader(io.StringIO(to_csv(sac))))
    derived = [line for line in lines if line["TABLE_REFERENCE"] == "SG2a_b1"]
    assert len(derived) == len(sac.table("SG2a_b1").cells()) > 0
    assert all(
        line["NOTE"].startswith("Derived table, not part of the submitted") for line in derived
    )
    assert all("not for publication" in line["NOTE"] for line in derived)
    assert not any(line["NOTE"].startswith("Derived") for line in lines if line not in derived)

    book = load_workbook(io.BytesIO(to_xlsx(sac)))
    sheet = [row for row in book["SG2a_b1"].iter_rows(values_only=True)]
    assert sheet[0][0].startswith(
        "SG2a_b1: Concluded section 42 enquiries, type of risk by location of risk (derived)"
    )
    assert any(str(row[0]).startswith("Note: Derived by this system") for row in sheet)

    response = client_for(performance).get("/assurance/return/", {"year": "2025"})
    html = response.content.decode()
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--m">SG2a_b1: Concluded '
        "section 42 enquiries, type of risk by location of risk (derived)</caption>"
    ) in html
    assert "Derived by this system, not a table of the submitted return" in html

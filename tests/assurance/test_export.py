"""The return as the national long-format CSV and as a spreadsheet."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from msp.assurance.sac import build_return
from msp.assurance.sac.export import CSV_COLUMNS, to_csv, to_xlsx

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def council(settings):
    settings.COUNCIL_NAME = "Northmoor Council"
    settings.LA_CODE = "999"
    settings.ONS_CODE = "E08000999"
    settings.REGION_CODE = "E12000003"
    settings.REGION_NAME = "Yorkshire and The Humber"
    settings.COUNCIL_TYPE = "Metropolitan District"


@pytest.fixture
def one_enquiry(story):
    story(
        raised_on=D(2025, 5, 1),
        abuse_types=["neglect"],
        sources_of_risk=["service_provider"],
        location_of_risk="care_home_residential",
    ).decide(D(2025, 5, 2)).start(D(2025, 5, 3)).close(D(2025, 8, 1))


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_the_national_columns_and_a_line_per_cell(council, one_enquiry):
    sac = build_return(2025)
    text = to_csv(sac)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS) + ",NOTE"
    assert CSV_COLUMNS == (
        "GEOGRAPHY",
        "COUNCIL_TYPE",
        "REGION_CODE",
        "REGION_NAME",
        "ONS_CODE",
        "LA_CODE",
        "LA_NAME",
        "TABLE_REFERENCE",
        "ENQUIRY_TYPE",
        "CATEGORY",
        "SUBCATEGORY",
        "VALUE",
    )
    lines = read_csv(text)
    assert len(lines) == len(sac.cells())
    neglect = [
        line
        for line in lines
        if line["TABLE_REFERENCE"] == "SG2a" and line["CATEGORY"] == "Neglect and Acts of Omission"
    ]
    assert [(n["SUBCATEGORY"], n["VALUE"]) for n in neglect] == [
        ("Service Provider", "1"),
        ("Other - Known to individual", "0"),
        ("Other - Unknown to individual", "0"),
    ]
    assert neglect[0] == {
        "GEOGRAPHY": "ENGLAND",
        "COUNCIL_TYPE": "Metropolitan District",
        "REGION_CODE": "E12000003",
        "REGION_NAME": "Yorkshire and The Humber",
        "ONS_CODE": "E08000999",
        "LA_CODE": "999",
        "LA_NAME": "Northmoor Council",
        "TABLE_REFERENCE": "SG2a",
        "ENQUIRY_TYPE": "Concluded Section 42 Enquiries",
        "CATEGORY": "Neglect and Acts of Omission",
        "SUBCATEGORY": "Service Provider",
        "VALUE": "1",
        "NOTE": "Unrounded counts including small numbers: not for publication",
    }


def test_csv_enquiry_types_and_labels(council, one_enquiry):
    lines = read_csv(to_csv(build_return(2025)))

    def value(table, enquiry_type, category, subcategory=""):
        [line] = [
            x
            for x in lines
            if (x["TABLE_REFERENCE"], x["ENQUIRY_TYPE"], x["CATEGORY"], x["SUBCATEGORY"])
            == (table, enquiry_type, category, subcategory)
        ]
        return line["VALUE"]

    # The default person (born 14 March 1944) is 82 on 31 March 2026.
    assert value("SG1a", "Section 42 Enquiries", "75-84") == "1"
    assert value("SG1a", "Safeguarding Concerns", "75-84") == "1"
    assert value("SG1a", "Other Enquiries", "75-84") == "0"
    assert value("SG1f", "Safeguarding Concerns", "Total Number of Safeguarding Concerns") == "1"
    assert (
        value(
            "SG1f",
            "Section 42 Enquiries",
            "Total Number of Section 42 Safeguarding Enquiries",
        )
        == "1"
    )
    sg2b = ("SG2b", "Concluded Section 42 Enquiries", "Care Home - Residential")
    assert value(*sg2b, "Service Provider") == "1"
    assert value(*sg2b, "Other - Known to individual") == "0"
    assert value("SG3a", "Concluded Section 42 Enquiries", "No, they did not lack capacity") == "1"
    assert (
        value(
            "SG3a",
            "Concluded Section 42 Enquiries",
            "Of the enquiries recorded as Yes, in how many of these cases was support "
            "provided by an advocate, family or friend",
        )
        == "0"
    )
    assert value("SG4a", "Concluded Section 42 Enquiries", "Fully Achieved") == "1"
    assert (
        value("SG5a", "Count of Safeguarding Adult Reviews", "Where one or more individuals died")
        == "0"
    )
    assert (
        value(
            "SG5b",
            "Count of Individuals Involved in Safeguarding Adult Reviews",
            "Who suffered serious harm and survived",
        )
        == "0"
    )
    references = {line["TABLE_REFERENCE"] for line in lines}
    assert references == {
        "SG1a", "SG1b", "SG1c", "SG1d", "SG1e", "SG1f",
        "SG2a", "SG2a_b1", "SG2b", "SG2c", "SG2e", "SG3a", "SG4a", "SG5a", "SG5b",
    }  # fmt: skip


def test_spreadsheet_has_a_sheet_per_table_laid_out_as_rows_and_columns(council, one_enquiry):
    book = load_workbook(io.BytesIO(to_xlsx(build_return(2025))))
    assert book.sheetnames == [
        "Summary",
        "SG1a", "SG1b", "SG1c", "SG1d", "SG1e", "SG1f",
        "SG2a", "SG2a_b1", "SG2b", "SG2c", "SG2e", "SG3a", "SG4a", "SG5a", "SG5b",
    ]  # fmt: skip
    sg2b = [list(row) for row in book["SG2b"].iter_rows(values_only=True)]
    assert sg2b[0][0] == (
        "SG2b: Concluded section 42 enquiries, location of risk by source of risk, 2025-26 "
        "(1 April 2025 to 31 March 2026)"
    )
    assert sg2b[1][:4] == [
        "Location of risk",
        "Service Provider",
        "Other - Known to individual",
        "Other - Unknown to individual",
    ]
    assert sg2b[2][:4] == ["Own Home", 0, 0, 0]
    assert ["Care Home - Residential", 1, 0, 0] in [row[:4] for row in sg2b]

    # A table in two parts has both on its sheet.
    sg4a = [row[0] for row in book["SG4a"].iter_rows(values_only=True) if row[0]]
    assert sg4a[0].startswith("SG4a: Concluded section 42 enquiries, was the adult asked")
    assert "Not Recorded" in sg4a
    assert any(
        str(x).startswith("SG4a: Concluded section 42 enquiries where outcomes") for x in sg4a
    )
    assert "Fully Achieved" in sg4a

    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Council"] == "Northmoor Council"
    assert summary["LA code"] == "999"
    assert summary["Period"] == "1 April 2025 to 31 March 2026"
    assert summary["Total enquiries"] == "1"
    assert summary["Cases to complete"] == 0

    sg5a = [row[0] for row in book["SG5a"].iter_rows(values_only=True) if row[0]]
    assert any(str(x).startswith("Note: Not collected") for x in sg5a)

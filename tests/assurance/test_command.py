"""manage.py sac_return"""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from msp.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

D = datetime.date


def run(*args):
    out = io.StringIO()
    call_command("sac_return", *args, stdout=out)
    return out.getvalue()


def test_writes_the_csv(story, tmp_path):
    story(raised_on=D(2025, 6, 1)).decide(D(2025, 6, 2)).start(D(2025, 6, 3))
    path = tmp_path / "sac.csv"
    out = run("--year", "2025", "--format", "csv", "--output", str(path))
    assert f"Wrote the 2025-26 return (csv) to {path}." in out
    lines = list(csv.DictReader(path.open(encoding="utf-8")))
    [s42] = [
        line
        for line in lines
        if line["CATEGORY"] == "Total Number of Section 42 Safeguarding Enquiries"
    ]
    assert s42["VALUE"] == "1"
    download = AuditEvent.objects.get(object_type="assurance.return")
    assert (download.user, download.object_id, download.changes["format"]) == (
        None,
        "2025",
        [None, "csv"],
    )


def test_writes_the_spreadsheet(story, tmp_path):
    story(raised_on=D(2025, 6, 1))
    path = tmp_path / "sac.xlsx"
    run("--year", "2025", "--format", "xlsx", "--output", str(path))
    book = load_workbook(path)
    sg1f = {row[0]: row[1] for row in book["SG1f"].iter_rows(values_only=True) if row[0]}
    assert sg1f["Total Number of Safeguarding Concerns"] == 1


def test_a_year_with_no_data_writes_an_empty_return_and_says_so(db, tmp_path):
    path = tmp_path / "sac.csv"
    out = run("--year", "2024", "--output", str(path))
    assert "No concerns or enquiries were recorded in 2024-25: the return is empty." in out
    lines = list(csv.DictReader(path.open(encoding="utf-8")))
    assert lines and {line["VALUE"] for line in lines} == {"0"}


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2023", "There are no code lists for 2023-24"),
        ("2099", "2099-00 has not started yet"),
    ],
)
def test_a_bad_year_is_refused(db, tmp_path, year, message):
    path = tmp_path / "sac.csv"
    with pytest.raises(CommandError, match=message):
        run("--year", year, "--output", str(path))
    assert not path.exists()


def test_a_year_that_is_not_a_number_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="invalid int value"):
        run("--year", "twenty", "--output", str(tmp_path / "sac.csv"))

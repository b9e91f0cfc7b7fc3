"""Importing cases with their real dates: the documented format, the
command, and what it refuses."""

import copy
import datetime
import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from msp.accounts.models import Role
from msp.assurance.definitions import concerns_in, concluded_enquiries, enquiries_started_in
from msp.assurance.period import Period
from msp.audit.models import AuditEvent
from msp.cases.models import Case, CaseState
from msp.enquiries.models import Contact, Enquiry, PlanAction
from msp.imports.schema import SCHEMA, schema_errors
from tests import factories

DOCS = Path(__file__).resolve().parents[2] / "docs"
D = datetime.date


def example() -> dict:
    text = (DOCS / "import-format.md").read_text()
    block = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert block is not None
    return json.loads(block.group(1))


@pytest.fixture
def staff(db):
    factories.user(Role.PRACTITIONER, username="p.okafor", first_name="Pat", last_name="Okafor")
    factories.user(Role.TEAM_MANAGER, username="d.shah", first_name="Dev", last_name="Shah")


def write(tmp_path, docs, *, lines=True):
    path = tmp_path / ("cases.jsonl" if lines else "cases.json")
    if lines:
        path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    else:
        path.write_text(json.dumps(docs, indent=2))
    return path


def run(path, capsys):
    call_command("import_cases", str(path))
    return capsys.readouterr().out


def another(doc, n):
    """The example about a different person (another NHS number)."""
    other = copy.deepcopy(doc)
    other["person"]["nhs_number"] = factories.nhs_number(500 + n)
    other["person"]["family_name"] = f"Imported{n}"
    return other


def test_the_documented_example_and_schema_file_agree_with_the_code():
    assert schema_errors(example()) == []
    published = json.loads((DOCS / "import-case.schema.json").read_text())
    assert published == json.loads(json.dumps(SCHEMA))


def test_the_schema_check_names_the_path_and_reason():
    doc = example()
    doc["record"][1]["at"] = "12/05/2025"
    del doc["concerns"][0]["by"]
    doc["decisions"][0]["verdict"] = "yes"
    assert schema_errors(doc) == [
        ("concerns[0].by", "This is required"),
        ("decisions[0].verdict", "This is not a field the import format has"),
        (
            "record[1].at",
            "'12/05/2025' is not a date: write it like 2025-04-30 (or 2025-04-30T14:05)",
        ),
    ]


@pytest.mark.django_db
def test_an_imported_case_keeps_its_dates_and_is_counted_in_its_own_year(staff, tmp_path, capsys):
    out = run(write(tmp_path, [example()]), capsys)
    case = Case.objects.get()
    assert case.state == CaseState.CLOSED
    local = timezone.localtime
    assert local(case.opened_at).date() == D(2025, 5, 6)
    assert case.reference.split("-")[-2] == "2025"
    episode = Enquiry.objects.get(case=case)
    assert local(episode.started_at).date() == D(2025, 5, 9)
    assert local(episode.concluded_at).date() == D(2025, 7, 2)
    assert local(case.closed_at).date() == D(2025, 7, 2)
    assert Contact.objects.get(case=case).contacted_on == D(2025, 5, 12)
    assert PlanAction.objects.get(case=case).status == "done"
    # The return for 2025-26 counts it; the current year's does not.
    last_year, this_year = Period(2025), Period.containing(timezone.localdate())
    assert concerns_in(last_year).filter(case=case).count() == 1
    assert enquiries_started_in(last_year).filter(case=case).count() == 1
    assert concluded_enquiries(last_year).filter(case=case).count() == 1
    if this_year != last_year:
        assert concluded_enquiries(this_year).filter(case=case).count() == 0
    # Recorded now, by its authors, through the import door.
    closed = AuditEvent.objects.get(action="case.close_case", case_id=case.pk)
    assert closed.user.username == "d.shah"
    assert closed.channel == "import"
    assert closed.at.date() == timezone.now().date()
    assert closed.changes["happened_at"][1].startswith("2025-07-02")
    assert f"line 1: {case.reference}:" in out
    assert "Imported 1 case." in out


@pytest.mark.django_db
def test_the_guards_findings_are_printed_for_each_case(staff, tmp_path, capsys):
    doc = another(example(), 1)
    del doc["closing"], doc["closure"], doc["outcomes"][0]["rating"]
    doc["record"] = [r for r in doc["record"] if r["type"] != "advocacy"]
    out = run(write(tmp_path, [doc]), capsys)
    case = Case.objects.get()
    assert case.state == CaseState.ENQUIRY
    assert re.search(rf"line 1: {case.reference}: \d+ finding\(s\)", out)
    assert re.search(r"\n  M\d+\.[a-z] \(", out)


@pytest.mark.django_db
def test_a_bad_line_is_named_with_its_field_and_the_cases_before_it_are_kept(
    staff, tmp_path, capsys
):
    good = [another(example(), n) for n in range(2)]
    bad = another(example(), 3)
    bad["record"][1]["method"] = "carrier pigeon"
    after = another(example(), 4)
    path = write(tmp_path, [*good, bad, after])
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(path))
    message = str(refused.value)
    assert message.startswith("Refused line 3, record[1].method: ")
    assert "2 cases before it imported and kept" in message
    assert Case.objects.count() == 2
    assert not Case.objects.filter(person__family_name="Imported3").exists()


@pytest.mark.django_db
def test_a_json_list_names_the_line_each_case_starts_on(staff, tmp_path, capsys):
    bad = another(example(), 2)
    bad["person"]["date_of_birth"] = "14 March 1944"
    path = write(tmp_path, [another(example(), 1), bad], lines=False)
    start = path.read_text().splitlines().index("  {", 2) + 1
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(path))
    assert f"Refused line {start}, person.date_of_birth: " in str(refused.value)
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_dates_before_the_concern_or_in_the_future_are_refused(staff, tmp_path, capsys):
    early = another(example(), 1)
    early["decisions"][0]["at"] = "2025-05-01"
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(write(tmp_path, [early])))
    assert (
        "line 1, decisions[0].at: The decision date cannot be before the first "
        "concern was raised (6 May 2025)" in str(refused.value)
    )

    future = another(example(), 2)
    future["closure"]["at"] = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(write(tmp_path, [future])))
    assert "line 1, closure.at: The closure date cannot be in the future" in str(refused.value)
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_an_unknown_author_is_refused_by_name(staff, tmp_path, capsys):
    doc = another(example(), 1)
    doc["record"][2]["by"] = "nobody"
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(write(tmp_path, [doc])))
    assert "record[2].by: There is no user with the username 'nobody'" in str(refused.value)


@pytest.mark.django_db
def test_a_second_case_about_the_same_person_links_to_them(staff, tmp_path, capsys):
    first = another(example(), 1)
    second = copy.deepcopy(first)
    second["source_reference"] = "OLD-2025-0099"
    run(write(tmp_path, [first, second]), capsys)
    assert Case.objects.count() == 2
    assert Case.objects.values("person").distinct().count() == 1

    stranger = copy.deepcopy(first)
    stranger["person"]["given_name"] = "Somebody"
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(write(tmp_path, [stranger])))
    assert (
        "person.nhs_number: This NHS number is already recorded for someone with another "
        "name" in str(refused.value)
    )


@pytest.mark.django_db
def test_fields_the_system_sets_are_refused(staff, tmp_path, capsys):
    doc = another(example(), 1)
    doc["record"][1]["recorded_by"] = "d.shah"
    with pytest.raises(CommandError) as refused:
        call_command("import_cases", str(write(tmp_path, [doc])))
    assert "record[1].recorded_by: This is set by the system, not imported" in str(refused.value)

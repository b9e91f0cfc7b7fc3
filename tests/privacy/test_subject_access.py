"""Subject access export: the whole record and who has seen it, with other
people's details marked for review; who may run it; the command."""

import io
import json
import re
import zlib

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp.accounts.access import get_case_for_user, get_person_for_user
from msp.accounts.models import Role
from msp.audit.models import AuditEvent
from msp.privacy import document, sar
from tests import factories, record_factories


@pytest.fixture
def record(practitioner, lead):
    """A case in enquiry about Winifred, raised in confidence by Rita, with
    other people named in the record; opened by the lead and the practitioner."""
    winifred = factories.person(
        practitioner, given_name="Winifred", family_name="Oldcastle", phone="01632 960001"
    )
    case = factories.case(
        practitioner,
        state="enquiry",
        about=winifred,
        referrer_name="Rita Referrer",
        referrer_organisation="Northmoor Home Care",
        referrer_confidential=True,
    )
    record_factories.contact(case, practitioner, who_was_present="Her son Derek")
    record_factories.plan_action(
        case, practitioner, owner_kind="agency", owner_name="Northmoor Bank fraud team"
    )
    record_factories.plan_action(case, practitioner, owner_kind="worker", owner_name="Pat Okafor")
    record_factories.note(case, practitioner, text="Derek was at the house again.")
    get_person_for_user(lead, winifred.pk)
    get_case_for_user(practitioner, case.pk)
    return case


def export_json(case, by):
    return sar.build(case.person_id, by=by).as_json()


def test_json_holds_the_record_and_who_has_seen_it(record, lead):
    data = export_json(record, lead)
    assert data["format"] == "msp-subject-access-export"
    assert data["person"]["given_name"] == "Winifred"
    assert data["person"]["phone"] == "01632 960001"
    [case] = data["cases"]
    assert case["reference"] == record.reference
    assert case["state"] == "Enquiry"
    assert case["concerns"][0]["abuse_types"] == [
        "Financial or Material Abuse",
        "Psychological Abuse",
    ]
    outcome = case["desired_outcomes"][0]
    assert outcome["revisions"][0]["text"] == "I want to feel safe in my own home (1)"
    assert case["notes"][0]["text"]["value"] == "Derek was at the house again."
    viewers = {(a["user"], a["role"], a["action"]) for a in data["access_log"]}
    assert (lead.display_name, "Safeguarding lead", "Viewed") in viewers
    assert ("Pat Okafor", "Practitioner", "Viewed") in viewers
    assert any(a["what"] == f"Case in case {record.reference}" for a in data["access_log"])


def test_third_parties_are_marked_not_removed(record, lead):
    data = export_json(record, lead)
    concern = data["cases"][0]["concerns"][0]
    # Rita asked to stay confidential: her details are withheld, not marked.
    assert concern["referrer_name"] == sar.WITHHELD
    assert concern["referrer_organisation"] == sar.WITHHELD
    assert "Rita" not in str(data) and "Northmoor Home Care" not in str(data)
    contact = data["cases"][0]["contacts"][0]
    assert contact["who_was_present"]["value"] == "Her son Derek"
    actions = data["cases"][0]["plan_actions"]
    owners = {a["owner_kind"]: a["owner_name"] for a in actions}
    assert owners["Another agency or service"]["value"] == "Northmoor Bank fraud team"
    assert owners["The lead worker"] == "Pat Okafor"  # staff names are not marked
    where = {item["where"] for item in data["review_before_release"]}
    assert "cases[0].concerns[0].referrer_name" not in where
    assert "cases[0].concerns[0].what_happened" in where
    assert "cases[0].contacts[0].who_was_present" in where
    assert not any(w.endswith("plan_actions[1].owner_name") for w in where)
    assert data["person"]["given_name"] == "Winifred"  # the person is never marked


def streams(pdf: bytes) -> bytes:
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return b"\n".join(out) + pdf


def test_the_document_is_a_tagged_pdf_with_markers_and_a_review_list_first(record, lead):
    export = sar.build(record.person_id, by=lead)
    text = document.html(export)
    assert "about Winifred Oldcastle" in text
    assert text.index("Review before release") < text.index("The person's record")
    assert "Rita Referrer" not in text
    assert '<mark><span class="marker">[REDACT?]</span> Her son Derek</mark>' in text
    assert text.count("[REDACT?]") == len(export.review) + 1  # and once in the notice
    assert "Who has seen or changed the record" in text
    pdf = document.pdf(export)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    body = streams(pdf)
    assert b"/StructTreeRoot" in body and b"/MarkInfo" in body
    assert b"/Lang" in body


def test_reading_the_record_takes_the_same_queries_for_one_case_or_many(practitioner, lead):
    one = factories.case(practitioner, state="enquiry")
    many = factories.case(practitioner, state="enquiry")
    for _ in range(3):
        factories.case(practitioner, state="enquiry", about=many.person)
        record_factories.note(many, practitioner)
    with CaptureQueriesContext(connection) as small:
        sar.build(one.person_id, by=lead)
    with CaptureQueriesContext(connection) as large:
        sar.build(many.person_id, by=lead)
    assert len(large) == len(small)


def test_a_lead_exports_from_the_person_page_and_each_export_is_audited(record, lead, client_for):
    client = client_for(lead)
    person_page = client.get(f"/people/{record.person_id}/")
    assert "Subject access export" in person_page.content.decode()
    page = client.get(f"/people/{record.person_id}/subject-access/")
    assert page.status_code == 200
    assert "[REDACT?]" in page.content.decode()
    pdf = client.get(f"/people/{record.person_id}/subject-access/export.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    data = client.get(f"/people/{record.person_id}/subject-access/export.json")
    assert json.loads(data.content)["person"]["family_name"] == "Oldcastle"
    events = AuditEvent.objects.filter(
        action="person.subject_access_export", person_id=record.person_id
    )
    assert [(e.user, e.changes["format"][1]) for e in events] == [(lead, "pdf"), (lead, "json")]
    assert client.get(f"/people/{record.person_id}/subject-access/export.xml").status_code == 404
    assert client.post(f"/people/{record.person_id}/subject-access/export.pdf").status_code == 405


@pytest.mark.parametrize(
    ("who", "status"), [("practitioner", 403), ("manager", 403), ("outsider", 404)]
)
def test_only_safeguarding_leads_may_export(request, record, client_for, who, status):
    client = client_for(request.getfixturevalue(who))
    for url in ("subject-access/", "subject-access/export.pdf", "subject-access/export.json"):
        assert client.get(f"/people/{record.person_id}/{url}").status_code == status
    assert not AuditEvent.objects.filter(action="person.subject_access_export").exists()


def test_the_person_page_offers_the_export_only_to_leads(record, practitioner, client_for):
    page = client_for(practitioner).get(f"/people/{record.person_id}/")
    assert "Subject access export" not in page.content.decode()


def test_the_command_writes_the_file_and_audits_it(record, lead, tmp_path):
    output = tmp_path / "sar.json"
    out = io.StringIO()
    call_command(
        "subject_access_export",
        str(record.person_id),
        "--format",
        "json",
        "--output",
        str(output),
        "--by",
        lead.username,
        stdout=out,
    )
    data = json.loads(output.read_text())
    assert data["person"]["given_name"] == "Winifred"
    assert data["review_before_release"]
    assert AuditEvent.objects.get(action="person.subject_access_export").user == lead
    pdf = tmp_path / "sar.pdf"
    call_command("subject_access_export", str(record.person_id), "--output", str(pdf), stdout=out)
    assert pdf.read_bytes().startswith(b"%PDF-")
    with pytest.raises(CommandError, match="No person with record number 999999"):
        call_command("subject_access_export", "999999", "--output", str(output))


def test_a_restricted_case_must_be_opened_before_the_whole_record_is_exported(
    record, lead, client_for
):
    """Another lead restricts one of the person's cases to themselves: the
    export holds every case, so it waits until this lead breaks the glass."""
    from msp.cases.actions import break_glass, restrict_case

    other_lead = factories.user(Role.SAFEGUARDING_LEAD, team_name=None, username="lin")
    factories.case(factories.user(Role.PRACTITIONER, username="pip"), about=record.person)
    restrict_case(record, by=other_lead, reason="A member of staff is involved", named=[])
    client = client_for(lead)
    refused = client.get(f"/people/{record.person_id}/subject-access/export.json")
    assert refused.status_code == 403
    assert b"Oldcastle" not in refused.content
    break_glass(record.pk, by=lead, reason="Subject access request received from Winifred today")
    data = client.get(f"/people/{record.person_id}/subject-access/export.json")
    assert json.loads(data.content)["person"]["family_name"] == "Oldcastle"

"""Restricting a case through the API, and what others get when they try to read it."""

import pytest

from msp.audit.models import AuditEvent
from msp.cases import actions
from msp.cases.models import CaseRestriction
from tests import factories

pytestmark = pytest.mark.django_db

REASON = "The adult is a member of our own home care staff"


@pytest.fixture
def case(practitioner):
    about = factories.person(practitioner, given_name="Philippa")
    return factories.case(practitioner, state="enquiry", about=about)


def test_a_lead_restricts_changes_and_lifts(api, lead, practitioner, colleague, case):
    client = api(lead)
    url = f"/cases/{case.pk}/restriction"
    response = client.post(url, {"named": [practitioner.pk], "reason": REASON})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["restricted"] is True
    assert {u["id"] for u in body["named"]} == {lead.pk, practitioner.pk}

    response = client.post(url, {"named": [lead.pk, colleague.pk]})
    assert {u["id"] for u in response.json()["named"]} == {lead.pk, colleague.pk}

    response = client.request("DELETE", url, {"reason": "The member of staff has now left"})
    assert response.status_code == 200
    assert response.json()["restricted"] is False
    assert not CaseRestriction.objects.exists()
    assert list(
        AuditEvent.objects.filter(case_id=case.pk, action__startswith="case.restrict").values_list(
            "action", flat=True
        )
    ) == ["case.restricted", "case.restriction_changed", "case.restriction_lifted"]


def test_restricting_needs_a_reason_and_a_lead(api, lead, practitioner, case):
    url = f"/cases/{case.pk}/restriction"
    response = api(lead).post(url, {"named": [], "reason": "staff"})
    assert response.status_code == 422
    assert "reason" in response.json()["errors"]
    response = api(practitioner).post(url, {"named": [], "reason": REASON})
    assert response.status_code == 403
    response = api(lead).post(url, {"named": [999999], "reason": REASON})
    assert response.status_code == 422
    assert "named" in response.json()["errors"]


def test_others_get_403_saying_it_is_restricted_without_personal_data(
    api, lead, practitioner, colleague, outsider, case
):
    actions.restrict_case(case, by=lead, reason=REASON, named=[practitioner])
    client = api(colleague)
    for path in (
        f"/cases/{case.pk}",
        f"/cases/{case.pk}/chronology",
        f"/cases/{case.pk}/findings",
        f"/cases/{case.pk}/restriction",
    ):
        response = client.get(path)
        assert response.status_code == 403, path
        body = response.json()
        assert body["restricted"] is True
        assert body["reference"] == case.reference
        assert body["break_glass_url"].endswith(f"/cases/{case.pk}/break-glass/")
        assert "Philippa" not in response.content.decode()
    response = client.post(f"/cases/{case.pk}/triage", {"version": case.version})
    assert response.status_code == 403
    assert response.json()["restricted"] is True
    assert client.get(f"/people/{case.person_id}").status_code == 404
    assert api(outsider).get(f"/cases/{case.pk}").status_code == 404
    assert api(practitioner).get(f"/cases/{case.pk}").status_code == 200


def test_case_lists_show_restricted_cases_by_reference_only(
    api, lead, practitioner, colleague, case
):
    actions.restrict_case(case, by=lead, reason=REASON, named=[practitioner])
    other = factories.case(practitioner)
    response = api(colleague).get("/cases")
    body = response.json()
    assert [c["id"] for c in body["items"]] == [other.pk]
    assert body["count"] == 1
    assert body["restricted"] == [{"id": case.pk, "reference": case.reference, "restricted": True}]
    assert "Philippa" not in response.content.decode()
    named = api(practitioner).get("/cases").json()
    assert {c["id"] for c in named["items"]} == {case.pk, other.pk}
    assert named["restricted"] == []

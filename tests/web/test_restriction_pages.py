"""The pages for restricted cases: restricting, the restricted page,
break-glass and the leads' alert list."""

import pytest
from django.urls import reverse

from msp.audit.models import AuditEvent
from msp.cases import actions
from msp.cases.models import BreakGlassGrant, CaseRestriction
from tests import factories
from tests.web.conftest import h1_of, text_of, whole_case

pytestmark = pytest.mark.django_db

REASON = "The adult works in the council's own home care team"
NEED = "Police have called about a strategy meeting at five tonight"


@pytest.fixture
def case(practitioner):
    about = factories.person(practitioner, given_name="Philippa", family_name="Quarry")
    return factories.case(practitioner, state="enquiry", about=about)


@pytest.fixture
def restricted(case, lead, practitioner):
    actions.restrict_case(case, by=lead, reason=REASON, named=[practitioner])
    return case


def test_a_lead_restricts_a_case_from_its_page(client_for, lead, practitioner, case):
    client = client_for(lead)
    page = whole_case(client, case.pk)
    assert "Restrict this case" in text_of(page)
    url = reverse("cases:restriction", args=[case.pk])
    form = client.get(url)
    assert h1_of(form) == f"Restrict case {case.reference}"
    assert "Pat Okafor" in text_of(form)
    response = client.post(url, {"reason": REASON, "named": [str(practitioner.pk)]})
    assert response.status_code == 302
    restriction = CaseRestriction.objects.get(case=case)
    assert set(restriction.named.all()) == {lead, practitioner}
    page = whole_case(client, case.pk)
    assert "Restricted" in text_of(page)
    assert "Case restricted to named people" in text_of(page)


def test_restricting_without_a_reason_says_so_and_keeps_the_choices(
    client_for, lead, practitioner, case
):
    url = reverse("cases:restriction", args=[case.pk])
    response = client_for(lead).post(url, {"reason": "staff", "named": [str(practitioner.pk)]})
    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text
    assert "Give a fuller reason" in text
    assert f'value="{practitioner.pk}" checked' in response.content.decode()
    assert not CaseRestriction.objects.exists()


def test_practitioners_cannot_restrict(client_for, practitioner, case):
    url = reverse("cases:restriction", args=[case.pk])
    assert client_for(practitioner).get(url).status_code == 403


def test_others_see_the_reference_and_restricted_only(client_for, colleague, restricted):
    client = client_for(colleague)
    response = whole_case(client, restricted.pk)
    assert response.status_code == 403
    assert h1_of(response) == f"Case {restricted.reference} is restricted"
    assert "Philippa" not in response.content.decode()
    assert "Quarry" not in response.content.decode()
    team = client.get(reverse("cases:team-cases"))
    assert restricted.reference in text_of(team)
    assert "Restricted" in text_of(team)
    assert "Philippa" not in team.content.decode()
    person = client.get(reverse("people:detail", args=[restricted.person_id]))
    assert person.status_code == 404
    found = client.get(reverse("people:find"), {"q": "Philippa"})
    assert "No one you can see matches \u2018Philippa\u2019" in text_of(found)
    assert "Quarry" not in found.content.decode()


def test_break_glass_opens_the_case_audits_it_and_alerts_the_leads(
    client_for, colleague, lead, restricted
):
    client = client_for(colleague)
    url = reverse("cases:break-glass", args=[restricted.pk])
    form = client.get(url)
    assert h1_of(form) == f"Open restricted case {restricted.reference}"
    assert "60 minutes" in text_of(form)
    short = client.post(url, {"reason": "need"})
    assert short.status_code == 400
    assert "Give a fuller reason" in text_of(short)
    assert "need</textarea>" in short.content.decode()
    response = client.post(url, {"reason": NEED})
    assert response.status_code == 302
    page = whole_case(client, restricted.pk)
    assert page.status_code == 200
    assert "Philippa" in text_of(page)
    assert "through break-glass until" in text_of(page)
    assert "Restricted case opened through break-glass" in text_of(page)
    event = AuditEvent.objects.get(action="case.break_glass")
    assert event.reason == NEED

    leads = client_for(lead)
    assert "1 break-glass alert to check" in text_of(leads.get(reverse("cases:my-cases")))
    alerts = leads.get(reverse("cases:break-glass-alerts"))
    text = text_of(alerts)
    assert colleague.display_name in text and restricted.reference in text and NEED in text
    grant = BreakGlassGrant.objects.get()
    ack = leads.post(reverse("cases:acknowledge-break-glass", args=[grant.pk]))
    assert ack.status_code == 302
    assert "No alerts to acknowledge" in text_of(leads.get(reverse("cases:break-glass-alerts")))


def test_the_alert_list_is_for_leads_only(client_for, practitioner):
    assert client_for(practitioner).get(reverse("cases:break-glass-alerts")).status_code == 404


def test_break_glass_is_not_offered_to_outsiders(client_for, outsider, restricted):
    client = client_for(outsider)
    assert whole_case(client, restricted.pk).status_code == 404
    url = reverse("cases:break-glass", args=[restricted.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": NEED}).status_code == 404


def test_a_lead_changes_who_is_named_and_lifts_it(
    client_for, lead, practitioner, colleague, restricted
):
    client = client_for(lead)
    url = reverse("cases:restriction", args=[restricted.pk])
    response = client.post(url, {"named": [str(lead.pk), str(colleague.pk)]})
    assert response.status_code == 302
    assert set(CaseRestriction.objects.get().named.all()) == {lead, colleague}
    lift = reverse("cases:lift-restriction", args=[restricted.pk])
    assert h1_of(client.get(lift)) == f"Lift the restriction on case {restricted.reference}"
    response = client.post(lift, {"reason": "The member of staff has left the council"})
    assert response.status_code == 302
    assert not CaseRestriction.objects.exists()
    assert whole_case(client_for(practitioner), restricted.pk).status_code == 200

"""Administrators administer; they do not read. No admin page shows a person's
name, NHS number, what happened to them or who raised the concern, and only
administrators get the admin at all."""

import re

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from msp.accounts.models import ApiToken, Role, User
from msp.accounts.tokens import revoke_token
from msp.audit.models import AuditEvent
from msp.practice.models import ClosureFinding
from tests import factories, record_factories

SECRETS = {
    "given name": "Philippa",
    "family name": "Quennell-Hartigan",
    "NHS number": None,  # filled in from the person
    "allegation": "took the pension book from her handbag",
    "referrer": "Rosalind Featherstonehaugh",
}


@pytest.fixture
def casework(practitioner, manager):
    """Demo-like data: a case with an override, closed with findings, tokens, and
    the audit trail all this writes."""
    factories.case(practitioner, state="closed", referrer_name=SECRETS["referrer"])
    case = factories.case(
        practitioner,
        state="enquiry",
        about=factories.person(
            practitioner, given_name=SECRETS["given name"], family_name=SECRETS["family name"]
        ),
        what_happened=f"Her nephew {SECRETS['allegation']}.",
        referrer_name=SECRETS["referrer"],
        referrer_confidential=True,
    )
    record_factories.override(case, practitioner, cosigner=manager)
    token, _ = ApiToken.objects.issue(practitioner, name="Case system link")
    revoke_token(token, by=practitioner)
    return case


def _admin_urls() -> list[str]:
    urls = ["/admin/"]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        for obj in model_admin.get_queryset(_request_stub()).all()[:20]:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk]))
    return urls


def _request_stub():
    class Stub:
        pass

    return Stub()


def test_no_admin_page_shows_personal_or_case_data(casework, admin_user):
    person = casework.person
    secrets = {**SECRETS, "NHS number": person.nhs_number}
    assert AuditEvent.objects.filter(person_id=person.pk).exists()
    client = Client()
    client.force_login(admin_user)
    urls = _admin_urls()
    assert len(urls) > 15  # the walk found the registered models and their rows
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = re.sub(r"\s+", " ", response.content.decode())
        for what, value in secrets.items():
            assert value not in page, f"{url} shows the person's {what}"


def test_the_audit_log_and_closure_findings_are_not_in_the_admin(admin_user):
    registered = {model._meta.label for model in admin.site._registry}
    assert AuditEvent._meta.label not in registered
    assert ClosureFinding._meta.label not in registered
    client = Client()
    client.force_login(admin_user)
    assert client.get("/admin/audit/auditevent/").status_code == 404


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SAFEGUARDING_LEAD, Role.AUDITOR]
)
def test_only_administrators_get_the_admin(db, role):
    """Staff status alone does not open the admin: the role must be administrator."""
    user = factories.user(role, is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_administrator_without_staff_status_gets_no_admin(administrator):
    client = Client()
    client.force_login(administrator)
    assert client.get("/admin/").status_code == 302


def test_createsuperuser_makes_an_administrator(db):
    call_command("createsuperuser", username="first", email="it@example.org", interactive=False)
    client = Client()
    first = User.objects.get(username="first")
    assert first.role == Role.ADMINISTRATOR
    client.force_login(first)
    assert client.get("/admin/").status_code == 200

"""Tokens with a life: they expire, carry a scope (read by default), stop working
when their user's password changes or the account is deactivated; /me and the
co-signers of a case."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from msp.accounts.models import ApiToken, Role, TokenScope
from msp.api.api import api as ninja_api
from msp.audit.models import AuditEvent
from tests import factories
from tests.api.conftest import ApiClient

NEW_PERSON = {"given_name": "Ann", "family_name": "Other", "date_of_birth": "1950-01-01"}


def test_a_token_is_read_only_for_90_days_by_default(practitioner):
    token, _ = ApiToken.objects.issue(practitioner)
    assert token.scope == TokenScope.READ
    lasts = token.expires_at - token.created_at
    assert datetime.timedelta(days=89, hours=23) < lasts <= datetime.timedelta(days=90)


def test_the_default_life_is_configurable(practitioner, settings):
    settings.MSP_API_TOKEN_DAYS = 30
    token, _ = ApiToken.objects.issue(practitioner)
    assert (token.expires_at - timezone.now()).days == 29


def test_an_expired_token_is_refused_saying_so(practitioner):
    token, raw = ApiToken.objects.issue(practitioner, days=1)
    assert ApiClient(raw).get("/cases").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    response = ApiClient(raw).get("/cases")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_read_token_reads_but_cannot_change(practitioner):
    _, raw = ApiToken.objects.issue(practitioner)
    client = ApiClient(raw)
    assert client.get("/people").status_code == 200
    response = client.post("/people", NEW_PERSON)
    assert response.status_code == 403
    assert "can only read" in response.json()["detail"]
    _, write = ApiToken.objects.issue(practitioner, scope=TokenScope.WRITE)
    assert ApiClient(write).post("/people", NEW_PERSON).status_code == 201


def _operations():
    schema = ninja_api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method in methods:
            yield method.upper(), path


def test_every_changing_operation_refuses_a_read_token(practitioner):
    """Checked once, in the authentication, so a new operation cannot forget it."""
    case = factories.case(practitioner, state="enquiry")
    _, raw = ApiToken.objects.issue(practitioner)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    changing = [(m, p) for m, p in _operations() if m not in ("GET", "HEAD", "OPTIONS")]
    assert len(changing) > 20
    for method, path in changing:
        url = re.sub(r"\{\w+\}", str(case.pk), path)
        response = client.generic(method, url, "{}", content_type="application/json")
        assert response.status_code == 403, (method, url, response.status_code)
        assert "can only read" in response.json()["detail"]


def test_a_password_change_revokes_every_token(practitioner):
    tokens = [ApiToken.objects.issue(practitioner)[0] for _ in range(2)]
    raw = ApiToken.objects.issue(practitioner)[1]
    practitioner.set_password("another long passphrase")
    practitioner.save()
    assert ApiClient(raw).get("/cases").status_code == 401
    assert not ApiToken.objects.live().filter(user=practitioner).exists()
    revoked = AuditEvent.objects.filter(action="api_token.revoked")
    assert revoked.count() == 3
    assert {e.reason for e in revoked} == {"The account's password changed"}
    assert {str(t.pk) for t in tokens} <= {e.object_id for e in revoked}


def test_the_changepassword_command_revokes_tokens(practitioner, monkeypatch):
    _, raw = ApiToken.objects.issue(practitioner)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a brand new passphrase 7")
    call_command("changepassword", practitioner.username, stdout=io.StringIO())
    assert ApiClient(raw).get("/cases").status_code == 401


def test_deactivation_revokes_tokens(practitioner):
    _, raw = ApiToken.objects.issue(practitioner)
    practitioner.is_active = False
    practitioner.save()
    practitioner.is_active = True
    practitioner.save()
    response = ApiClient(raw).get("/cases")
    assert response.status_code == 401  # reactivating does not bring the token back
    event = AuditEvent.objects.get(action="api_token.revoked")
    assert event.reason == "The account was deactivated"


def test_the_command_issues_with_scope_and_days(practitioner):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "issue_api_token",
        practitioner.username,
        "--scope",
        "write",
        "--days",
        "7",
        stdout=out,
        stderr=err,
    )
    raw = out.getvalue().strip()
    token = ApiToken.objects.get(prefix=raw[:12])
    assert token.scope == TokenScope.WRITE
    assert (token.expires_at - timezone.now()).days == 6
    assert "Scope write" in err.getvalue()
    issued = AuditEvent.objects.get(action="api_token.issued")
    assert issued.channel == "system" and issued.object_id == str(token.pk)
    assert raw not in str(issued.changes)  # the secret is never stored


def test_the_command_defaults_to_read_and_refuses_nonsense(practitioner):
    out = io.StringIO()
    call_command("issue_api_token", practitioner.username, stdout=out, stderr=io.StringIO())
    assert ApiToken.objects.get().scope == TokenScope.READ
    with pytest.raises(CommandError, match="--days"):
        call_command("issue_api_token", practitioner.username, "--days", "0")


def test_me(practitioner):
    token, raw = ApiToken.objects.issue(practitioner, name="Case system link")
    body = ApiClient(raw).get("/me").json()
    assert body["username"] == "pat"
    assert body["display_name"] == "Pat Okafor"
    assert (body["role"], body["role_label"]) == ("practitioner", "Practitioner")
    assert body["team"]["name"] == "North locality team"
    assert body["token"]["scope"] == "read"
    assert body["token"]["prefix"] == token.prefix
    assert body["token"]["expires_at"].startswith(token.expires_at.date().isoformat())


def test_co_signers_are_the_people_the_web_form_offers(practitioner, manager, other_manager, lead):
    case = factories.case(practitioner, state="enquiry")
    inactive = factories.user(Role.TEAM_MANAGER, username="gone", is_active=False)
    _, raw = ApiToken.objects.issue(manager)
    body = ApiClient(raw).get(f"/cases/{case.pk}/co-signers").json()
    ids = {c["id"] for c in body}
    # not the asker, another team's manager or an inactive one (the case's
    # builder adds its own team manager, who made the decision)
    assert lead.pk in ids
    assert not ids & {manager.pk, other_manager.pk, inactive.pk}
    _, raw = ApiToken.objects.issue(practitioner)
    body = ApiClient(raw).get(f"/cases/{case.pk}/co-signers").json()
    for_practitioner = {c["id"] for c in body}
    assert {manager.pk, lead.pk} <= for_practitioner
    assert not for_practitioner & {other_manager.pk, inactive.pk, practitioner.pk}
    web = Client()
    web.force_login(practitioner)
    form = web.get(f"/cases/{case.pk}/overrides/new/").content.decode()
    offered = set(map(int, re.findall(r'<option value="(\d+)"', form)))
    assert offered == for_practitioner


def test_co_signers_need_read_access_to_the_case(practitioner, outsider, board_member):
    case = factories.case(practitioner, state="enquiry")
    for user in (outsider, board_member):
        _, raw = ApiToken.objects.issue(user)
        assert ApiClient(raw).get(f"/cases/{case.pk}/co-signers").status_code == 404


def test_a_password_changed_behind_the_apps_back_still_ends_the_token(practitioner):
    """A direct database update skips every signal; the token still stops, and
    is revoked for good (with an audit event) the first time it is tried."""
    from django.contrib.auth.hashers import make_password

    from msp.accounts.models import User

    token, raw = ApiToken.objects.issue(practitioner)
    assert ApiClient(raw).get("/me").status_code == 200
    User.objects.filter(pk=practitioner.pk).update(password=make_password("another-long-one-1"))
    assert ApiClient(raw).get("/me").status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(action="api_token.revoked", object_id=str(token.pk)).exists()


def test_reactivating_an_account_does_not_bring_its_tokens_back(practitioner):
    from msp.accounts.models import User

    _, raw = ApiToken.objects.issue(practitioner)
    User.objects.filter(pk=practitioner.pk).update(is_active=False)
    assert ApiClient(raw).get("/me").status_code == 401
    User.objects.filter(pk=practitioner.pk).update(is_active=True)
    assert ApiClient(raw).get("/me").status_code == 401

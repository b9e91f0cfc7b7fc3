"""Your API tokens: listed and revoked by their owner; any token revoked by an
administrator in the admin. Revocation is audited."""

from django.test import Client
from django.utils import timezone

from msp.accounts.models import ApiToken, TokenScope
from msp.audit.models import AuditEvent
from tests.api.conftest import ApiClient
from tests.pages import CheckedClient


def signed_in(user) -> CheckedClient:
    client = CheckedClient()
    client.force_login(user)
    return client


def test_the_owner_sees_their_tokens(practitioner, colleague):
    token, raw = ApiToken.objects.issue(practitioner, name="Case system link")
    ApiClient(raw).get("/cases")
    ApiToken.objects.issue(practitioner, name="Old script", scope=TokenScope.WRITE)[0]
    ApiToken.objects.issue(colleague, name="Someone else's")
    page = signed_in(practitioner).get("/account/api-tokens/").content.decode()
    assert "Case system link" in page and token.prefix in page
    assert "Read only" in page and "Read and write" in page
    assert "Never" in page  # the unused one
    assert timezone.localtime(token.expires_at).strftime("%-d %B %Y") in page
    assert "Someone else&#x27;s" not in page and "Someone else's" not in page


def test_the_owner_revokes_a_token(practitioner):
    token, raw = ApiToken.objects.issue(practitioner)
    client = signed_in(practitioner)
    response = client.post(f"/account/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert ApiClient(raw).get("/cases").status_code == 401
    page = client.get("/account/api-tokens/").content.decode()
    assert "revoked. It no longer works" in page and "Revoked" in page
    event = AuditEvent.objects.get(action="api_token.revoked")
    assert (event.user, event.object_id, event.channel) == (practitioner, str(token.pk), "web")


def test_nobody_else_revokes_it_on_that_page(practitioner, lead):
    token, raw = ApiToken.objects.issue(practitioner)
    client = Client()
    client.force_login(lead)
    assert client.post(f"/account/api-tokens/{token.pk}/revoke/").status_code == 404
    assert ApiClient(raw).get("/cases").status_code == 200


def test_an_administrator_revokes_in_the_admin(admin_client, admin_user, practitioner):
    token, raw = ApiToken.objects.issue(practitioner)
    listing = admin_client.get("/admin/accounts/apitoken/").content.decode()
    assert token.prefix in listing and "Last used" in listing
    response = admin_client.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk], "index": 0},
    )
    assert response.status_code == 302
    assert ApiClient(raw).get("/cases").status_code == 401
    event = AuditEvent.objects.get(action="api_token.revoked")
    assert event.user == admin_user
    assert admin_client.get(f"/admin/accounts/apitoken/{token.pk}/delete/").status_code == 403

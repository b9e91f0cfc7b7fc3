"""Two-person rule: the safeguarding lead, auditor and administrator roles and
superuser status take effect only when a second person approves them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from msp.accounts.grants import decide_role, request_role
from msp.accounts.models import SUPERUSER, Role, RoleGrant, User
from msp.audit.models import AuditEvent
from tests.accounts.admin_forms import save_account
from tests.pages import CheckedClient


def signed_in(user: User) -> CheckedClient:
    client = CheckedClient()
    client.force_login(user)
    return client


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def test_promoting_in_the_admin_saves_a_request_not_the_role(
    admin_client, admin_user, practitioner
):
    response = save_account(admin_client, practitioner, role=Role.SAFEGUARDING_LEAD)
    assert _fresh(practitioner).role == Role.PRACTITIONER
    grant = RoleGrant.objects.get(user=practitioner)
    assert (grant.role, grant.requested_by, grant.outcome) == (
        Role.SAFEGUARDING_LEAD,
        admin_user,
        RoleGrant.Outcome.PENDING,
    )
    event = AuditEvent.objects.get(action="role_grant.requested")
    assert (event.user, event.object_id) == (admin_user, str(grant.pk))
    assert not AuditEvent.objects.filter(action="account.changed").exists()
    page = admin_client.get(response["Location"]).content.decode()
    assert "needs a second person&#x27;s approval" in page or "needs a second person" in page


@pytest.mark.parametrize("field", ["is_superuser"])
def test_superuser_status_needs_approval_too(admin_client, practitioner, field):
    save_account(admin_client, practitioner, **{field: True})
    assert not _fresh(practitioner).is_superuser
    assert RoleGrant.objects.get(user=practitioner).role == SUPERUSER


def test_a_new_account_with_a_powerful_role_waits_inactive(admin_client, admin_user, lead):
    response = admin_client.post(
        "/admin/accounts/user/add/",
        {
            "username": "newaud",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            "usable_password": "true",
            "role": Role.AUDITOR,
        },
    )
    assert response.status_code == 302
    account = User.objects.get(username="newaud")
    assert (account.role, account.is_active) == (Role.PRACTITIONER, False)
    decide_role(RoleGrant.objects.get(user=account), by=lead, approve=True)
    account = _fresh(account)
    assert (account.role, account.is_active) == (Role.AUDITOR, True)


def test_the_requester_cannot_approve_their_own_request(admin_client, admin_user, practitioner):
    save_account(admin_client, practitioner, role=Role.AUDITOR)
    grant = RoleGrant.objects.get()
    page = signed_in(admin_user).get("/account/role-requests/").content.decode()
    assert "Someone other than the person who asked must approve this role" in page
    assert "Approve" not in page
    response = admin_client.post(
        f"/account/role-requests/{grant.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403
    assert _fresh(practitioner).role == Role.PRACTITIONER
    assert RoleGrant.objects.get().is_pending


def test_nobody_approves_a_role_for_themselves(admin_user, second_admin, lead):
    grant = request_role(lead, SUPERUSER, by=admin_user)
    with pytest.raises(PermissionDenied, match="for yourself"):
        decide_role(grant, by=lead, approve=True)
    decide_role(grant, by=second_admin, approve=True)
    assert _fresh(lead).is_superuser


def test_a_second_administrator_approves_on_the_page(admin_user, second_admin, practitioner):
    grant = request_role(practitioner, Role.SAFEGUARDING_LEAD, by=admin_user)
    client = signed_in(second_admin)
    page = client.get("/account/role-requests/").content.decode()
    assert practitioner.username in page and "Approve" in page
    response = client.post(f"/account/role-requests/{grant.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 302
    assert _fresh(practitioner).role == Role.SAFEGUARDING_LEAD
    decided = AuditEvent.objects.get(action="role_grant.approved")
    assert decided.user == second_admin
    changed = AuditEvent.objects.get(action="account.changed", object_id=str(practitioner.pk))
    assert changed.user == second_admin
    assert changed.changes == {"role": [Role.PRACTITIONER, Role.SAFEGUARDING_LEAD]}


def test_a_safeguarding_lead_refuses(admin_user, lead, practitioner):
    grant = request_role(practitioner, Role.AUDITOR, by=admin_user)
    response = signed_in(lead).post(
        f"/account/role-requests/{grant.pk}/decide/", {"decision": "refuse"}
    )
    assert response.status_code == 302
    assert _fresh(practitioner).role == Role.PRACTITIONER
    grant.refresh_from_db()
    assert (grant.outcome, grant.decided_by) == (RoleGrant.Outcome.REFUSED, lead)
    assert AuditEvent.objects.filter(action="role_grant.refused", user=lead).exists()
    with pytest.raises(PermissionDenied, match="already been decided"):
        decide_role(grant, by=lead, approve=True)


@pytest.mark.parametrize("who", ["practitioner", "manager", "auditor", "board_member"])
def test_others_cannot_see_or_decide_requests(request, admin_user, colleague, who):
    user = request.getfixturevalue(who)
    grant = request_role(colleague, Role.AUDITOR, by=admin_user)
    client = Client()
    client.force_login(user)
    assert client.get("/account/role-requests/").status_code == 404
    response = client.post(f"/account/role-requests/{grant.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 404
    assert _fresh(colleague).role == Role.PRACTITIONER


def test_lesser_roles_change_directly(admin_client, practitioner):
    save_account(admin_client, practitioner, role=Role.TEAM_MANAGER)
    assert _fresh(practitioner).role == Role.TEAM_MANAGER
    assert not RoleGrant.objects.exists()


def test_approve_in_the_admin_by_a_second_administrator(admin_user, second_admin, practitioner):
    grant = request_role(practitioner, Role.AUDITOR, by=admin_user)
    client = Client()
    client.force_login(second_admin)
    response = client.post(
        "/admin/accounts/rolegrant/",
        {"action": "approve", "_selected_action": [grant.pk], "index": 0},
    )
    assert response.status_code == 302
    assert _fresh(practitioner).role == Role.AUDITOR

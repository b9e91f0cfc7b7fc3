"""Posting the admin's account form as an administrator would."""

from typing import Any

from django.test import Client

from msp.accounts.models import User


def account_form(user: User, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "team": user.team_id or "",
        "job_title": user.job_title,
    }
    for flag in ("is_active", "is_staff", "is_superuser", "is_demo"):
        if getattr(user, flag):
            data[flag] = "on"
    for key, value in changes.items():
        if value is False:
            data.pop(key, None)
        elif value is True:
            data[key] = "on"
        else:
            data[key] = value
    return data


def save_account(client: Client, user: User, **changes: Any):
    response = client.post(f"/admin/accounts/user/{user.pk}/change/", account_form(user, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return response

"""The Django admin is for administrators only: role administrator with staff
status. Safeguarding leads, managers and everyone else get no admin at all,
whatever flags their account carries."""

from django.contrib.admin import AdminSite
from django.http import HttpRequest

from msp.accounts.models import User


class MspAdminSite(AdminSite):
    site_header = "MSP Casework administration"
    site_title = "MSP Casework administration"
    index_title = "Accounts, teams and settings"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return isinstance(user, User) and user.may_administer

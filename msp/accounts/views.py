from typing import Any

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from msp.accounts.access import can_raise_concern
from msp.accounts.models import User


def current_user(request: HttpRequest) -> User:
    """The signed-in user (LoginRequiredMiddleware guarantees one)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Sign in to use this service")
    return user


def casework_user(request: HttpRequest) -> User:
    """The signed-in user, who must work on cases (not a board member or auditor)."""
    user = current_user(request)
    if not can_raise_concern(user):
        raise PermissionDenied("Your role does not include casework")
    return user


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password",
        "inactive": "This account is not active. Ask your administrator",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget = forms.TextInput()


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


sign_in = login_not_required(SignInView.as_view())
sign_out = auth_views.LogoutView.as_view()


@login_not_required
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")

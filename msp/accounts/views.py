from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from msp.accounts import lockout, signin_audit
from msp.accounts.access import can_raise_concern, may_decide_role_grants, why_not_decide
from msp.accounts.grants import decide_role
from msp.accounts.middleware import cached_second_step
from msp.accounts.models import ApiToken, RoleGrant, User
from msp.accounts.sessions import touch
from msp.accounts.tokens import revoke_token


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

    def clean(self) -> dict[str, Any]:
        password = self.cleaned_data.get("password") or ""
        if len(password) > settings.PASSWORD_MAX_LENGTH:
            # No password this long can be right, and hashing it would be slow.
            raise self.get_invalid_login_error()
        return super().clean()


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)  # signs in with the password
        user = form.get_user()
        step = cached_second_step(self.request, user)
        if step is None:
            lockout.forget_failures(user.get_username())
            signin_audit.record(signin_audit.SIGNED_IN, account=user, by=user, request=self.request)
            return response
        signin_audit.record(
            signin_audit.PASSWORD_ACCEPTED, account=user, by=user, request=self.request
        )
        query = urlencode({"next": self.get_success_url()})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")


class ChangePasswordForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Enter it again",
        "password_mismatch": "The new passwords do not match. Enter the same password twice",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        labels = {
            "old_password": ("Current password", "Enter your current password"),
            "new_password1": ("New password", "Enter a new password"),
            "new_password2": ("Confirm new password", "Enter the new password again"),
        }
        for name, (label, required) in labels.items():
            field = self.fields[name]
            field.label = label
            field.help_text = ""
            field.error_messages["required"] = required
            field.widget.attrs.pop("autofocus", None)


class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "accounts/change_password.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
            signin_audit.record(
                signin_audit.PASSWORD_CHANGED,
                account=form.user,
                by=form.user,
                request=self.request,
            )
        messages.success(self.request, "Your password has been changed")
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["min_length"] = 12
        context["max_length"] = settings.PASSWORD_MAX_LENGTH
        return context


sign_in = login_not_required(SignInView.as_view())
sign_out = auth_views.LogoutView.as_view()
change_password = ChangePasswordView.as_view()


@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay signed in" on the timeout warning: restarts the idle timeout (any
    signed-in request does, within a minute; this one saves the session now)."""
    touch(request)
    return HttpResponse(status=204)


@login_not_required
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")


# API tokens: listed and revoked by their owner -------------------------------------


def staff_user(request: HttpRequest) -> User:
    """Any signed-in, active account."""
    user = current_user(request)
    if not user.is_active:
        raise PermissionDenied("This account is not active")
    return user


@require_GET
def api_tokens(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    tokens = list(user.api_tokens.all())
    return render(
        request,
        "accounts/api_tokens.html",
        {"tokens": tokens, "now": timezone.now(), "days": settings.MSP_API_TOKEN_DAYS},
    )


@require_POST
def revoke_api_token(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    token = get_object_or_404(ApiToken, pk=pk, user=user)  # others' tokens: 404
    if revoke_token(token, by=user, reason="Revoked by its owner"):
        messages.success(request, f"Token {token.prefix}… revoked. It no longer works.")
    return redirect("accounts:api-tokens")


# Powerful roles: the second person approves or refuses -------------------------------


def grant_decider(request: HttpRequest) -> User:
    """Administrators and safeguarding leads; to anyone else the pages do not exist."""
    user = staff_user(request)
    if not may_decide_role_grants(user):
        raise Http404("No such page")
    return user


@require_GET
def role_requests(request: HttpRequest) -> HttpResponse:
    user = grant_decider(request)
    pending = RoleGrant.objects.filter(outcome=RoleGrant.Outcome.PENDING).select_related(
        "user", "user__team", "requested_by"
    )
    decided = RoleGrant.objects.exclude(outcome=RoleGrant.Outcome.PENDING).select_related(
        "user", "requested_by", "decided_by"
    )[:20]
    rows = [(grant, why_not_decide(user, grant)) for grant in pending]
    return render(request, "accounts/role_requests.html", {"rows": rows, "decided": decided})


@require_POST
def decide_role_request(request: HttpRequest, pk: int) -> HttpResponse:
    user = grant_decider(request)
    grant = get_object_or_404(RoleGrant.objects.select_related("user"), pk=pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "refuse"):
        raise SuspiciousOperation("Unknown decision")
    decide_role(grant, by=user, approve=decision == "approve")  # PermissionDenied: 403
    done = "approved" if decision == "approve" else "refused"
    messages.success(request, f"{grant.get_role_display()} for {grant.user.username} {done}.")
    return redirect("accounts:role-requests")

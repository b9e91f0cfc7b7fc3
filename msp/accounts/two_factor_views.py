"""Pages for two-factor sign-in: the code step, setting up an authenticator
app, the user's own account page (status, new backup codes, reset) and the
page a locked-out user sees."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware import csrf
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from msp.accounts import lockout, passkeys, signin_audit, two_factor
from msp.accounts.access import may_decide_role_grants
from msp.accounts.middleware import forget_second_step
from msp.accounts.views import current_user
from msp.govuk.forms import GovukForm

WRONG_CODE = (
    "The code is not right, or has been used already. Enter the latest code from your "
    "authenticator app, or a backup code you have not used"
)


class CodeForm(GovukForm):
    code = forms.CharField(
        label="Code",
        max_length=32,
        error_messages={"required": "Enter the code from your authenticator app"},
    )


class SetUpForm(GovukForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 digits your app shows for this service",
        max_length=12,
        error_messages={"required": "Enter the code from your authenticator app"},
    )


def next_page(request: HttpRequest, default: str | None = None) -> str:
    """Where to go after this step: the page asked for, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("cases:home")


def signed_in(request: HttpRequest, method: str) -> None:
    lockout.forget_failures(current_user(request).get_username())
    signin_audit.record(
        signin_audit.SIGNED_IN,
        account=current_user(request),
        by=current_user(request),
        request=request,
        changes={"two_factor": [None, method]},
    )
    forget_second_step(request)


def browser_config(request: HttpRequest) -> dict[str, Any]:
    """The settings block the library's scripts read from the page."""
    return {
        "autocompleteLoginFieldSelector": None,
        "nextFieldSelector": "input[name='next']",
        "csrfToken": csrf.get_token(request),
        "beginRegistrationUrl": reverse("accounts:passkey-add-begin"),
        "completeRegistrationUrl": reverse("accounts:passkey-add-complete"),
        "beginAuthenticationUrl": reverse("accounts:passkey-use-begin"),
        "completeAuthenticationUrl": reverse("accounts:passkey-use-complete"),
        # Ours, for accounts/passkeys.js: the lock-out page comes back as a 429.
        "lockedOutMessage": (
            "You cannot sign in at the moment because of too many failed attempts. "
            f"Try again in {settings.LOCKOUT_MINUTES} minutes, or ask your council's "
            "administrator for this service."
        ),
    }


@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if user.is_verified():  # type: ignore[attr-defined]
        return HttpResponseRedirect(next_page(request))
    if not two_factor.has_two_factor(user):
        forget_second_step(request)
        return HttpResponseRedirect(next_page(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if lockout.is_locked(request, user.get_username()):
            logout(request)
            return lockout.locked_out_response(request, None, None)
        device = two_factor.verify(user, form.cleaned_data["code"], request)
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return lockout.locked_out_response(request, None, None)
        if device is not None:
            otp_login(request, device)
            signed_in(request, "backup code" if device.name == two_factor.BACKUP_NAME else "app")
            return HttpResponseRedirect(next_page(request))
        form.add_error("code", WRONG_CODE)
    context = {
        "form": form,
        "next": next_page(request),
        "has_app": two_factor.has_app(user),
        "has_passkey": passkeys.has_passkey(user),
        "passkey_config": browser_config(request),
    }
    return render(request, "accounts/two_factor_code.html", context)


@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if two_factor.has_two_factor(user):
        return redirect("accounts:account")
    device = two_factor.pending_app(user)
    form = SetUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_app(user, device, form.cleaned_data["code"], request)
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return lockout.locked_out_response(request, None, None)
        if codes is not None:
            otp_login(request, device)
            signed_in(request, "app, just set up")
            return render(
                request,
                "accounts/backup_codes.html",
                {"codes": codes, "next": next_page(request), "first_time": True},
            )
        form.add_error("code", WRONG_CODE)
    context: dict[str, Any] = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_text(device),
        "next": next_page(request),
        "required": two_factor.required(),
        "passkey_config": browser_config(request),
    }
    return render(request, "accounts/two_factor_set_up.html", context)


def account(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    context = {
        "has_two_factor": two_factor.has_two_factor(user),
        "has_app": two_factor.has_app(user),
        "passkeys": passkeys.of(user),
        "backup_codes_left": two_factor.backup_codes_left(user),
        "required": two_factor.required(),
        "passkey_config": browser_config(request),
        "may_decide_role_grants": may_decide_role_grants(user),
    }
    return render(request, "accounts/account.html", context)


@require_POST
def new_backup_codes(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not two_factor.has_two_factor(user):
        return redirect("accounts:account")
    codes = two_factor.regenerate_backup_codes(user, request)
    return render(
        request,
        "accounts/backup_codes.html",
        {"codes": codes, "next": reverse("accounts:account"), "first_time": False},
    )


@require_http_methods(["GET", "POST"])
def reset(request: HttpRequest) -> HttpResponse:
    """Turn two-factor sign-in off, proving with a fresh code that it is you."""
    user = current_user(request)
    if not two_factor.has_two_factor(user):
        return redirect("accounts:account")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(user, form.cleaned_data["code"], request) is not None:
            two_factor.reset(user, by=user, request=request)
            forget_second_step(request)
            messages.success(request, "Two-factor sign-in has been reset")
            if two_factor.required():
                return redirect("accounts:two-factor-set-up")
            return redirect("accounts:account")
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return lockout.locked_out_response(request, None, None)
        form.add_error("code", WRONG_CODE)
    return render(request, "accounts/two_factor_reset.html", {"form": form})

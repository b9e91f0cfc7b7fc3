"""Passkeys: the four JSON endpoints the browser talks to while adding or using
a passkey (django-otp-webauthn's views, with our audit, lock-out and wording),
and the pages to name and remove one."""

import logging
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp_webauthn import exceptions, views
from django_otp_webauthn.utils import rewrite_exceptions

from msp.accounts import lockout, passkeys, two_factor
from msp.accounts.middleware import forget_second_step
from msp.accounts.two_factor_views import next_page, signed_in
from msp.accounts.views import current_user
from msp.govuk.forms import GovukForm

_log = logging.getLogger("django_otp_webauthn")

# What the person sees when the browser's part worked but ours refused; the
# library's own words are technical.
MESSAGES = {
    "user_not_verified": "Sign in with your passkey, app or a backup code before adding a passkey",
    "invalid_state": "Your passkey could not be checked. Reload the page and try again",
    "credential_not_found": (
        "This passkey is not set up for your account. Use another passkey, your app "
        "or a backup code"
    ),
    "credential_user_mismatch": (
        "This passkey is not set up for your account. Use another passkey, your app "
        "or a backup code"
    ),
    "credential_disabled": "This passkey cannot be used. Use your app or a backup code",
    "user_disabled": "Your account cannot be used. Ask your council's administrator",
}
DEFAULT_MESSAGE = "Your passkey could not be checked. Try again"


class _PlainEnglish(views.BaseWebAuthnView):  # type: ignore[misc]  # untyped library
    def handle_exception(self, exc: Exception) -> HttpResponse:
        if isinstance(exc, exceptions.OTPWebAuthnApiError):
            return JsonResponse(
                {"detail": MESSAGES.get(exc.code, DEFAULT_MESSAGE), "code": exc.code},
                status=exc.status_code,
            )
        raise exc


class AddBegin(_PlainEnglish, views.BeginCredentialRegistrationView):  # type: ignore[misc]  # untyped library
    """Options for the browser to make a passkey. The library refuses when the
    user has a second factor but has not used it in this session."""


class AddComplete(_PlainEnglish, views.CompleteCredentialRegistrationView):  # type: ignore[misc]  # untyped library
    """Check and save the new passkey, audited in the same transaction. A user
    who had no second factor is now signed in with it, as after setting up an
    app."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        request = self.request
        user = current_user(request)
        state = self.get_state()
        helper = self.get_helper()
        with rewrite_exceptions(logger=_log), transaction.atomic():
            passkey = helper.register_complete(user=user, state=state, data=request.data)
            passkeys.added(user, passkey, request)
        if not user.is_verified():  # type: ignore[attr-defined]
            otp_login(request, passkey)
            signed_in(request, "passkey, just set up")
        forget_second_step(request)
        return JsonResponse(
            {"id": passkey.pk, "redirect_url": reverse("accounts:passkey-name", args=[passkey.pk])}
        )


class UseBegin(_PlainEnglish, views.BeginCredentialAuthenticationView):  # type: ignore[misc]  # untyped library
    """Options for the browser to sign with one of this user's passkeys."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        user = current_user(self.request)
        if lockout.is_locked(self.request, user.get_username()):
            logout(self.request)
            return lockout.locked_out_response(self.request, None, None)
        response: HttpResponse = super().post(*args, **kwargs)
        return response


class UseComplete(_PlainEnglish, views.CompleteCredentialAuthenticationView):  # type: ignore[misc]  # untyped library
    """Check the passkey's signature. Success marks the session verified as a
    right code does; a refused passkey counts towards the lock-out as a wrong
    code does."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        request = self.request
        user = current_user(request)
        if lockout.is_locked(request, user.get_username()):
            logout(request)
            return lockout.locked_out_response(request, None, None)
        state = self.get_state()
        helper = self.get_helper()
        try:
            with rewrite_exceptions(logger=_log), transaction.atomic():
                passkey = helper.authenticate_complete(user=user, state=state, data=request.data)
                self.check_device_usable(passkey)
                passkeys.used(user, passkey, request)
        except exceptions.OTPWebAuthnApiError:
            two_factor.code_failed(user, request, stage="passkey")
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return lockout.locked_out_response(request, None, None)
            raise
        otp_login(request, passkey)
        signed_in(request, "passkey")
        return JsonResponse({"id": passkey.pk, "redirect_url": next_page(request)})


# -- Pages -----------------------------------------------------------------------


class NameForm(GovukForm):
    name = forms.CharField(
        label="Name of this passkey",
        help_text="So you can tell your passkeys apart, for example “Work laptop”",
        max_length=passkeys.NAME_MAX,
        error_messages={
            "required": "Enter a name for this passkey",
            "max_length": f"Name must be {passkeys.NAME_MAX} characters or fewer",
        },
    )


@require_http_methods(["GET", "POST"])
def name(request: HttpRequest, pk: int) -> HttpResponse:
    """Name a passkey just added (or rename one). After the first second
    factor, the backup codes are made and shown once, as after setting up an
    app."""
    user = current_user(request)
    passkey = passkeys.owned(user, pk)
    if passkey is None:
        raise Http404("No such passkey of yours")
    form = NameForm(
        request.POST if request.method == "POST" else None, initial={"name": passkey.name}
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["name"] != passkey.name:
            passkeys.rename(user, passkey, form.cleaned_data["name"], request)
        if not two_factor.has_backup_codes(user):
            codes = two_factor.regenerate_backup_codes(user, request)
            return render(
                request,
                "accounts/backup_codes.html",
                {"codes": codes, "next": next_page(request), "first_time": True},
            )
        messages.success(request, f"Your passkey “{passkey.name}” is saved")
        return HttpResponseRedirect(next_page(request, reverse("accounts:account")))
    return render(
        request,
        "accounts/passkey_name.html",
        {"form": form, "passkey": passkey, "next": request.GET.get("next", "")},
    )


@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a passkey, only in a session verified with a second factor."""
    user = current_user(request)
    passkey = passkeys.owned(user, pk)
    if passkey is None:
        raise Http404("No such passkey of yours")
    if not user.is_verified():  # type: ignore[attr-defined]
        return redirect("accounts:two-factor-code")
    if request.method == "POST":
        still_on = passkeys.remove(user, passkey, request)
        forget_second_step(request)
        messages.success(request, f"Your passkey “{passkey.name}” has been removed")
        if not still_on and two_factor.required():
            return redirect("accounts:two-factor-set-up")
        return redirect("accounts:account")
    return render(request, "accounts/passkey_remove.html", {"passkey": passkey})

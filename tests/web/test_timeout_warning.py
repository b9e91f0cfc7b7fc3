"""The timeout warning: every signed-in page carries the dialog with the
timeout from the settings, and "Stay signed in" restarts the idle timeout."""

import datetime

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from msp.accounts.kept import SIGNED_OUT_MESSAGE
from tests.web.conftest import text_of


def test_signed_in_pages_carry_the_warning(client_for, practitioner, settings):
    settings.SESSION_COOKIE_AGE = 600
    settings.SESSION_WARNING_MINUTES = 3
    html = client_for(practitioner).get(reverse("accounts:account")).content.decode()
    assert 'data-idle-seconds="600"' in html and 'data-warning-seconds="180"' in html
    assert "accounts/timeout-warning" in html


def test_signed_out_pages_do_not(anonymous_client):
    html = anonymous_client.get(reverse("accounts:sign-in")).content.decode()
    assert "data-idle-seconds" not in html


def test_stay_signed_in_restarts_the_timeout(client_for, practitioner):
    client = client_for(practitioner)
    session = Session.objects.get()
    nearly = timezone.now() + datetime.timedelta(seconds=30)
    Session.objects.update(expire_date=nearly)
    response = client.post(reverse("accounts:keep-alive"))
    assert response.status_code == 204
    assert Session.objects.get(pk=session.pk).expire_date > nearly + datetime.timedelta(minutes=5)


def test_stay_signed_in_too_late(client_for, practitioner):
    client = client_for(practitioner)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post(reverse("accounts:keep-alive"))
    assert response.status_code == 302  # the dialog then says the user was signed out
    # Nothing typed, so nothing kept and no message about it
    assert SIGNED_OUT_MESSAGE not in text_of(client.get(reverse("accounts:sign-in")))

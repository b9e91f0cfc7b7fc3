"""Sessions are not rewritten on every request, yet the idle timeout holds:
an unchanged session is saved again only when its last save is more than a
minute old, and it is kept that minute past the idle timeout."""

import datetime

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from msp.accounts.sessions import TOUCH_SECONDS, TOUCHED_KEY


def _expiry() -> datetime.datetime:
    return Session.objects.get().expire_date


def _age_touch(client, seconds: int) -> None:
    """Pretend the session was last saved ``seconds`` ago."""
    session = client.session
    session[TOUCHED_KEY] = int(session[TOUCHED_KEY]) - seconds
    session.save()


def test_pages_within_a_minute_do_not_save_the_session(client_for, practitioner, settings):
    client = client_for(practitioner)
    client.get(reverse("accounts:account"))
    before = _expiry()
    for _ in range(3):
        client.get(reverse("accounts:account"))
    assert _expiry() == before


def test_a_page_after_a_minute_restarts_the_idle_timeout(client_for, practitioner, settings):
    client = client_for(practitioner)
    client.get(reverse("accounts:account"))
    _age_touch(client, TOUCH_SECONDS + 1)
    before = _expiry()
    client.get(reverse("accounts:account"))
    after = _expiry()
    assert after > before
    # Never earlier than the idle timeout after this request, at most a minute later.
    idle = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    now = timezone.now()
    assert now + idle <= after <= now + idle + datetime.timedelta(seconds=TOUCH_SECONDS + 1)


def test_stay_signed_in_always_saves(client_for, practitioner):
    client = client_for(practitioner)
    client.get(reverse("accounts:account"))
    before = _expiry()
    Session.objects.update(expire_date=before - datetime.timedelta(minutes=10))
    assert client.post(reverse("accounts:keep-alive")).status_code == 204
    assert _expiry() >= before


def test_an_idle_session_still_ends(client_for, practitioner):
    client = client_for(practitioner)
    client.get(reverse("accounts:account"))
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302 and reverse("accounts:sign-in") in response["Location"]

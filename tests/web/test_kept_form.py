"""A form submitted after the session ended is kept: after signing in again as
the same user, the page shows what they typed (not submitted for them); anyone
else gets nothing; passwords and tokens are never kept."""

import datetime
import re

from django.contrib.sessions.models import Session
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from msp.accounts.kept import COOKIE, KEPT_MESSAGE, SALT
from msp.accounts.models import KeptForm
from msp.enquiries.models import CaseNote
from tests import record_factories as rf
from tests.web.conftest import text_of

NOTE = "Phoned her GP about a review of her tablets."


def end_sessions() -> None:
    """The idle timeout passes."""
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))


def submit_after_timeout(client, url, data):
    end_sessions()
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:sign-in')}?next={url.replace('/', '%2F')}"
    return response


def test_a_note_typed_before_the_timeout_is_shown_again(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    submit_after_timeout(client, url, {"text": NOTE, "submission_token": "abc"})
    assert not CaseNote.objects.filter(case=case).exists()
    sign_in = client.get(reverse("accounts:sign-in") + f"?next={url}")
    assert "what you typed has been kept" in text_of(sign_in)
    # Nothing personal in the address or the cookie: a random key only
    assert NOTE not in client.cookies[COOKIE].value

    client.force_login(practitioner)
    page = client.get(url)
    assert KEPT_MESSAGE in text_of(page)
    assert NOTE in page.content.decode()
    assert not CaseNote.objects.filter(case=case).exists()  # not submitted for them
    assert not KeptForm.objects.exists()  # used once
    assert NOTE not in client.get(url).content.decode()


def test_someone_else_signing_in_gets_nothing(client_for, practitioner, colleague, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    submit_after_timeout(client, url, {"text": NOTE})
    client.force_login(colleague)
    page = client.get(url)
    assert NOTE not in page.content.decode()
    assert KEPT_MESSAGE not in text_of(page)
    assert not KeptForm.objects.exists()


def test_secrets_and_tokens_are_never_kept(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    data = {"text": NOTE, "new_password": "hunter2hunter2", "submission_token": "t0k"}
    submit_after_timeout(client, url, data)
    kept = signing.loads(KeptForm.objects.get().data, salt=SALT)
    assert kept == {"text": [NOTE]}


def test_a_kept_form_does_not_last(client_for, practitioner, case_in, settings):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    submit_after_timeout(client, url, {"text": NOTE})
    KeptForm.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    client.force_login(practitioner)
    assert NOTE not in client.get(url).content.decode()


def test_signing_out_keeps_nothing(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    client.logout()
    response = client.post(url, {"text": NOTE})
    assert response.status_code == 302
    assert not KeptForm.objects.exists()


def test_a_changed_record_kept_across_sign_in(client_for, practitioner, case_in):
    """A kept edit form keeps the version it started from, so a save by someone
    else meanwhile is still caught as a conflict."""
    case = case_in("enquiry")
    rf.plan(case, practitioner, pace="Slowly")
    client = client_for(practitioner)
    url = reverse("enquiries:plan", args=[case.pk])
    form = client.get(url).content.decode()
    assert 'name="base"' in form
    version = re.search(r'name="version" value="(\d+)"', form)
    assert version
    submit_after_timeout(client, url, {"pace": "Faster", "version": version.group(1)})
    client.force_login(practitioner)
    page = client.get(url).content.decode()
    assert "Faster" in page
    assert f'name="version" value="{version.group(1)}"' in page


def test_a_form_posted_elsewhere_comes_back_on_its_page(client_for, practitioner, case_in):
    """The sign-in leads back to the page the form was on, not to the address
    it was posted to (which may only take posts)."""
    case = case_in("enquiry")
    client = client_for(practitioner)
    page = reverse("enquiries:note-new", args=[case.pk])
    elsewhere = reverse("accounts:keep-alive")
    end_sessions()
    response = client.post(
        elsewhere, {"text": NOTE}, headers={"referer": f"http://testserver{page}"}
    )
    assert response["Location"].endswith(page.replace("/", "%2F"))
    # A referer from another site is not trusted
    response = client.post(page, {"text": NOTE}, headers={"referer": "https://example.org/x/"})
    assert response["Location"].endswith(page.replace("/", "%2F"))
    client.force_login(practitioner)
    assert NOTE in client.get(page).content.decode()


def test_kept_even_after_another_request_ended_the_session(client_for, practitioner, case_in):
    """Another tab (or the warning's "Stay signed in", too late) reaches the
    server first and the session's cookie goes; the form is still kept."""
    case = case_in("enquiry")
    client = client_for(practitioner)
    url = reverse("enquiries:note-new", args=[case.pk])
    end_sessions()
    assert client.get(reverse("accounts:account")).status_code == 302
    assert client.post(reverse("accounts:keep-alive")).status_code == 302
    response = client.post(url, {"text": NOTE})
    assert response["Location"].endswith(url.replace("/", "%2F"))
    client.force_login(practitioner)
    assert NOTE in client.get(url).content.decode()
    assert "msp_ended" not in client.cookies or not client.cookies["msp_ended"].value


def test_a_forged_note_of_who_was_signed_in_keeps_nothing(client, practitioner, case_in):
    case = case_in("enquiry")
    client.cookies["msp_ended"] = f"{practitioner.pk}"
    response = client.post(reverse("enquiries:note-new", args=[case.pk]), {"text": NOTE})
    assert response.status_code == 302
    assert not KeptForm.objects.exists()


def test_nothing_kept_after_a_password_change(client_for, practitioner, case_in):
    case = case_in("enquiry")
    client = client_for(practitioner)
    end_sessions()
    practitioner.set_password("A new and long passphrase 2026")
    practitioner.save()
    client.post(reverse("enquiries:note-new", args=[case.pk]), {"text": NOTE})
    assert not KeptForm.objects.exists()

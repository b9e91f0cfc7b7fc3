import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.web.conftest import text_of


def test_sign_in_page_works_signed_out(client_for):
    response = client_for(None).get(reverse("accounts:sign-in"))
    assert response.status_code == 200
    assert "Sign in" in text_of(response)
    assert 'autocomplete="current-password"' in response.content.decode()


def test_signing_in_goes_to_my_cases(client_for, practitioner):
    response = client_for(None).post(
        reverse("accounts:sign-in"), {"username": "pat", "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:home")
    client = client_for(practitioner)
    assert client.get(reverse("cases:home"))["Location"] == reverse("cases:my-cases")


def test_wrong_password_shows_an_error_and_keeps_the_username(client_for, practitioner):
    response = client_for(None).post(
        reverse("accounts:sign-in"), {"username": "pat", "password": "wrong"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Sign in" in html
    assert "Enter a correct username and password" in html
    assert 'value="pat"' in html
    assert 'value="wrong"' not in html


def test_empty_sign_in_names_each_field(client_for, db):
    response = client_for(None).post(reverse("accounts:sign-in"), {})
    html = response.content.decode()
    assert '<a href="#username">Enter your username</a>' in html
    assert '<a href="#password">Enter your password</a>' in html


def test_sign_out_is_post_only(client_for, practitioner):
    client = client_for(practitioner)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    response = client.post(reverse("accounts:sign-out"))
    assert response["Location"] == reverse("accounts:signed-out")
    signed_out = client.get(reverse("accounts:signed-out"))
    assert signed_out.status_code == 200
    assert "You have signed out" in text_of(signed_out)
    # Signed out now: pages send you to sign in
    assert client.get(reverse("cases:my-cases")).status_code == 302


def test_signed_in_pages_show_the_user_and_navigation(client_for, practitioner):
    response = client_for(practitioner).get(reverse("cases:my-cases"))
    text = text_of(response)
    assert "Signed in as Pat Okafor" in text
    for item in ("My cases", "Team cases", "Raise a concern", "Find a person"):
        assert item in text
    assert 'aria-current="page"' in response.content.decode()


def _every_page(case, outcome_pk):
    pk, person = case.pk, case.person_id
    return [
        reverse("cases:home"),
        reverse("cases:my-cases"),
        reverse("cases:team-cases"),
        reverse("cases:detail", args=[pk]),
        reverse("people:find"),
        reverse("people:create"),
        reverse("people:detail", args=[person]),
        reverse("people:edit", args=[person]),
        reverse("concerns:start"),
        reverse("concerns:raise", args=[person]),
        reverse("concerns:decision", args=[pk]),
        reverse("concerns:start-triage", args=[pk]),
        reverse("enquiries:start", args=[pk]),
        reverse("enquiries:add-outcome", args=[pk]),
        reverse("enquiries:revise-outcome", args=[outcome_pk]),
        reverse("enquiries:start-closing", args=[pk]),
        reverse("enquiries:rate-outcome", args=[outcome_pk]),
        reverse("enquiries:return", args=[pk]),
        reverse("enquiries:close", args=[pk]),
        reverse("enquiries:reopen", args=[pk]),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_signed_out_users_are_sent_to_sign_in_from_every_page(practitioner, method):
    case = factories.case(practitioner, state="enquiry")
    outcome = case.desired_outcomes.get()
    client = Client()
    for url in _every_page(case, outcome.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:sign-in") + "?next="), url


def test_unknown_page_is_a_gov_uk_404(client_for, practitioner):
    response = client_for(practitioner).get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in text_of(response)


def test_an_idle_session_ends_and_activity_keeps_it_alive(client_for, practitioner, settings):
    import datetime

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    web = client_for(practitioner)
    assert web.get("/cases/mine/").status_code == 200
    session = Session.objects.get()
    # Each request pushes the expiry on by the idle time...
    assert session.expire_date > timezone.now() + datetime.timedelta(
        minutes=settings.SESSION_IDLE_MINUTES - 1
    )
    # ...and once that time has passed with no request, the user must sign in again.
    Session.objects.filter(pk=session.pk).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = web.get("/cases/mine/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_auditors_land_on_the_audit_log(client_for, auditor):
    response = client_for(auditor).get("/", follow=True)
    body = response.content.decode()
    assert '<h1 class="govuk-heading-l">Audit log</h1>' in body
    assert "My cases" not in body  # no casework navigation


@pytest.mark.parametrize("who", ["administrator"])
def test_roles_without_casework_land_on_a_page_that_says_so(request, client_for, who):
    user = request.getfixturevalue(who)
    web = client_for(user)
    response = web.get("/", follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "does not include working on individual cases" in body
    assert "My cases" not in body  # no casework navigation

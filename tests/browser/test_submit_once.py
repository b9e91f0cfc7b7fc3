"""In a real Chromium: a concern submitted, then the back button and the form
submitted again, opens one case, and the second submission shows the first.
Going back re-fetches the form (pages are never stored), so this is the case the
form's small script handles."""

import pytest
from django.urls import reverse

from msp.accounts.models import Role
from msp.cases.models import Case
from tests import factories
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_back_and_submit_again_opens_one_case(page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    jess = factories.user(Role.PRACTITIONER, username="jess", first_name="Jess")
    person = factories.person(jess, given_name="Ivy", family_name="Tranter")

    page.goto("/")
    page.get_by_label("Username").fill("jess")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.goto(reverse("concerns:raise", args=[person.pk]))
    page.get_by_label("What happened?").fill("Her carer took her bank card.")
    group = page.get_by_role("group", name="What types of abuse or neglect?")
    group.get_by_label("Financial or material abuse").check()
    page.get_by_role("group", name="Where did it happen?").get_by_label(
        "The person's own home", exact=True
    ).check()
    page.get_by_role("group", name="Who is the source of risk?").get_by_label(
        "Someone the person knows", exact=True
    ).check()
    page.get_by_role("group", name="Does the person know about the concern?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Raise the concern").click()
    page.wait_for_load_state()
    case = Case.objects.get(person=person)
    assert page.url.endswith(reverse("cases:detail", args=[case.pk]))

    # Back to the form: the browser puts back what was typed; submit it again.
    page.go_back()
    page.wait_for_load_state()
    assert page.get_by_label("What happened?").input_value() == "Her carer took her bank card."
    page.get_by_role("button", name="Raise the concern").click()
    page.wait_for_load_state()
    assert Case.objects.filter(person=person).count() == 1
    assert page.url.endswith(reverse("cases:detail", args=[case.pk]))
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert f"This concern was already saved as {case.reference}." in banner
    check_accessibility(page)

    # Coming to the form afresh raises a new concern.
    page.goto(reverse("concerns:raise", args=[person.pk]))
    page.get_by_label("What happened?").fill("A second, separate concern.")
    page.get_by_role("group", name="What types of abuse or neglect?").get_by_label(
        "Neglect and acts of omission"
    ).check()
    page.get_by_role("group", name="Where did it happen?").get_by_label(
        "The person's own home", exact=True
    ).check()
    page.get_by_role("group", name="Who is the source of risk?").get_by_label(
        "Someone the person knows", exact=True
    ).check()
    page.get_by_role("group", name="Does the person know about the concern?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Raise the concern").click()
    page.wait_for_load_state()
    assert Case.objects.filter(person=person).count() == 2

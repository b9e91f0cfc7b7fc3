"""A team manager's and a practitioner's working day in a real Chromium, each in
their own browser: the manager's queue, allocating a concern, the section 42
decision; the practitioner starts the enquiry from the overview's one primary
button, records what the person wants, meets a colleague's edit of the same
record (the merge keeps the colleague's change), is warned before the session
ends and loses nothing typed after it ended; the manager closes the case after
checking it before closing and checking the answers. axe-core checks every page."""

import datetime
import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from msp.accounts.models import Role
from msp.cases.models import Case, CaseState
from msp.enquiries.models import CaseNote, DesiredOutcome, SafeguardingPlan
from tests import factories
from tests import record_factories as rf
from tests.browser.steps import choose, click, decide_s42, loaded, main_text, sign_in
from tests.browser_fixtures import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WISHES = "She wants the money to stop going missing but does not want her son in trouble."
NOTE = "Phoned her GP about a review of her tablets."
REASON = "Her daughter supported her at every visit; advocacy was discussed and not needed."


def test_a_managers_and_a_practitioners_day(browser, live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    factories.user(Role.TEAM_MANAGER, username="mo", first_name="Mo", last_name="Hughes")
    jess = factories.user(
        Role.PRACTITIONER, username="jess", first_name="Jess", last_name="Whitfield"
    )
    case = factories.case(jess, state="triage", given_name="Edna", person_wishes=WISHES)

    # The manager's day starts at the queue of concerns waiting for her.
    manager = page
    sign_in(manager, "mo")
    manager.goto(reverse("cases:queues"))
    loaded(manager)
    assert case.reference in main_text(manager)
    click(manager, "link", f"Allocate case {case.reference}")
    manager.get_by_label(re.compile("Jess Whitfield")).check()
    click(manager, "button", "Allocate")
    assert "Allocated to: Jess Whitfield" in main_text(manager)

    # The section 42 decision, from the overview's primary button
    click(manager, "button", "Record the section 42 decision")
    decide_s42(
        manager,
        needs="Home care after a stroke.",
        abuse="Cash gone each pension day.",
        unable="Relies on her son to collect her pension.",
    )

    # The practitioner, in her own browser, opens the case: after the decision
    # the one primary button starts the enquiry.
    context = browser.new_context(base_url=live_server.url)
    worker = context.new_page()
    worker.set_default_timeout(10_000)
    worker.clock.install()
    sign_in(worker, "jess")
    worker.goto(reverse("cases:detail", args=[case.pk]))
    loaded(worker)
    primary = worker.locator("main .govuk-button-group .govuk-button:not(.govuk-button--secondary)")
    assert primary.count() == 1 and primary.inner_text() == "Start the enquiry"
    primary.click()
    loaded(worker)
    assert Case.objects.get(pk=case.pk).state == CaseState.ENQUIRY

    # What she wants: first what she said at the concern, then in her own words now
    assert WISHES in main_text(worker)
    click(worker, "button", "Record as their first desired outcome")
    click(worker, "button", "Add a desired outcome")
    worker.get_by_label("What does the person want to happen?").fill(
        "I want to go to the bank myself on Fridays."
    )
    choose(worker, "Whose words are these?", "The person's own words")
    click(worker, "button", "Save the outcome")
    overview = main_text(worker)
    assert "Said at the concern" in overview and "bank myself on Fridays" in overview
    assert [o.current.text for o in DesiredOutcome.objects.filter(case=case)] == [
        WISHES,
        "I want to go to the bank myself on Fridays.",
    ]

    # The record lives on its own pages, reached by the sub-navigation
    click(worker, "link", "Plan")
    click(worker, "link", "Chronology")
    assert "Enquiry started" in main_text(worker)

    # An edit conflict: both open the plan; the manager saves first
    rf.plan(case, jess, pace="Slowly", person_involvement="Wrote it with her")
    plan_url = reverse("enquiries:plan", args=[case.pk])
    worker.goto(plan_url)
    loaded(worker)
    manager.goto(plan_url)
    loaded(manager)
    manager.locator("[name=pace]").fill("One change a month")
    click(manager, "button", "Save")
    worker.expected_console_errors = ["409"]
    worker.locator("[name=person_involvement]").fill("At the day centre, with June")
    click(worker, "button", "Save")
    banner = worker.get_by_role("region", name="Someone else changed this record")
    assert "One change a month" in banner.inner_text()
    assert worker.locator("[name=pace]").input_value() == "One change a month"
    click(worker, "button", "Save")
    plan = SafeguardingPlan.objects.get(case=case)
    assert (plan.pace, plan.person_involvement) == (
        "One change a month",
        "At the day centre, with June",
    )

    # The session is about to end: the warning shows; she carries on typing, the
    # session ends anyway, and what she typed is kept for after signing in.
    settings.SESSION_COOKIE_AGE = 90
    note_url = reverse("enquiries:note-new", args=[case.pk])
    worker.goto(note_url)
    worker.clock.run_for(2_000)
    dialog = worker.get_by_role("dialog", name="You are about to be signed out")
    dialog.wait_for()
    check_accessibility(worker)
    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    worker.locator("[name=text]").fill(NOTE)
    Session.objects.filter(expire_date__gt=timezone.now()).exclude(
        session_key__in=[c["value"] for c in manager.context.cookies() if c["name"] == "sessionid"]
    ).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    settings.SESSION_COOKIE_AGE = 1800
    worker.locator("main").get_by_role("button").last.click()
    loaded(worker)
    assert "/sign-in/" in worker.url
    assert "what you typed has been kept" in main_text(worker)
    assert not CaseNote.objects.filter(case=case).exists()
    worker.get_by_label("Username").fill("jess")
    worker.get_by_label("Password").fill(factories.PASSWORD)
    click(worker, "button", "Sign in")
    assert worker.locator("[name=text]").input_value() == NOTE
    worker.locator("main").get_by_role("button").last.click()
    loaded(worker)
    assert CaseNote.objects.get(case=case).text == NOTE
    context.close()

    # The manager closes the case: outcomes rated, checked before closing, a
    # reason to close without the advocacy duty, answers checked.
    manager.goto(reverse("cases:detail", args=[case.pk]))
    loaded(manager)
    click(manager, "button", "Start closing the case")
    for number in (1, 2):
        click(manager, "link", f"Record achievement of desired outcome {number}")
        choose(manager, "Was the outcome achieved?", "Fully achieved")
        click(manager, "button", "Save")
    click(manager, "button", "Close the case")
    choose(manager, "Why is the case closing?", "The enquiry is complete")
    choose(
        manager,
        "What did the enquiry find, and was action taken?",
        "A risk was found and action was taken",
    )
    choose(manager, "What happened to the risk?", "Risk reduced")
    choose(
        manager,
        "Was the person asked what outcomes they wanted?",
        "Yes, and they said what they wanted",
    )
    choose(
        manager,
        "Did the person lack capacity to make decisions about the enquiry?",
        "No, they did not lack capacity",
    )
    manager.get_by_label("How can the person come back to us if they want help later?").fill(
        "Phone the duty team on 01234 567890."
    )
    click(manager, "button", "Check before closing")
    assert "If you closed the case with these answers" in manager.locator("#preview").inner_text()
    for override in manager.locator("textarea[name^=override_]").all():
        override.fill(REASON)
    click(manager, "button", "Continue")
    assert "Check your answers before closing the case" in main_text(manager)
    click(manager, "button", "Close the case")
    assert Case.objects.get(pk=case.pk).state == CaseState.CLOSED
    click(manager, "link", "Chronology")
    chronology = main_text(manager)
    for step in ("Case allocated", "Section 42 decision recorded", "Case closed"):
        assert step in chronology, step

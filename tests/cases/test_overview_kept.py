"""The case overview is rendered once per version of the person's records and
kept (msp.cases.page.overview_html, msp.cases.revision). These tests change a
case in every way a user or an administrator can, after the overview was kept,
and check the next view is exactly what a view with nothing kept shows."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from msp.cases.models import RecordsVersion
from msp.cases.page import CSRF_STAND_IN, OVERVIEW_CACHE, overview_key
from msp.cases.revision import ROUTES, version_of
from msp.enquiries import actions as enquiries
from msp.enquiries.models import DesiredOutcome, OutcomeRevision
from msp.people.merge import merge_people
from msp.practice.loader import LISTS, ONE_TO_ONE
from msp.practice.models import GuardConfig
from tests import factories
from tests import record_factories as rf
from tests.factories import fresh


def main_of(client, case) -> str:
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"Printed [^<]*", "Printed", main)  # the time of the view, for printing
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", main)


def shown_matches_unkept(client, case) -> str:
    """The overview as served, checked against one rendered with nothing kept."""
    served = main_of(client, case)
    caches[OVERVIEW_CACHE].clear()
    assert served == main_of(client, case)
    return served


def _outcome(case):
    return DesiredOutcome.objects.filter(case=case).order_by("pk").first()


def revise(case, by):
    outcome = _outcome(case)
    enquiries.revise_outcome(
        outcome,
        by=by,
        expected_version=outcome.version,
        text="I want my nephew to stop coming round",
        whose_words="person",
        reason="She told us more on the second visit",
    )
    return "I want my nephew to stop coming round"


def add_outcome(case, by):
    enquiries.add_outcome(
        fresh(case), by=by, expected_version=fresh(case).version, text="I want to keep my cat",
        whose_words="person",
    )  # fmt: skip
    return "I want to keep my cat"


def saved_in_the_admin(case, by):
    # A save that no action function made: the revision's text put right directly.
    revision = OutcomeRevision.objects.filter(outcome__case=case).order_by("-pk").first()
    revision.text = "I want to choose who visits me"
    revision.save()
    return "I want to choose who visits me"


def note_only(case, by):
    # A note changes no text on the overview, only the count of its records.
    rf.capacity(case, by)
    return None


def deleted(case, by):
    outcome = DesiredOutcome.objects.filter(case=case).order_by("-pk").first()
    OutcomeRevision.objects.filter(outcome=outcome).delete()
    outcome.delete()
    return None


def person_renamed(case, by):
    person = case.person
    person.given_name = "Winifred"
    person.save()
    return "Winifred"


def another_case_about_them(case, by):
    # Concerns about the same person on other cases are part of this case's
    # picture: the guard asks about a pattern of repeat concerns.
    factories.case(by, about=case.person)
    factories.case(by, about=case.person)
    return "repeat"


CHANGES = [revise, add_outcome, saved_in_the_admin, note_only, deleted, person_renamed,
           another_case_about_them]  # fmt: skip


@pytest.mark.parametrize("change", CHANGES, ids=lambda f: f.__name__)
def test_a_change_shows_on_the_next_view(client_for, practitioner, change):
    case = factories.case(practitioner, state="enquiry", outcomes=2)
    client = client_for(practitioner)
    before = shown_matches_unkept(client, case)
    assert main_of(client, case) == before  # served from what was kept
    expected = change(case, practitioner)
    after = shown_matches_unkept(client, case)
    assert after != before
    if expected:
        assert expected in after


def test_merging_two_records_shows_on_the_kept_persons_case(client_for, practitioner):
    kept = factories.person(practitioner, given_name="Ada", family_name="Hale")
    merged = factories.person(practitioner, given_name="Ada", family_name="Hale", nhs_number="")
    case = factories.case(practitioner, state="enquiry", about=kept)
    factories.case(practitioner, about=merged)
    factories.case(practitioner, about=merged)  # three concerns now: a pattern to ask about
    client = client_for(practitioner)
    before = shown_matches_unkept(client, case)
    merge_people(kept, merged, by=practitioner, reason="The same woman, recorded twice")
    assert shown_matches_unkept(client, case) != before


def test_a_view_changes_nothing_and_is_served_kept(client_for, practitioner):
    case = factories.case(practitioner, state="enquiry", outcomes=3)
    client = client_for(practitioner)
    url = reverse("cases:detail", args=[case.pk])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    version = version_of(case.person_id)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert version_of(case.person_id) == version
    # Kept: the records are not read again (they take about ten queries).
    assert len(second) <= len(first) - 8
    assert not any("enquiries_desiredoutcome" in q["sql"] for q in second.captured_queries)


def test_what_one_user_may_do_is_not_shown_to_another(client_for, practitioner, other_manager):
    case = factories.case(practitioner, state="enquiry")
    mine = main_of(client_for(practitioner), case)
    assert reverse("enquiries:revise-outcome", args=[_outcome(case).pk]) in mine
    theirs = main_of(client_for(other_manager), case)  # reads, may not change
    assert reverse("enquiries:revise-outcome", args=[_outcome(case).pk]) not in theirs
    assert "Start closing" not in theirs


def test_forms_carry_the_viewers_own_token(practitioner, colleague):
    case = factories.case(practitioner, state="enquiry")
    for user in (practitioner, colleague):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
        assert CSRF_STAND_IN not in html
        form = re.search(r'<form method="post" action="([^"]+)".*?value="([^"]+)"', html, re.S)
        assert form, "the overview has a button that posts"
        response = client.post(form.group(1), {"csrfmiddlewaretoken": form.group(2)})
        assert response.status_code != 403


def test_changing_the_guards_settings_is_a_new_key(practitioner):
    case = factories.case(practitioner, state="enquiry")
    before = overview_key(case, practitioner, GuardConfig.current())
    config = GuardConfig.current()
    config.repeat_concern_count = config.repeat_concern_count + 1
    config.save()
    assert overview_key(case, practitioner, GuardConfig.current()) != before


def test_every_record_the_overview_reads_moves_the_version_on():
    """Checked against the loader's own list of what a case is made of."""
    read = {model for model, _columns, _order in LISTS.values()}
    from msp.cases.models import Case

    read |= {Case._meta.get_field(name).related_model for name in ONE_TO_ONE}
    from msp.concerns.models import Concern, Section42Decision
    from msp.enquiries.models import Closure
    from msp.people.models import Person

    read |= {Case, Person, Concern, Section42Decision, DesiredOutcome, OutcomeRevision, Closure}
    assert read <= set(ROUTES), sorted(m.__name__ for m in read - set(ROUTES))
    assert RecordsVersion not in ROUTES

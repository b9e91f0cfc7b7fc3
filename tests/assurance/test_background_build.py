"""The statutory return is built in the background, stored, shown and
downloaded from the store, and built again when the year's data changes."""

import datetime
import io

import pytest
from django.core.management import call_command

from msp.accounts.models import Role
from msp.assurance.builds import build_return_task
from msp.assurance.models import BuildState, ReturnBuild
from msp.concerns.models import Concern
from tests import factories
from tests.web.conftest import text_of

pytestmark = pytest.mark.django_db

D = datetime.date
PAGE = "/assurance/return/"
QUEUED = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def performance(db):
    return factories.user(Role.PERFORMANCE, team_name=None, username="ruth")


@pytest.fixture
def year_2025(story):
    return (
        story(raised_on=D(2025, 5, 1))
        .decide(D(2025, 5, 2))
        .start(D(2025, 5, 3))
        .close(D(2025, 8, 1))
    )


def test_the_page_says_the_return_is_being_built_until_it_is_ready(
    client_for, performance, year_2025, settings
):
    settings.TASKS = QUEUED  # queued, run by hand below
    client = client_for(performance)
    text = text_of(client.get(PAGE, {"year": "2025"}))
    assert "The 2025 to 2026 return is being built" in text
    assert "refresh this page" in text
    assert "SG1f" not in text
    # A download before the build is ready goes back to the page.
    response = client.get("/assurance/return/2025.csv")
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?year=2025"

    build_return_task.call(2025)
    response = client.get(PAGE, {"year": "2025"})
    text = text_of(response)
    assert "being built" not in text
    assert "SG1f: Number of concerns and enquiries" in text
    assert "Built" in text and "1 concern raised in the year" in text
    csv = client.get("/assurance/return/2025.csv")
    assert csv.status_code == 200
    assert b"SG1f" in csv.content


def test_a_stored_return_is_reused_until_data_for_its_year_changes(
    client_for, performance, year_2025, manager, settings
):
    settings.TASKS = QUEUED
    client = client_for(performance)
    client.get(PAGE, {"year": "2025"})
    build_return_task.call(2025)
    built_at = ReturnBuild.objects.get(year=2025).built_at

    # A new case this year is not data for 2025-26: the stored return stands.
    factories.case(manager)
    assert "SG1f" in text_of(client.get(PAGE, {"year": "2025"}))
    assert ReturnBuild.objects.get(year=2025).built_at == built_at

    # A correction to a 2025-26 concern makes it stale: it is built again.
    concern = Concern.objects.get(case=year_2025.case)
    concern.raised_on = D(2025, 6, 1)
    concern.save()
    text = text_of(client.get(PAGE, {"year": "2025"}))
    assert "is being built" in text
    assert ReturnBuild.objects.get(year=2025).state == BuildState.WAITING
    build_return_task.call(2025)
    assert "SG1f" in text_of(client.get(PAGE, {"year": "2025"}))
    assert ReturnBuild.objects.get(year=2025).built_at > built_at


# The worker closes its database connection after each task, as a long-running
# process should: the test's data must be committed for that. (The code lists a
# migration loaded are put back by the autouse ``code_lists`` fixture, as after
# any transactional test: a serialized rollback here collided with the content
# types another transactional test's flush had made again.)
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_builds_the_return(client_for, performance, year_2025, settings):
    settings.TASKS = DATABASE
    client = client_for(performance)
    assert "is being built" in text_of(client.get(PAGE, {"year": "2025"}))
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO())
    assert ReturnBuild.objects.get(year=2025).state == BuildState.READY
    text = text_of(client.get(PAGE, {"year": "2025"}))
    assert "SG1f: Number of concerns and enquiries" in text
    assert client.get("/assurance/return/2025.xlsx").status_code == 200


def test_a_stored_return_this_service_did_not_seal_is_built_again(
    client_for, performance, year_2025, settings
):
    """A ready, current build whose stored return fails its seal (written into
    the database by something other than this service, or by a version of the
    code that did not seal) is not left "ready" forever: it is built again."""
    import pickle

    settings.TASKS = QUEUED
    client = client_for(performance)
    client.get(PAGE, {"year": "2025"})
    build_return_task.call(2025)
    ReturnBuild.objects.filter(year=2025).update(result=pickle.dumps({"not": "sealed"}))

    text = text_of(client.get(PAGE, {"year": "2025"}))
    assert "is being built" in text and "SG1f" not in text
    build = ReturnBuild.objects.get(year=2025)
    assert build.state == BuildState.WAITING and build.result is None
    assert client.get("/assurance/return/2025.csv").status_code == 302
    build_return_task.call(2025)
    assert "SG1f" in text_of(client.get(PAGE, {"year": "2025"}))

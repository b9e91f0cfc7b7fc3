import pytest
from django.test import Client

from msp.accounts.models import Role
from tests import factories
from tests.pages import CheckedClient

pytest_plugins = ["tests.browser_fixtures"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Argon2 is the real hasher (tested in tests/accounts); MD5 keeps the suite quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks (the statutory return) run at once, inside the request.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def practitioner(db):
    return factories.user(Role.PRACTITIONER, username="pat", first_name="Pat", last_name="Okafor")


@pytest.fixture
def colleague(db):
    """Another practitioner in the same team as ``practitioner``."""
    return factories.user(Role.PRACTITIONER, username="col", first_name="Cal", last_name="Reyes")


@pytest.fixture
def manager(db):
    return factories.user(Role.TEAM_MANAGER, username="mo", first_name="Mo", last_name="Hughes")


@pytest.fixture
def other_manager(db):
    """A team manager of another team: may read every case, change only their team's."""
    return factories.user(Role.TEAM_MANAGER, team_name="South locality team", username="sam")


@pytest.fixture
def lead(db):
    return factories.user(Role.SAFEGUARDING_LEAD, team_name=None, username="lee")


@pytest.fixture
def board_member(db):
    return factories.user(Role.BOARD_MEMBER, team_name=None, username="bea")


@pytest.fixture
def auditor(db):
    return factories.user(Role.AUDITOR, team_name=None, username="aud")


@pytest.fixture
def administrator(db):
    return factories.user(Role.ADMINISTRATOR, team_name=None, username="adm")


@pytest.fixture
def outsider(db):
    """A practitioner in another team."""
    return factories.user(Role.PRACTITIONER, team_name="South locality team", username="out")


@pytest.fixture
def client_for():
    """client_for(user) -> a signed-in test client that checks every page it fetches."""

    def make(user):
        c = CheckedClient()
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture
def anonymous_client():
    return Client()


@pytest.fixture
def practitioners_decide(db):
    """A council whose practitioners record the section 42 decision and take the
    unallocated cases whose enquiry they start (for tests about something else)."""
    from msp.cases.models import CouncilPolicy, DecisionMakers

    CouncilPolicy(
        decision_makers=DecisionMakers.ANY_CASEWORKER, starter_takes_unallocated=True
    ).save()


@pytest.fixture(autouse=True)
def _no_kept_pages():
    """Rendered overviews are kept per record version; a test's database starts
    again, so its ids and versions can repeat: start each test with none kept."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()

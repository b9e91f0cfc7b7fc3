"""manage.py generate_synthetic: what it says, and when it refuses."""

import io

import pytest
from django.core.management import CommandError, call_command

from msp.accounts.models import Role, Team, User
from msp.assurance.synthetic import SYNTHETIC_USERNAME
from msp.cases.models import Case
from msp.concerns.models import Concern
from msp.people.models import Person
from tests import factories


def run(*args):
    out = io.StringIO()
    call_command("generate_synthetic", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_command_creates_the_concerns_and_says_what_it_made(db):
    output = run("--concerns", "150", "--seed", "2")
    assert Concern.objects.count() == 150
    assert "Created 150 synthetic concerns about" in output
    assert f"about {Person.objects.count()} people" in output
    assert "No audit events were written." in output


def test_the_cases_belong_to_the_team_named(db):
    run("--concerns", "40", "--team", "Load test team")
    team = Team.objects.get(name="Load test team")
    assert Case.objects.filter(team=team).count() == 40
    assert Person.objects.filter(team=team).count() == Person.objects.count()


def test_the_years_chosen_hold_every_concern(db):
    run("--concerns", "60", "--start-year", "2019", "--years", "1")
    raised = Concern.objects.values_list("raised_on", flat=True)
    assert min(raised).isoformat() >= "2019-04-01"
    assert max(raised).isoformat() <= "2020-03-31"


def test_it_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="Synthetic data is not allowed in production"):
        run("--concerns", "10")
    assert not Concern.objects.exists()
    assert not User.objects.filter(username=SYNTHETIC_USERNAME).exists()


def test_a_period_that_has_not_ended_is_refused(db):
    with pytest.raises(CommandError, match="The period must have ended"):
        run("--concerns", "10", "--start-year", "2099")
    assert not Concern.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--concerns", "0"), "The number of concerns must be 1 or more"),
        (("--concerns", "5", "--years", "0"), "The number of years must be 1 or more"),
    ],
)
def test_nonsense_sizes_are_refused(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_real_account_with_the_synthetic_username_stops_it(db):
    factories.user(Role.PRACTITIONER, username=SYNTHETIC_USERNAME)
    with pytest.raises(CommandError, match="already exists and is not the synthetic data"):
        run("--concerns", "10")
    assert not Concern.objects.exists()


def test_ordinary_work_carries_on_after_a_load(db, practitioner):
    """Ids were chosen up front; the next ordinary insert must not collide."""
    run("--concerns", "30")
    case = factories.case(practitioner, state="enquiry")
    assert case.pk > Case.objects.exclude(pk=case.pk).order_by("-pk").first().pk
    assert Case.objects.count() == 31

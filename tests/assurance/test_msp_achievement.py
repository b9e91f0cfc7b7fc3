"""SG4a's "outcomes achieved": worked out once, when a case closes, from the
ratings of the desired outcomes that existed then, and kept with the closure.
The return (SQL) and the outcome survey (msp.survey.derive) both read it, so
they cannot disagree; this holds the rule on every combination of ratings,
and the closure's answer against what happens to the case afterwards."""

import datetime
import itertools

import pytest
from django.utils import timezone

from msp.assurance.definitions import concluded_enquiries, with_achievement
from msp.assurance.period import Period
from msp.cases.models import Case
from msp.enquiries.actions.workflow import achieved_when_closed
from msp.enquiries.models import Closure, DesiredOutcome
from msp.survey.derive import closure_msp
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
RATINGS = ("fully", "partially", "not", "")


def test_the_rule_on_every_combination_of_ratings(practitioner):
    person = factories.person(practitioner)
    closed_at = timezone.now() - datetime.timedelta(days=1)
    kept = {}
    combinations = [c for n in range(4) for c in itertools.product(RATINGS, repeat=n)]
    for i, ratings in enumerate(combinations):
        case = Case.objects.create(
            reference=f"TEST-{i}", person=person, team=practitioner.team, enquiry_type="s42"
        )
        for rating in ratings:
            DesiredOutcome.objects.create(
                case=case,
                created_by=practitioner,
                created_at=closed_at - datetime.timedelta(days=30),
                achievement=rating,
            )
        # Recorded after the closure's moment (a later day): not counted for it.
        DesiredOutcome.objects.create(case=case, created_by=practitioner, achievement="not")
        closure = Closure.objects.create(
            case=case,
            closed_by=practitioner,
            closed_at=closed_at,
            reason="enquiry_concluded",
            msp_asked="asked_expressed",
            outcomes_achieved=achieved_when_closed(case, closed_at),
        )
        kept[ratings] = closure
        assert closure_msp(closure)[1] == (closure.outcomes_achieved or None), ratings
    by_ratings = {r: c.outcomes_achieved for r, c in kept.items()}
    assert by_ratings[("fully", "fully")] == "fully"
    assert by_ratings[("fully", "not")] == "partially"
    assert by_ratings[("not", "not", "")] == "not"
    assert by_ratings[("partially",)] == "partially"
    assert by_ratings[("", "")] == ""
    assert by_ratings[()] == ""


def test_a_closure_keeps_its_answer_when_the_case_is_reopened_and_rated_again(story):
    """Closed with the outcome fully achieved; reopened, and at the next
    closure the same outcome is rated not achieved. The first closure, counted
    in the earlier year, stays fully achieved (read from today's ratings it
    would have changed to not achieved, and last year's SG4a with it)."""
    s = story(raised_on=D(2025, 4, 10)).decide(D(2025, 4, 11)).start(D(2025, 4, 12))
    s.close(D(2025, 6, 1))
    first = s.closure
    assert first.outcomes_achieved == "fully"
    s.reopen(D(2025, 8, 20)).decide(D(2025, 9, 1)).start(D(2025, 9, 2), outcomes=0)
    s.close(D(2026, 5, 1), ratings=("not",))
    assert s.closure.outcomes_achieved == "not"

    def achieved(year):
        return {c.pk: c.achieved for c in with_achievement(concluded_enquiries(Period(year)))}

    assert achieved(2025) == {first.pk: "fully"}
    assert achieved(2026) == {s.closure.pk: "not"}
    assert Closure.objects.get(pk=first.pk).outcomes_achieved == "fully"


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_in_existing_closures(practitioner):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    case = factories.case(practitioner, state="closed")
    closure = Closure.objects.get(case=case)
    before = closure.closed_at - datetime.timedelta(days=2)
    for rating, at in (("fully", before), ("partially", before), ("not", timezone.now())):
        DesiredOutcome.objects.create(
            case=case, created_by=practitioner, created_at=at, achievement=rating
        )
    unrated = factories.case(practitioner, state="closed")
    DesiredOutcome.objects.filter(case=unrated).update(achievement="")
    executor = MigrationExecutor(connection)
    executor.migrate([("enquiries", "0009_outcome_said_at_concern")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    # The outcome recorded after the closure is left out: partially, not "not".
    assert Closure.objects.get(pk=closure.pk).outcomes_achieved == "partially"
    assert Closure.objects.get(case=unrated).outcomes_achieved == ""

"""SG4a's "outcomes achieved" is counted in SQL; the outcome survey derives the
same answer in Python (msp.survey.derive). The two must never disagree."""

import datetime
import itertools

import pytest
from django.utils import timezone

from msp.assurance.definitions import achievement
from msp.cases.models import Case
from msp.enquiries.models import Closure, DesiredOutcome
from msp.survey.derive import closure_msp
from tests import factories

pytestmark = pytest.mark.django_db

RATINGS = ("fully", "partially", "not", "")


def test_sql_and_survey_agree_on_every_combination_of_ratings(practitioner):
    person = factories.person(practitioner)
    closed_at = timezone.now() - datetime.timedelta(days=1)
    closures = []
    combinations = [c for n in range(4) for c in itertools.product(RATINGS, repeat=n)]
    for i, ratings in enumerate(combinations):
        case = Case.objects.create(
            reference=f"TEST-{i}", person=person, team=practitioner.team, enquiry_type="s42"
        )
        closures.append(
            Closure.objects.create(
                case=case,
                closed_by=practitioner,
                closed_at=closed_at,
                reason="enquiry_concluded",
                msp_asked="asked_expressed",
            )
        )
        for rating in ratings:
            DesiredOutcome.objects.create(
                case=case,
                created_by=practitioner,
                created_at=closed_at - datetime.timedelta(days=30),
                achievement=rating,
            )
        # An outcome added after the closure does not count for it.
        DesiredOutcome.objects.create(case=case, created_by=practitioner, achievement="not")

    in_sql = dict(Closure.objects.annotate(achieved=achievement()).values_list("pk", "achieved"))
    for closure, ratings in zip(closures, combinations, strict=True):
        expected = closure_msp(closure)[1] or ""
        assert in_sql[closure.pk] == expected, ratings
    # The rule itself, for a few cases worked by hand:
    by_ratings = {r: in_sql[c.pk] for c, r in zip(closures, combinations, strict=True)}
    assert by_ratings[("fully", "fully")] == "fully"
    assert by_ratings[("fully", "not")] == "partially"
    assert by_ratings[("not", "not", "")] == "not"
    assert by_ratings[("partially",)] == "partially"
    assert by_ratings[("", "")] == ""
    assert by_ratings[()] == ""

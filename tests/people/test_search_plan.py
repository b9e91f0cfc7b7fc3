"""Person search can use its indexes, with the practitioner's team restriction
in place: the trigram index for a name, the date of birth index for a date, the
postcode index for a postcode. On PostgreSQL the planner is told to avoid whole
table scans (the test data is too small for it to prefer an index on its own):
the plan must then read people through the index, which it could not do if the
restriction stood in the way."""

import datetime

import pytest
from django.db import connection, transaction

from msp.accounts.access import readable_people
from msp.people.models import Person, search_keys
from msp.people.search import _set_threshold, candidates, parse
from tests import factories


def _plan(query) -> str:
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row) for row in cursor.fetchall())


@pytest.fixture
def people(practitioner, outsider):
    for i in range(20):
        factories.person(practitioner, family_name=f"Hartley{i}")
        factories.person(outsider, family_name=f"Southgate{i}")
    if connection.vendor == "postgresql":
        # Enough other people, and fresh statistics, for the planner to know that
        # "not merged" matches nearly everyone and a name very few.
        others = []
        for i in range(4000):
            other = Person(
                given_name="Ada",
                family_name=f"Quillpocket{i % 97}x{i}",
                date_of_birth=datetime.date(1930, 1, 1) + datetime.timedelta(days=i),
                postcode=f"FN{i % 20} {i % 10}AB",
                team=(practitioner if i % 2 else outsider).team,
            )
            for field, value in search_keys(other).items():
                setattr(other, field, value)
            others.append(other)
        Person.objects.bulk_create(others)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE people_person")
            cursor.execute("ANALYZE cases_case")


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("Hartley", "person_search_name_trgm"),
        ("14/3/1944", "person_date_of_birth"),
        ("NM1 2AB", "person_postcode_key"),
    ],
)
def test_practitioner_search_uses_the_index(people, practitioner, text, index):
    if connection.vendor != "postgresql" and index.endswith("_trgm"):
        pytest.skip("SQLite has no trigram index: it bounds the candidates instead")
    query = parse(text)
    with transaction.atomic():
        _set_threshold()
        plan = _plan(candidates(readable_people(practitioner), query))
    assert index in plan, plan
    assert "Seq Scan on people_person" not in plan, plan


def test_practitioner_sees_only_their_teams_people(people, practitioner, outsider):
    found = list(candidates(readable_people(practitioner), parse("Southgate")))
    assert found == []
    found = list(candidates(readable_people(outsider), parse("Southgate")))
    assert len(found) == 20 and all(isinstance(p, Person) for p in found)

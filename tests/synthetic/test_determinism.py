"""The same seed gives the same data; a different seed different data."""

from collections import defaultdict

from msp.assurance.synthetic import generate
from msp.assurance.synthetic.rows import Builder, Ids, NhsNumbers, Period
from msp.concerns.models import Concern
from msp.people.models import Person


def build(seed: int, concerns: int = 300):
    """Rows made in memory, as the generator makes them, without a database."""
    builder = Builder(
        seed=seed,
        period=Period(2023, 3),
        ids=Ids(defaultdict(lambda: 1)),
        team_id=1,
        user_id=1,
        worker_name="Synthetic Worker",
        nhs_numbers=NhsNumbers(seed, set()),
    )
    remaining = concerns
    while remaining:
        count = min(builder.draw_concern_count(), remaining)
        builder.add_person(count)
        remaining -= count
    return builder


def test_the_same_seed_makes_the_same_rows():
    first, second = build(5), build(5)
    assert first.chunk == second.chunk
    assert first.summary.as_dict() == second.summary.as_dict()


def test_a_different_seed_makes_different_rows():
    first, second = build(5), build(6)
    assert first.chunk.concerns != second.chunk.concerns
    assert first.summary.as_dict() != second.summary.as_dict()
    assert first.summary.concerns == second.summary.concerns == 300


def content(model, fields, after_id):
    return list(model.objects.filter(pk__gt=after_id).order_by("pk").values_list(*fields))


def test_two_runs_with_one_seed_store_the_same_records(db):
    first = generate(concerns=200, seed=3)
    last_person = Person.objects.order_by("-pk").first().pk
    last_concern = Concern.objects.order_by("-pk").first().pk
    second = generate(concerns=200, seed=3)
    assert first.summary.as_dict() == second.summary.as_dict()
    people = ("given_name", "family_name", "date_of_birth", "gender", "ethnicity")
    concerns = ("raised_on", "received_at", "abuse_types", "location_of_risk", "sources_of_risk")
    assert content(Person, people, 0)[:10] == content(Person, people, last_person)[:10]
    assert content(Concern, concerns, 0)[:200] == content(Concern, concerns, last_concern)
    # The second run added to the first: same shape, new records and numbers.
    assert Concern.objects.count() == 400
    numbers = [n for n in Person.objects.values_list("nhs_number", flat=True) if n]
    assert len(numbers) == len(set(numbers))


def test_a_different_seed_stores_different_records(db):
    first = generate(concerns=200, seed=3)
    second = generate(concerns=200, seed=4)
    assert first.summary.as_dict() != second.summary.as_dict()

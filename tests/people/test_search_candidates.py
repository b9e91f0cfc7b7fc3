"""The database never leaves out a person Python would choose.

Python makes the final choice of a search (``msp.people.matching``); the database
only narrows the people to candidates, with trigram indexes on PostgreSQL and
three-letter pieces on SQLite. Whatever is typed (a name, part of one, a name
with a letter wrong, swapped, missing or extra, a word of an address), every
person Python's rule accepts must be among the candidates, on the engine the
test runs on."""

import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from msp.people.models import Person
from msp.people.search import _KEYS, _score, _set_threshold, candidates, parse, search
from tests import factories

NAMES = [
    ("Margaret", "Smith"),
    ("Mary", "Smyth"),
    ("John", "Smithson"),
    ("Zoë", "Boothroyd"),
    ("Anne-Marie", "O'Brien-Smith"),
    ("José", "Núñez"),
    ("Siobhan", "McCarthy"),
    ("Mohammed", "Hussain"),
    ("Peter", "Wainwright"),
    ("Jean", "Ashworth"),
    ("Kenneth", "Bottomley"),
    ("Priya", "Patel"),
    ("Gladys", "Lee"),
    ("Ronald", "Fox"),
    ("Elizabeth", "Featherstonehaugh"),
]
ADDRESSES = ["3 Acacia Avenue, Northmoor", "12 Mill Lane, Southfield", "Flat 2, 40 Smith Street"]


@pytest.fixture
def everyone(practitioner):
    for n, (given_name, family_name) in enumerate(NAMES):
        factories.person(
            practitioner,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=datetime.date(1940, 1, 1) + datetime.timedelta(days=n * 400),
            address=ADDRESSES[n % len(ADDRESSES)],
            postcode=f"NM{n % 9 + 1} 2AB",
        )
    return Person.objects.all()


def _mistyped(draw: st.DrawFn) -> str:
    """A word of a name or address as someone might type it."""
    words = [w for given, family in NAMES for w in f"{given} {family}".split()]
    words += [w for a in ADDRESSES for w in a.replace(",", "").split()]
    word = draw(st.sampled_from(words))
    i = draw(st.integers(0, max(0, len(word) - 1)))
    letter = draw(st.sampled_from("aeiouystnrlhm"))
    kind = draw(st.sampled_from(["as is", "swap", "change", "drop", "add", "part"]))
    if kind == "swap" and len(word) > i + 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "change":
        return word[:i] + letter + word[i + 1 :]
    if kind == "drop" and len(word) > 2:
        return word[:i] + word[i + 1 :]
    if kind == "add":
        return word[:i] + letter + word[i:]
    if kind == "part":
        j = draw(st.integers(i + 1, len(word)))
        return word[i:j]
    return word


typed = st.lists(st.composite(_mistyped)(), min_size=1, max_size=3).map(" ".join)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=typed)
def test_candidates_include_everyone_python_would_choose(everyone, text):
    query = parse(text)
    assume(not query.empty)
    _set_threshold()
    chosen = {
        pk
        for pk, _family, _given, name, address, postcode in everyone.values_list(*_KEYS)
        if _score(name, address, postcode, query) is not None
    }
    offered = set(candidates(everyone, query).values_list("pk", flat=True))
    assert chosen <= offered, text
    assert {p.pk for p in search(everyone, text).people} == chosen


def test_a_letter_wrong_in_a_long_name_still_finds_the_person(everyone):
    found = search(everyone, "Wainright").people
    assert [p.family_name for p in found] == ["Wainwright"]

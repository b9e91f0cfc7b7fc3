"""Finding a person by name, date of birth (full or year), NHS number, postcode or address.

The database narrows the people to a bounded set of candidates, using indexes:
exact matches for the NHS number, the date of birth (or the year's range) and the
postcode; for words, PostgreSQL's trigram indexes on the folded name and address
keys (``<%``: a near spelling, and ``LIKE``: part of a word). SQLite, which has no
such index, asks for any three-letter piece of each word instead. Python then makes
the final choice and the order with ``msp.people.matching``, the same on both engines,
reading only the search keys of the candidates (up to ``CANDIDATES``); the whole rows
are read, by key, for the people shown. No query counts every match: a search asks for
one more than it shows."""

import datetime
import re
from dataclasses import dataclass

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, Lookup, Q, QuerySet, TextField
from django.db.models.sql.compiler import SQLCompiler

from msp.accounts.access import readable_people
from msp.accounts.models import User
from msp.people.matching import fold, trigrams, word_score
from msp.people.models import Person
from msp.people.validators import normalise_nhs_number

_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SPACED_DATE = re.compile(r"^(\d{1,2}) (\d{1,2}) (\d{4})$")
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b")
_OUTWARD = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
_YEAR = re.compile(r"^(19|20)\d\d$")

MAX_RESULTS = 50
# The most candidates the database hands to Python for the final choice.
CANDIDATES = 1000
# PostgreSQL's word-likeness threshold for ``<%``: a little below matching.LIKENESS,
# so the database never leaves out a person Python would choose.
WORD_SIMILARITY_THRESHOLD = 0.4


class WordSimilar(Lookup[str]):
    """``key <% 'word'`` is wrong way round; this is ``'word' <% key``: the word is
    like some part of the key (pg_trgm's word_similarity), using a trigram index."""

    lookup_name = "word_similar"

    def as_sql(
        self, compiler: SQLCompiler, connection_: BaseDatabaseWrapper
    ) -> tuple[str, tuple[str | int, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection_)
        rhs, rhs_params = self.process_rhs(compiler, connection_)
        return f"{rhs} <%% {lhs}", (*rhs_params, *lhs_params)


CharField.register_lookup(WordSimilar)
TextField.register_lookup(WordSimilar)


@dataclass(frozen=True)
class Query:
    """What a search asks for, read from the text typed."""

    words: tuple[str, ...] = ()
    nhs_number: str = ""
    born: datetime.date | None = None
    year: int | None = None
    postcode: str = ""
    outward: str = ""

    @property
    def empty(self) -> bool:
        return self == Query()


@dataclass(frozen=True)
class Found:
    people: list[Person]
    more: bool  # more people matched than are shown: the user should refine the search


def _date(text: str) -> datetime.date | None:
    if m := _DATE.match(text) or _SPACED_DATE.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse(text: str) -> Query:
    text = " ".join(text.split())
    if not text:
        return Query()
    digits = normalise_nhs_number(text)
    if len(digits) == 10 and digits.isdigit():
        return Query(nhs_number=digits)
    if (born := _date(text)) is not None:
        return Query(born=born)
    upper = text.upper()
    postcode = ""
    if m := _POSTCODE.search(upper):
        postcode = m.group(1) + m.group(2)
        upper = upper[: m.start()] + " " + upper[m.end() :]
    words: list[str] = []
    year: int | None = None
    outward = ""
    for token in upper.split():
        if (born := _date(token)) is not None:
            return Query(born=born, words=tuple(fold(upper.replace(token, " ")).split()))
        if _YEAR.match(token) and year is None:
            year = int(token)
        elif _OUTWARD.match(token) and not postcode and not outward:
            outward = token
        else:
            words.extend(fold(token).split())
    return Query(words=tuple(words), year=year, postcode=postcode, outward=outward)


def _exact(people: QuerySet[Person], query: Query) -> QuerySet[Person]:
    if query.nhs_number:
        people = people.filter(nhs_number=query.nhs_number)
    if query.born is not None:
        people = people.filter(date_of_birth=query.born)
    if query.year is not None:
        people = people.filter(
            date_of_birth__gte=datetime.date(query.year, 1, 1),
            date_of_birth__lte=datetime.date(query.year, 12, 31),
        )
    if query.postcode:
        people = people.filter(postcode_key=query.postcode)
    if query.outward:
        # An outward code alone ("NM1") is the start of a postcode, or a word of the address.
        people = people.filter(
            Q(postcode_key__startswith=query.outward)
            | Q(search_address__contains=query.outward.lower())
        )
    return people


def _word_filter(word: str) -> Q:
    found = Q(search_name__contains=word) | Q(search_address__contains=word)
    if len(word) < 3 or not word.isalpha():
        return found
    if connection.vendor == "postgresql":
        return found | Q(search_name__word_similar=word)
    inner = {t for t in trigrams(word) if " " not in t}
    for piece in sorted(inner):
        found |= Q(search_name__contains=piece)
    return found


# What the final choice and order read of each candidate: the rest of a person's
# row is read only for the people chosen.
_KEYS = ("pk", "family_name", "given_name", "search_name", "search_address", "postcode_key")


def _score(search_name: str, search_address: str, postcode: str, query: Query) -> float | None:
    """How well a person's keys meet every word (None when some word is not met)."""
    name_words = search_name.split()
    address_words = search_address.split()
    total = 0.0
    for word in query.words:
        score = word_score(word, name_words)
        if score == 0 and any(word in a for a in address_words):
            score = 1.0
        if score == 0:
            return None
        total += score
    if query.outward and not (
        postcode.startswith(query.outward) or query.outward.lower() in address_words
    ):
        return None
    return total


def candidates(people: QuerySet[Person], query: Query) -> QuerySet[Person]:
    """The people the database offers for ``query``, at most ``CANDIDATES``."""
    people = _exact(people.filter(merged_into__isnull=True), query)
    for word in query.words:
        people = people.filter(_word_filter(word))
    return people.order_by()[:CANDIDATES]


def _set_threshold() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(WORD_SIMILARITY_THRESHOLD)],
            )


def search(people: QuerySet[Person], text: str, *, limit: int = MAX_RESULTS) -> Found:
    """People among ``people`` that match ``text``, best first, at most ``limit``."""
    return search_query(people, parse(text), limit=limit)


def search_query(people: QuerySet[Person], query: Query, *, limit: int = MAX_RESULTS) -> Found:
    """People among ``people`` that match ``query``, best first, at most ``limit``."""
    if query.empty:
        return Found([], more=False)
    if query.words:
        _set_threshold()
    scored = []
    offered = list(candidates(people, query).values_list(*_KEYS))
    for pk, family_name, given_name, search_name, search_address, postcode in offered:
        score = _score(search_name, search_address, postcode, query)
        if score is not None:
            scored.append((-score, family_name, given_name, pk))
    scored.sort()
    chosen = [row[3] for row in scored[:limit]]
    rows = Person.objects.in_bulk(chosen)
    return Found(
        [rows[pk] for pk in chosen if pk in rows],
        more=len(scored) > limit or len(offered) == CANDIDATES,
    )


def find_people(user: User, query: str, *, limit: int = MAX_RESULTS) -> Found:
    """People the user may see that match ``query``; none for an empty query."""
    return search(readable_people(user), query, limit=limit)

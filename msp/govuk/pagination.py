"""Lists shown a page at a time, with the GOV.UK pagination component.

No query counts every row: a page reads its own rows, and counts at most a few
pages ahead (``AHEAD``) to offer their links. The last page's number is shown
only when it is among those; otherwise the links end with an ellipsis and
"Next". ``page`` in the query string picks the page; anything that is not a
whole number from 1 is page 1.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

PER_PAGE = 50
# How many pages after the current one the links offer (and the count looks at).
AHEAD = 4
# Page links either side of the current page.
AROUND = 2


def page_number(request: HttpRequest, name: str = "page") -> int:
    value = request.GET.get(name, "1")
    return int(value) if value.isdigit() and 0 < int(value) < 1_000_000 else 1


def query_without_page(request: HttpRequest, name: str = "page") -> str:
    query = request.GET.copy()
    query.pop(name, None)
    return query.urlencode()


@dataclass(frozen=True)
class Page[T]:
    items: list[T]
    number: int
    per_page: int
    last_known: int  # the highest page number known to have rows (at least ``number``)
    more_beyond: bool  # pages exist after ``last_known``
    query: str = ""  # the request's query string without ``page``, for the links
    links: list[int | None] = field(default_factory=list)  # page numbers; None is "…"
    # Rows up to the end of the last known page: all of them unless ``more_beyond``.
    rows_seen: int = 0

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.last_known or self.more_beyond

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def several(self) -> bool:
        """Whether there is more than one page (show the links)."""
        return self.has_previous or self.has_next


def links(number: int, last_known: int, more_beyond: bool) -> list[int | None]:
    """Page 1, the pages around ``number``, the last page when known; None
    where pages are left out."""
    shown = sorted(
        {1, *range(max(1, number - AROUND), min(last_known, number + AROUND) + 1)}
        | ({last_known} if not more_beyond else set())
    )
    result: list[int | None] = []
    for n in shown:
        if result and result[-1] is not None and n > result[-1] + 1:
            result.append(None)
        result.append(n)
    if more_beyond:
        result.append(None)
    return result


def make_page[T](
    items: Sequence[T], number: int, *, per_page: int, rows_ahead: int, query: str = ""
) -> Page[T]:
    """A page from its rows and how many rows follow them (counted up to
    ``AHEAD`` pages and one row more)."""
    pages_ahead = -(-rows_ahead // per_page)  # rounded up
    more_beyond = rows_ahead > AHEAD * per_page
    last_known = number + min(pages_ahead, AHEAD)
    seen = (number - 1) * per_page + len(items) + min(rows_ahead, AHEAD * per_page)
    return Page(
        list(items),
        number,
        per_page,
        last_known,
        more_beyond,
        query=query,
        links=links(number, last_known, more_beyond),
        rows_seen=seen,
    )


def paginate(request: HttpRequest, rows: "QuerySet[Any]", *, per_page: int = PER_PAGE) -> Page[Any]:
    """The page of ``rows`` (an ordered queryset) that the request asks for:
    three queries, whatever the size of the list. A page past the end shows the
    last page, found by counting the rows (only then).

    The page's keys are found first, by a narrow query that reads only what
    the order and the filters need (an index, or a sort of keys), and only
    then its rows with everything they show: a wide query that sorts or
    skips every row before the page costs far more (My cases, which puts
    the allocated cases first, sorted 10,000 full rows joined to their
    people for each page)."""
    number = page_number(request)
    start = (number - 1) * per_page
    keys = rows.values("pk")  # ordering and counting need no annotation the page shows
    items = _rows_for(rows, keys, start, per_page)
    if not items and number > 1:
        total = keys.count()
        number = max(1, -(-total // per_page))
        start = (number - 1) * per_page
        items = _rows_for(rows, keys, start, per_page)
    end = start + len(items)
    # Counted even after a short page, so a list costs the same queries at any size.
    ahead = keys[end : end + AHEAD * per_page + 1].count()
    return make_page(
        items, number, per_page=per_page, rows_ahead=ahead, query=query_without_page(request)
    )


def _rows_for(rows: "QuerySet[Any]", keys: "QuerySet[Any]", start: int, count: int) -> list[Any]:
    """``rows[start:start + count]``, read as keys first, then the rows for them."""
    wanted = [row["pk"] for row in keys[start : start + count]]
    if not wanted:
        return []
    position = {pk: n for n, pk in enumerate(wanted)}
    return sorted(rows.filter(pk__in=wanted), key=lambda row: position[row.pk])

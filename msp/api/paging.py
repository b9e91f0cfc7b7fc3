"""Paging for the API's lists: ``limit`` (at most 100; more is refused with 422)
and ``offset``. No list counts every match: a page reads one row more than it
returns to say whether there is ``more``, and ``next`` is the link to the next
page when there is."""

from django.http import HttpRequest


def next_link(request: HttpRequest, *, offset: int, limit: int, more: bool) -> str | None:
    """The same request for the next page, or None on the last page."""
    if not more:
        return None
    query = request.GET.copy()
    query["offset"] = str(offset + limit)
    query["limit"] = str(limit)
    return f"{request.path}?{query.urlencode()}"

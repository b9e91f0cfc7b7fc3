"""A test client that checks every HTML page it fetches: cheap accessibility
checks that are always on (one h1, a title that starts with it, unique ids,
forms with an action, labels for every visible input)."""

from collections import Counter
from html.parser import HTMLParser
from typing import Any

from django.test import Client


class PageProblems(AssertionError):
    pass


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1s: list[str] = []
        self.title = ""
        self.ids: list[str] = []
        self.forms: list[dict[str, str | None]] = []
        self.inputs: list[dict[str, str | None]] = []
        self.labels_for: set[str] = set()
        self._in: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "form":
            self.forms.append(a)
        if tag in ("input", "select", "textarea"):
            self.inputs.append({**a, "_tag": tag})
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"] or "")
        if tag in ("h1", "title"):
            self._in.append(tag)
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if self._in and tag == self._in[-1]:
            self._in.pop()
            text = " ".join("".join(self._text).split())
            if tag == "h1":
                self.h1s.append(text)
            else:
                self.title = text

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def check_page(html: str) -> list[str]:
    page = _Page()
    page.feed(html)
    problems = []
    if len(page.h1s) != 1:
        problems.append(f"expected one h1, found {len(page.h1s)}: {page.h1s}")
    elif not page.title.removeprefix("Error: ").startswith(page.h1s[0]):
        problems.append(f"title {page.title!r} does not start with the h1 {page.h1s[0]!r}")
    if page.title.startswith("Error: ") and "govuk-error-summary" not in html:
        problems.append("title says Error: but the page has no error summary")
    if not page.title:
        problems.append("page has no title")
    duplicates = [i for i, n in Counter(page.ids).items() if n > 1]
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    for form in page.forms:
        if not form.get("action"):
            problems.append(f"form without an action: {form}")
    for field in page.inputs:
        if field.get("type") in ("hidden", "submit", "button") or field["_tag"] is None:
            continue
        if field.get("id") and field["id"] not in page.labels_for and not field.get("aria-label"):
            problems.append(f"input {field.get('name')!r} (id {field.get('id')!r}) has no label")
    return problems


# Pages a person sees: normal pages, conflicts shown on a form, and the error pages.
CHECKED_STATUSES = {200, 403, 404, 409}


class CheckedClient(Client):
    def request(self, **request: Any) -> Any:
        response = super().request(**request)
        content_type = response.get("Content-Type", "")
        if response.status_code in CHECKED_STATUSES and content_type.startswith("text/html"):
            problems = check_page(response.content.decode())
            if problems:
                raise PageProblems(f"{request.get('PATH_INFO')}: " + "; ".join(problems))
        return response

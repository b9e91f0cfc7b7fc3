"""A letter laid out as HTML, then a tagged PDF (WeasyPrint), as the case
summary is (msp/cases/summary.py).

Standard letters: 12pt, paragraphs. Easy Read letters: 18pt, one idea on each
line, with an empty space beside each line for a picture the worker may add by
hand or a later version may fill. No symbol set is used.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from msp.letters.models import Letter

EASY_HEADINGS = {
    "about_enquiry": "We want to help you be safe",
    "closure": "We have finished our work",
}


@dataclass(frozen=True)
class Layout:
    """The letter's words, split the way the template shows them."""

    paragraphs: list[list[str]]  # paragraphs, each a list of lines


def layout(text: str) -> Layout:
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return Layout(
        paragraphs=[[line.strip() for line in b.split("\n") if line.strip()] for b in blocks]
    )


def html(letter: Letter, *, send_to: str = "", on: date | None = None) -> str:
    context: dict[str, Any] = {
        "letter": letter,
        "layout": layout(letter.text),
        "send_to": [line for line in (send_to or letter.send_to).splitlines() if line.strip()]
        if (letter.send_by or "post") == "post"
        else [],
        "addressee": letter.addressee,
        "on": on or timezone.localdate(),
        "council": settings.COUNCIL_NAME,
        "council_address": settings.COUNCIL_ADDRESS,
        "council_phone": settings.COUNCIL_PHONE,
        "reference": letter.case.reference,
        "heading": EASY_HEADINGS.get(letter.kind, letter.title)
        if letter.easy_read
        else letter.title,
    }
    template = "letters/easy_read.html" if letter.easy_read else "letters/standard.html"
    return render_to_string(template, context)


def render(source: str) -> Any:
    """The laid-out document (weasyprint.Document), to count and inspect its
    pages. WeasyPrint is imported here: it loads Pango, which only this path needs."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    return HTML(string=source).render(pdf_variant="pdf/ua-1")


def pdf(source: str) -> bytes:
    content: bytes = render(source).write_pdf(pdf_variant="pdf/ua-1")
    return content

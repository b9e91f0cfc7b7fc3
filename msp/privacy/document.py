"""The subject access export as a document: HTML, then a tagged PDF."""

from django.conf import settings
from django.template.loader import render_to_string

from msp.privacy.sar import Export


def html(export: Export) -> str:
    return render_to_string(
        "privacy/subject_access_document.html",
        {"export": export, "council": settings.COUNCIL_NAME},
    )


def pdf(export: Export) -> bytes:
    """A PDF/UA (tagged, accessible) document. WeasyPrint is imported here:
    it loads Pango, which only this path needs."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    document: bytes = HTML(string=html(export)).write_pdf(pdf_variant="pdf/ua-1")
    return document

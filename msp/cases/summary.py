"""The case summary as a document: HTML, then a tagged PDF (WeasyPrint), as
the subject access export does (msp/privacy/document.py).

It holds what someone away from the screen needs: the person, where the case
is, what the person wants, the decision, the plan, risk, the practice guard's
open questions and, once closed, how it closed. Every page carries the
protective marking and the date printed; there is no navigation."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from msp.accounts.models import User
from msp.cases.models import Case
from msp.cases.page import CasePage, Rows, Section, case_page, section_page

MARKING = "OFFICIAL-SENSITIVE"
SECTIONS = ("risk", "plan")  # the records the summary carries, in this order


@dataclass
class Summary:
    case: Case
    page: CasePage
    sections: list[Section]
    decision_rows: Rows
    printed_at: datetime
    printed_by: str


def build(case: Case, user: User) -> Summary:
    page = case_page(case, user)
    parts = {slug: section_page(case, user, slug) for slug in ("concern", "contact", "plan")}
    by_id = {s.id: s for part in parts.values() for s in part.sections}
    return Summary(
        case=case,
        page=page,
        sections=[by_id[i] for i in SECTIONS if i in by_id],
        decision_rows=parts["concern"].decision_rows,
        printed_at=timezone.localtime(),
        printed_by=user.display_name,
    )


def html(summary: Summary) -> str:
    context: dict[str, Any] = {
        "summary": summary,
        "case": summary.case,
        "person": summary.case.person,
        "page": summary.page,
        "marking": MARKING,
        "council": settings.COUNCIL_NAME,
    }
    return render_to_string("cases/summary_document.html", context)


def document(source: str) -> Any:
    """The laid-out document (weasyprint.Document): its pages can be counted
    and inspected. WeasyPrint is imported here: it loads Pango, which only
    this path needs."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    return HTML(string=source).render(pdf_variant="pdf/ua-1")


def pdf(source: str) -> bytes:
    content: bytes = document(source).write_pdf(pdf_variant="pdf/ua-1")
    return content

"""The PDF case summary: what it says, that every page carries the marking and
the date printed, who may download it, and that each download is audited."""

from django.urls import reverse
from django.utils import timezone

from msp.audit.models import AuditEvent
from msp.cases import actions as restriction_actions
from msp.cases import summary
from msp.cases.views import SUMMARY_SHOWN_IN
from tests import record_factories as rf
from tests.web.conftest import text_of


def _text(source: str) -> str:
    class Response:
        content = source.encode()

    return text_of(Response())


def _margin_texts(page) -> dict[str, str]:
    boxes = {}
    for child in page._page_box.children:
        keyword = getattr(child, "at_keyword", None)
        if keyword:
            boxes[keyword] = " ".join(
                b.text for b in child.descendants() if getattr(b, "text", None)
            )
    return boxes


def test_the_summary_holds_what_someone_away_from_the_screen_needs(practitioner, case_in):
    case = case_in("enquiry")
    rf.plan(case, practitioner)
    rf.plan_action(case, practitioner)
    rf.risk_assessment(case, practitioner)
    source = summary.html(summary.build(case, practitioner))
    text = _text(source)
    assert f"Case {case.reference}: {case.person.full_name}" in text
    assert "An enquiry is under way with the person." in text
    assert "I want to feel safe in my own home" in text
    assert "Section 42 decision" in text and "Section 42 enquiry" in text
    assert "Wrote the plan with her at her kitchen table." in text
    assert "Set up a prepaid card for her shopping" in text
    assert "Her son may keep taking money from her." in text
    assert "Questions about this case" in text
    assert "How the person took part in the enquiry is not recorded." in text
    today = timezone.localdate()
    assert text.startswith(f"Case summary: {case.reference} OFFICIAL-SENSITIVE.")
    assert f"Printed {today:%-d %B %Y}" in text
    assert f"Printed {today:%-d %B %Y}" in source.split("</style>")[0]  # every page's foot
    # No navigation, buttons or forms: it is a document, not a page.
    for screen_only in ("Sign out", "govuk-service-navigation", "<form", "<a ", "<button"):
        assert screen_only not in source


def test_a_closed_case_summary_says_how_it_closed(practitioner, case_in):
    case = case_in("closed")
    text = _text(summary.html(summary.build(case, practitioner)))
    assert "How the case closed" in text
    assert "Questions about this case" not in text


def test_every_page_carries_the_marking_and_the_date_printed(practitioner, case_in):
    case = case_in("enquiry")
    for n in range(12):
        rf.plan_action(case, practitioner, description=f"Action {n}: " + "a long step " * 30)
    rf.plan(case, practitioner)
    document = summary.document(summary.html(summary.build(case, practitioner)))
    assert len(document.pages) >= 2
    today = f"{timezone.localdate():%-d %B %Y}"
    for number, page in enumerate(document.pages, start=1):
        margins = _margin_texts(page)
        assert margins["@top-left"] == "OFFICIAL-SENSITIVE"
        assert margins["@bottom-left"].startswith(f"OFFICIAL-SENSITIVE. Printed {today}")
        assert margins["@bottom-right"] == f"Page {number} of {len(document.pages)}"


def test_downloading_the_pdf_is_audited_as_a_read(client_for, practitioner, case_in):
    case = case_in("enquiry")
    before = AuditEvent.objects.filter(case_id=case.pk).count()
    response = client_for(practitioner).get(reverse("cases:summary-pdf", args=[case.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert f'filename="case-{case.reference}.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    events = AuditEvent.objects.filter(case_id=case.pk).order_by("id")[before:]
    assert [(e.action, e.user_id, e.changes) for e in events] == [
        ("view", practitioner.pk, {"shown_in": SUMMARY_SHOWN_IN})
    ]


def test_the_case_page_links_to_the_summary(client_for, practitioner, case_in):
    case = case_in("enquiry")
    page = client_for(practitioner).get(reverse("cases:detail", args=[case.pk]))
    assert "Download a summary of this case (PDF)" in text_of(page)
    assert reverse("cases:summary-pdf", args=[case.pk]) in page.content.decode()


def test_only_people_who_may_open_the_case_get_its_summary(
    client_for, practitioner, colleague, outsider, lead, case_in
):
    case = case_in("enquiry")
    url = reverse("cases:summary-pdf", args=[case.pk])
    assert client_for(outsider).get(url).status_code == 404
    restriction_actions.restrict_case(
        case, by=lead, reason="The adult is a member of staff in this team", named=[practitioner]
    )
    refused = client_for(colleague).get(url)
    assert refused.status_code == 403
    assert not refused.content.startswith(b"%PDF")
    assert case.person.family_name not in refused.content.decode()
    assert AuditEvent.objects.filter(
        action="case.refused", user=colleague, object_id=str(case.pk)
    ).exists()
    assert client_for(practitioner).get(url).content.startswith(b"%PDF-")

"""Staff pages say things in plain words: no national return label and no raw
stored code on any case page, list or person page of the demo data."""

import html
import re

from django.db.models import TextChoices
from django.test import Client

from msp.accounts.models import User
from msp.cases.models import Case
from msp.concerns import codes as concern_codes
from msp.concerns.codes import LocationOfRisk, SourceOfRisk
from msp.enquiries import codes as enquiry_codes
from msp.enquiries.codes import Achievement, ActionResult
from msp.people import codes as people_codes
from msp.people.models import Person
from msp.words import PLAIN, national_labels, plain, plain_choices

CODE_MODULES = (concern_codes, enquiry_codes, people_codes)


def _code_lists() -> list[type[TextChoices]]:
    return [
        obj
        for module in CODE_MODULES
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, TextChoices) and obj is not TextChoices
    ]


def forbidden() -> set[str]:
    """National labels that have plain words instead (a one-word label such as
    "Other" is an ordinary word, so it is left out), and stored codes that are
    not words ("risk_action", "s42")."""
    labels = {label for label in national_labels() if " " in label or "-" in label}
    raw = {
        str(value)
        for codes in _code_lists()
        for value in codes.values
        if "_" in value or re.fullmatch(r"[a-z]+\d+", value)
    }
    return labels | raw


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def leaks(page: str) -> set[str]:
    text = visible_text(page)
    return {w for w in forbidden() if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)}


def test_the_forbidden_list_covers_the_examples_in_the_issue():
    words = forbidden()
    assert {"Other - Known to individual", "Fully Achieved", "s42", "risk_action"} <= words
    assert "Other" not in words


def test_every_national_label_has_plain_words_that_differ_only_where_needed():
    assert plain(SourceOfRisk, SourceOfRisk.KNOWN) == "Someone the person knows"
    assert plain(Achievement, Achievement.FULLY) == "Fully achieved"
    assert plain(ActionResult, "") == ""
    assert plain(ActionResult, "gone") == "gone"  # an unknown code stays visible
    for codes, words in PLAIN.items():
        assert set(words) == set(codes.values), codes.__name__
        assert [v for v, _ in plain_choices(codes)] == list(codes.values)


def test_the_return_keeps_the_national_labels():
    assert LocationOfRisk.CARE_HOME_NURSING.label == "Care Home - Nursing"
    assert SourceOfRisk.KNOWN.label == "Other - Known to individual"


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_demo_pages_show_no_national_label_or_raw_code(loaded):
    found: dict[str, set[str]] = {}
    lead = User.objects.get(username="lead")
    manager = User.objects.get(username="manager")
    practitioner = User.objects.get(username="practitioner")
    pages = 0
    for user, urls in (
        (lead, ["/cases/team/", "/cases/queues/"]),
        (manager, ["/cases/queues/", "/cases/team/"]),
        (practitioner, ["/cases/mine/"]),
    ):
        client = Client()
        client.force_login(user)
        for url in urls:
            if bad := leaks(_get(client, url)):
                found[url] = bad
            pages += 1
    client = Client()
    client.force_login(lead)
    for case in Case.objects.order_by("pk"):
        url = f"/cases/{case.pk}/"
        response = client.get(url)
        assert response.status_code in (200, 403), url  # 403: restricted, not named
        if bad := leaks(response.content.decode()):
            found[url] = bad
        pages += 1
    for person in Person.objects.order_by("pk"):
        response = client.get(f"/people/{person.pk}/")
        if response.status_code == 200 and (bad := leaks(response.content.decode())):
            found[f"/people/{person.pk}/"] = bad
        pages += 1
    assert pages > 60
    assert found == {}

"""Filling in the public report form through the test client, page by page."""

from typing import Any

from django.urls import reverse

ANSWERS: dict[str, dict[str, Any]] = {
    "who": {"referrer_kind": "public"},
    "organisation": {
        "referrer_organisation": "Northmoor Community Nursing",
        "referrer_role": "District nurse",
    },
    "identity": {"identity": "anonymous"},
    "adult": {
        "adult_name": "Edith Blackwood",
        "adult_age": "about 85",
        "adult_address": "4 Orchard Row, Northmoor NM1 4QT",
    },
    "what-happened": {"what_happened": "Her nephew shouts at her and takes her pension."},
    "where": {"where": "At her home"},
    "adult-knows": {"adult_knows": "no"},
    "adult-wants": {"adult_wants": ""},
    "contact": {
        "referrer_name": "Rosa Lind",
        "referrer_email": "rosa@example.org",
        "referrer_phone": "",
    },
}


def fill_report(client: Any, **changes: dict[str, Any]) -> Any:
    """Answer every question that applies (following the redirects), then
    land on check your answers. ``changes`` replaces the answers of a step."""
    answers = {**ANSWERS, **changes}
    response = client.get(reverse("frontdoor:start"))
    url = reverse("frontdoor:step", args=["who"])
    for _ in range(len(answers) + 1):
        if url == reverse("frontdoor:check"):
            return client.get(url)
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        response = client.post(url, answers[slug])
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
        url = response["Location"]
    raise AssertionError("never reached check your answers")


def send_report(client: Any, **changes: dict[str, Any]) -> tuple[str, str]:
    """Fill in and send a report: its reference and secret, as shown."""
    fill_report(client, **changes)
    response = client.post(reverse("frontdoor:check"), {"website": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    done = client.get(response["Location"])
    html = done.content.decode()
    reference = html.split('id="reference">')[1].split("<")[0]
    secret = html.split('id="secret">')[1].split("<")[0]
    return reference, secret

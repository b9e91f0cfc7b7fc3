"""Browser test fixtures, loaded for the whole suite from tests/conftest.py so
that one Chromium per test process serves every folder's browser tests: a real
Chromium (Debian's, never a downloaded build) driven by Playwright, against the
live test server, with axe-core run on every page."""

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Live-server tests run Django in a thread; Playwright's sync API needs this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _chromium() -> str | None:
    return (
        os.environ.get("MSP_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():
    path = _chromium()
    if not path:
        message = "Chromium not found: install Debian's chromium package or set MSP_CHROMIUM"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class AxeViolations(AssertionError):
    pass


def _without_known_exceptions(violation: dict[str, Any]) -> dict[str, Any]:
    """GOV.UK Frontend's own script puts aria-expanded on radios and checkboxes
    that reveal a follow-up question. axe flags it; the design system keeps it
    on purpose because screen readers announce the reveal (govuk-frontend issue
    979). That one attribute on those inputs is the only exception."""
    if violation["id"] != "aria-allowed-attr":
        return violation
    nodes = [
        n
        for n in violation["nodes"]
        if not (
            re.search(r'class="govuk-(radios|checkboxes)__input"', n["html"])
            and "aria-expanded" in n["html"]
            and "aria-controls" in n["html"]
        )
    ]
    return {**violation, "nodes": nodes}


_AXE_SOURCE: list[str] = []


def _axe_source() -> str:
    if not _AXE_SOURCE:
        _AXE_SOURCE.append(AXE.read_text())
    return _AXE_SOURCE[0]


def check_accessibility(page) -> None:
    """Run axe-core on the current page; fail on any WCAG 2.2 A/AA violation."""
    # evaluate() runs through the DevTools protocol, so the page's strict
    # Content Security Policy stays on while axe is loaded. A click that
    # submits a form may still be navigating when this is called: wait for
    # the new document, and try again if it was replaced under axe's feet.
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            page.evaluate(_axe_source())
            result = page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                AXE_TAGS,
            )
            break
        except PlaywrightError as error:
            navigating = "documentElement" in str(error) or "context was destroyed" in str(error)
            if attempt == 2 or not navigating:
                raise
    violations = [v for v in map(_without_known_exceptions, result["violations"]) if v["nodes"]]
    if violations:
        summary = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in violations
        ]
        raise AxeViolations(f"{page.url}: " + json.dumps(summary, indent=2))


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    visited: list[str] = []

    def on_load(p=page):
        visited.append(p.url)

    page.on("load", lambda _: on_load())
    page.visited = visited
    # Anything the browser complains about (a blocked script or style, a
    # missing file) is a bug the user would suffer from.
    console_errors: list[str] = []
    page.on(
        "console",
        lambda message: console_errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.expected_console_errors = []  # a test may expect some, e.g. a 409
    yield page
    context.close()
    unexpected = [
        e for e in console_errors if not any(x in e for x in page.expected_console_errors)
    ]
    assert unexpected == [], unexpected

"""The browser suite: Playwright drives Debian's Chromium against the live site on the real services.

`make test` and `make test-browser` install Chromium and axe-core first (scripts/browser-deps).
On failure, a screenshot and the page's HTML are saved under test-artifacts/browser/.
"""

import json
import os
import re
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the main thread; the tests still create
# their data with the ORM in that thread, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "browser"
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("LODESTAR_CHROMIUM", "/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run scripts/browser-deps (make test does).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # Quiet, offline Chromium: these machines reach no network but the package registries.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url, "viewport": {"width": 1280, "height": 900}}


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(page, request):
    """Playwright's page, saving a screenshot and the HTML of every open page when the test fails.

    Journeys with several people open a browser context per person (tests/browser/helpers.py):
    every page of every context is saved, named by context and page, and the contexts are closed.
    """
    yield page
    browser = page.context.browser
    extra_contexts = [context for context in browser.contexts if context is not page.context]
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        folder.mkdir(parents=True, exist_ok=True)
        saved = []
        for c, context in enumerate([page.context, *extra_contexts]):
            for n, open_page in enumerate(context.pages):
                name = f"context{c}-page{n}"
                try:
                    open_page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
                    (folder / f"{name}.html").write_text(open_page.content())
                    (folder / f"{name}.url.txt").write_text(open_page.url)
                    saved.append(f"{folder / name}.png")
                    saved.append(f"{folder / name}.html")
                except Exception as error:  # noqa: BLE001 - a closed page must not hide the real failure
                    (folder / f"{name}.error.txt").write_text(str(error))
        listing = "".join(f"\n  {path}" for path in saved)
        print(f"\nbrowser artifacts for {request.node.nodeid}: {folder}{listing}")  # noqa: T201
    for context in extra_contexts:
        context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page (WCAG 2.1 A and AA rules); return violations of the given impacts."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run scripts/browser-deps (make test does).")
    # evaluate() is not subject to the page's Content-Security-Policy, unlike an injected <script>.
    page.evaluate(AXE.read_text())
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in results["violations"]
        if v["impact"] in impacts
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert violations == [], f"axe found serious or critical violations on {page.url}:\n" + json.dumps(
            violations, indent=2
        )

    return check


@pytest.fixture
def assert_fits_small_screen():
    """The page is usable at 375 px: nothing makes the page scroll sideways."""

    def check(page):
        page.set_viewport_size({"width": 375, "height": 800})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px wide"
        page.set_viewport_size({"width": 1280, "height": 900})

    return check

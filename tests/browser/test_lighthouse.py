"""Lighthouse at mobile settings on the key pages, as a visitor on the demo content: performance,
accessibility, best practices and SEO each score at least 0.95.

Lighthouse (npm, tests/browser/package-lock.json) runs in Node with Debian's Chromium against the
live test server on the real services, with its defaults: a phone's screen and simulated slow 4G
and CPU. tests/browser/lighthouse_audit.mjs audits the pages one after the other in one browser;
a page under the minimum is audited twice more and Lighthouse's median run of the three counts.
"""

import json
import os
import shutil
import subprocess
import urllib.request

import pytest
from django.urls import reverse

from forum.models import Topic
from lodestar.members.models import Organisation
from tests.browser.conftest import CHROMIUM, REPO
from tests.browser.helpers import richest

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AUDIT_SCRIPT = REPO / "tests" / "browser" / "lighthouse_audit.mjs"
LIGHTHOUSE = REPO / "tests" / "browser" / "node_modules" / "lighthouse"
MINIMUM = 0.95


def key_pages() -> dict[str, str]:
    """The pages of issue 14, on the demo content (the richest of each kind)."""
    from cases.models import CaseStudyPage, ToolPage

    topic = (
        Topic.objects.filter(status="published", category__visibility="public")
        .order_by("-reply_count", "pk")
        .first()
    )
    organisation = Organisation.objects.order_by("name").first()
    return {
        "home": "/",
        "library": "/library/",
        "case study": richest(CaseStudyPage.objects, "milestones", "documents", "related_tools").url,
        "tool": richest(ToolPage.objects, "used_in_case_studies").url,
        "glossary": reverse("cases:glossary"),
        "forum": reverse("forum:index"),
        "topic": topic.get_absolute_url(),
        "search results": reverse("search:search") + "?q=energy",
        "members": reverse("members:directory"),
        "organisation": reverse("members:organisation_detail", args=[organisation.slug]),
        "log-in": reverse("account_login"),
        "sign-up": reverse("account_signup"),
    }


def test_key_pages_score_at_least_95_in_every_lighthouse_category_on_a_phone(demo_content, live_server):
    node = shutil.which("node")
    if node is None or not LIGHTHOUSE.exists():
        pytest.fail("Node.js or Lighthouse is missing: run scripts/browser-deps (make test does).")
    pages = key_pages()
    urls = [live_server.url + path for path in pages.values()]
    for url in urls:  # as a running site is: templates compiled, connections open
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our test server
            assert response.status == 200, url

    run = subprocess.run(  # noqa: S603 - our own script, on our own test server's addresses
        [node, str(AUDIT_SCRIPT), *urls],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "CHROME_PATH": CHROMIUM, "LIGHTHOUSE_MINIMUM": str(MINIMUM)},
        check=False,
    )
    assert run.returncode == 0, f"Lighthouse failed:\n{run.stderr[-3000:]}"
    reports = dict(zip(pages, json.loads(run.stdout), strict=True))

    print("\nLighthouse, mobile (performance / accessibility / best practices / SEO):")  # noqa: T201
    for name, report in reports.items():
        scores = " / ".join("n/a" if s is None else f"{round(s * 100)}" for s in report["scores"].values())
        runs = f" (median of {report['runs']} runs)" if report["runs"] > 1 else ""
        print(f"  {name} ({pages[name]}): {scores}{runs}")  # noqa: T201

    failures = {}
    for name, report in reports.items():
        low = {c: s for c, s in report["scores"].items() if s is None or s < MINIMUM}
        if low or report["runtimeError"]:
            failures[f"{name} ({pages[name]})"] = {
                "runtime error": report["runtimeError"],
                "audits that could not run": report["errors"],
                **{
                    category: {"score": score, "failing audits": report["failing"][category]}
                    for category, score in low.items()
                },
            }
    assert not failures, f"Categories below {MINIMUM}:\n" + json.dumps(failures, indent=2)

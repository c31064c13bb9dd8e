"""The key pages of the site on the demo content, rendered through the real views, database and
search index, for the markup checks (the W3C Nu HTML checker, the head's meta tags)."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db.models import Count

from cases.models import CaseStudyPage, ToolPage
from forum.models import Topic
from lodestar.members.models import Organisation
from tests.browser.helpers import richest

REPO = Path(__file__).resolve().parents[2]
VNU = REPO / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def key_pages() -> dict[str, str]:
    """The pages issue 14 names, by name, on the demo content."""
    case_study = richest(CaseStudyPage.objects, "milestones", "documents", "related_tools")
    tool = richest(ToolPage.objects, "used_in_case_studies")
    topic = (
        Topic.objects.filter(status="published", category__visibility="public")
        .order_by("-reply_count", "pk")
        .first()
    )
    organisation = Organisation.objects.annotate(n=Count("profiles")).order_by("-n", "pk").first()
    return {
        "home": "/",
        "library": "/library/",
        "case study": case_study.url,
        "tool": tool.url,
        "glossary": "/glossary/",
        "forum": "/forum/",
        "topic": topic.get_absolute_url(),
        "search results": "/search/?q=energy",
        "members": "/members/",
        "organisation": f"/members/organisations/{organisation.slug}/",
        "log-in": "/accounts/login/",
        "sign-up": "/accounts/signup/",
    }


@dataclass
class NuMessage:
    type: str
    message: str
    line: int | None
    extract: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}\n      {self.extract.strip()!r}"


def nu_check(documents: dict[str, str], folder: Path) -> dict[str, list[NuMessage]]:
    """Every message of the Nu HTML checker for each document (name -> HTML), in one run of vnu.jar."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("Java or vnu.jar is missing: run scripts/browser-deps (make test does).")
    files = {}
    for n, (name, markup) in enumerate(documents.items()):
        path = folder / f"page-{n:02d}.html"
        path.write_text(markup, encoding="utf-8")
        files[path.resolve().as_uri()] = name
    run = subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        [
            java,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--exit-zero-always",
            *[str(p) for p in sorted(folder.glob("page-*.html"))],
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads(run.stderr)
    found: dict[str, list[NuMessage]] = {name: [] for name in documents}
    for message in report["messages"]:
        url = message.get("url", "")
        name = files.get(url) or files.get(url.replace("file:/", "file:///", 1))
        if name is None:
            pytest.fail(f"The Nu checker reported on something it was not given: {message}")
        found[name].append(
            NuMessage(
                type=message["type"] if message.get("subType") != "warning" else "warning",
                message=message.get("message", ""),
                line=message.get("lastLine"),
                extract=message.get("extract", ""),
            )
        )
    return found

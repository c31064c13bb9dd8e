"""The library and forum pages people use most, on the demo content, in English and under /fr/ and
/es/: axe-core finds no serious or critical WCAG 2.1 A/AA violation, and each page is usable at
375 px wide."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from cases.models import CaseStudyPage, ToolPage
from forum.models import Topic
from lodestar.members.demo import demo_email
from lodestar.members.models import User
from saved_searches.models import SavedSearch
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, richest


def english_path(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_library_and_forum_pages_are_accessible_and_fit_a_phone(page, demo_content, assert_fits_small_screen):
    # The demo content has what real pages have: images, charts, attachments, discussions, flags.
    case_study = richest(CaseStudyPage.objects, "milestones", "documents", "related_tools")
    tool = richest(ToolPage.objects, "used_in_case_studies")
    topic = (
        Topic.objects.filter(status="published", category__visibility="public")
        .order_by("-reply_count", "pk")
        .first()
    )
    translation.deactivate()  # English addresses to build on, whichever test ran before in this thread
    pages = {
        "library index": "/library/",
        "case study": case_study.url,
        "tool": tool.url,
        "forum topic": topic.get_absolute_url(),
        "forum moderation queue": "/forum/moderation/",
        "saved searches": "/saved-searches/",
        # The same interface in French and Spanish: longer words, other punctuation, lang attributes.
        "home (fr)": "/fr/",
        "library index (fr)": "/fr/library/",
        "case study (fr)": f"/fr{case_study.url}",
        "tool (es)": f"/es{tool.url}",
        "pathways (es)": f"/es{english_path('cases:pathways')}",
        "glossary (fr)": f"/fr{english_path('cases:glossary')}",
        "forum topic (es)": f"/es{topic.get_absolute_url()}",
    }
    moderator = User.objects.get(email=demo_email("moderator"))
    SavedSearch.objects.create(
        owner=moderator, name="Transport cases", query="transport", filters={"content_type": ["case_study"]}
    )

    log_in(page, demo_email("moderator"), "lodestar-demo")  # sees every control a page can show
    results = {}
    for name, url in pages.items():
        response = page.goto(url)
        assert response.ok, f"{name} ({url}) answered {response.status}"
        results[name] = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
        assert_fits_small_screen(page)

    print("\naxe-core, WCAG 2.1 A/AA, violations per page:")  # noqa: T201 - the per-page figures
    for name, violations in results.items():
        counts = {v["id"]: v["impact"] for v in violations}
        print(f"  {name} ({pages[name]}): {counts or 'none'}")  # noqa: T201
    serious = {
        name: [v for v in violations if v["impact"] in ("serious", "critical")]
        for name, violations in results.items()
    }
    assert all(not found for found in serious.values()), json.dumps(serious, indent=2)

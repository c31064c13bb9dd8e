import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cases.demo_content.case_studies import FICTIONAL, REAL
from cases.figures import Figures, figures_errors
from cases.models import CaseStudyPage, FeaturedCase, FeaturedList, ToolPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage

pytestmark = pytest.mark.django_db

DEMO_SLUGS = [spec["slug"] for spec in REAL + FICTIONAL]


def snapshot():
    return (
        CaseStudyPage.objects.count(),
        ToolPage.objects.count(),
        FeaturedList.objects.count(),
        FeaturedCase.objects.count(),
    )


def test_load_demo_builds_a_covering_library_once(demo_content):
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())  # as every `make run` after the first does

    assert snapshot() == first
    # The English originals (their French and Spanish aliases and translations are checked in
    # tests/translation).
    published = CaseStudyPage.objects.live().filter(locale__language_code="en", alias_of__isnull=True)
    assert published.count() >= 30
    assert ToolPage.objects.live().filter(locale__language_code="en").count() >= 20
    assert FeaturedList.objects.count() == 1 and FeaturedCase.objects.count() >= 3
    assert set(Sector.objects.values_list("pk", flat=True)) <= set(
        published.values_list("sectors", flat=True)
    )
    assert set(ActorType.objects.values_list("pk", flat=True)) <= set(
        published.values_list("actor_type", flat=True)
    )
    assert set(StrategyStage.objects.values_list("pk", flat=True)) <= set(
        published.values_list("strategy_stage", flat=True)
    )
    # Every page says once, at the top, what is real and what is illustrative or fictional.
    for page in published:
        assert page.content_note, f"{page.title!r} has no demo notice"
        assert "(illustrative)" not in page.title + page.summary, page.title
        assert "{" not in page.title + page.summary, f"unfilled placeholder in {page.title!r}"
    # Each case study has its own texts: no section text is shared between two case studies.
    seen = {}
    for page in published.filter(slug__in=DEMO_SLUGS):
        sections = [block for block in page.body if block.block_type not in ("figure", "quote")]
        assert len(sections) >= 5, f"{page.title!r} has only {len(sections)} sections"
        for block in sections:
            text = str(block.value["text"])
            assert len(text) > 80, f"{page.title!r}: {block.block_type} is a stub"
            assert text not in seen, f"{page.title!r} repeats a section of {seen.get(text)!r}"
            seen[text] = page.title
        # Figures pass the same rules as the editor form, milestones included.
        assert not figures_errors(Figures.of_page(page)), page.title
    assert not ToolPage.objects.filter(link__contains="example.org").exists()
    # Tags fit the content (the sectors used to be assigned round-robin).
    assert published.get(slug="northhaven-heat-pumps").sectors.filter(slug="buildings").exists()
    assert published.get(slug="cordillera-bus-electrification").sectors.filter(slug="transport").exists()
    portugal = published.get(slug="portugal-rnc2050")
    assert (
        portugal.focus == "mitigation" and portugal.emissions_base_year == portugal.target_base_year == 2005
    )
    assert all(page.hero_image_id for page in published)
    assert (
        CaseStudyPage.objects.filter(live=False, slug="demo-draft-awaiting-review", alias_of__isnull=True)
        .get()
        .workflow_in_progress
    )


def test_load_demo_shows_its_steps_not_a_log_line_per_page(library, tool_index, caplog, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    caplog.set_level("INFO")
    out = io.StringIO()
    call_command("load_demo", stdout=out)

    assert "Loading cases.demo ..." in out.getvalue() and "Demo content is ready." in out.getvalue()
    assert CaseStudyPage.objects.exists()  # it created pages, and logged none of them
    assert [r.getMessage() for r in caplog.records if r.name.startswith("wagtail")] == []


def test_demo_pages_render(demo_content, client):
    case = CaseStudyPage.objects.live().filter(emissions_base_value__isnull=False).first()

    assert client.get("/").status_code == 200
    assert "Featured case studies" in client.get("/").content.decode()
    assert client.get("/library/").status_code == 200
    response = client.get(case.url)
    assert response.status_code == 200 and b"pathway__svg" in response.content
    html = response.content.decode()
    assert html.count('class="notice content-note"') == 1, "one visible notice per page"
    assert "(illustrative)" not in html, "the notice says it once, not after every sentence"


def test_scale_adds_synthetic_pages_in_bulk_with_a_valid_tree(demo_content, client):
    out = io.StringIO()
    call_command("load_demo", "--scale", "40", stdout=out)
    call_command("load_demo", "--scale", "40", stdout=io.StringIO())

    assert CaseStudyPage.objects.filter(slug__startswith="synthetic-case-").count() == 40
    assert ToolPage.objects.filter(slug__startswith="synthetic-tool-").count() == 40
    assert "Synthetic pages" in out.getvalue() and "100%" in out.getvalue()
    assert all(not problems for problems in Page.find_problems())
    synthetic = CaseStudyPage.objects.get(slug="synthetic-case-7")
    assert synthetic.url == "/library/synthetic-case-7/"
    assert synthetic.sectors.exists()
    assert client.get(synthetic.url).status_code == 200
    assert client.get("/tools/synthetic-tool-3/").status_code == 200

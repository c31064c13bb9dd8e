import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cases.models import CaseStudyPage, FeaturedCase, FeaturedList, ToolPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def snapshot():
    return (
        CaseStudyPage.objects.count(),
        ToolPage.objects.count(),
        FeaturedList.objects.count(),
        FeaturedCase.objects.count(),
    )


def test_load_demo_builds_a_covering_library_once(library, tool_index):
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())

    assert snapshot() == first
    published = CaseStudyPage.objects.live()
    assert published.count() >= 30
    assert ToolPage.objects.live().count() >= 20
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
    # Every page about an illustrative actor says so; real parties carry the demo-content note.
    for page in published:
        assert "(illustrative)" in page.title or "(illustrative)" in page.summary
        assert "{" not in page.title + page.summary, f"unfilled placeholder in {page.title!r}"
    assert all(page.hero_image_id for page in published)
    assert (
        CaseStudyPage.objects.filter(live=False, slug="demo-draft-awaiting-review").get().workflow_in_progress
    )


def test_demo_pages_render(client, library, tool_index):
    call_command("load_demo", stdout=io.StringIO())
    case = CaseStudyPage.objects.live().filter(emissions_base_value__isnull=False).first()

    assert client.get("/").status_code == 200
    assert "Featured case studies" in client.get("/").content.decode()
    assert client.get("/library/").status_code == 200
    response = client.get(case.url)
    assert response.status_code == 200 and b"pathway__svg" in response.content


def test_scale_adds_synthetic_pages_in_bulk_with_a_valid_tree(client, library, tool_index):
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

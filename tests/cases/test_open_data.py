import csv
import io

import pytest

from cases.views import EXPORT_COLUMNS
from lodestar.vocabularies.models import Sector

from .factories import CaseStudyPageFactory, ToolPageFactory, term

pytestmark = pytest.mark.django_db

DOCUMENTED_COLUMNS = [
    "id", "title", "url", "summary", "actor_type", "governance_level", "countries", "region", "city",
    "sectors", "focus", "strategy_stage", "policy_instruments", "co_benefits", "target_type", "target_year",
    "target_base_year", "target_percentage", "target_legal_status", "emissions_base_year",
    "emissions_base_value", "emissions_latest_year", "emissions_latest_value", "emissions_unit",
    "emissions_source", "figures_status", "strategy_document_url", "contributor_organisations", "languages",
    "licence", "last_reviewed", "first_published",
]  # fmt: skip


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def published_and_draft(library, tool_index):
    tool = ToolPageFactory(parent=tool_index, title="Public tool")
    ToolPageFactory(parent=tool_index, title="Draft tool", live=False)
    published = CaseStudyPageFactory(
        parent=library,
        title="=HYPERLINK(evil)",
        sectors=[term(Sector, "transport"), term(Sector, "waste")],
        countries=["PT", "NZ"],
        target_type="net-zero-ghg",
        target_year=2050,
        related_tools=[tool],
    )
    other = CaseStudyPageFactory(parent=library, title="Waste only", sectors=[term(Sector, "waste")])
    draft = CaseStudyPageFactory(parent=library, title="Draft case", live=False)
    return published, other, draft


def test_the_csv_names_every_column_and_holds_published_case_studies_only(client, published_and_draft):
    published, other, _ = published_and_draft

    rows = read_csv(client.get("/library/export/?sort=title"))

    assert [name for name, _ in EXPORT_COLUMNS] == DOCUMENTED_COLUMNS
    assert list(rows[0].keys()) == DOCUMENTED_COLUMNS
    assert [row["id"] for row in rows] == [str(published.pk), str(other.pk)]
    first = rows[0]
    assert first["title"] == "'=HYPERLINK(evil)"  # neutralised for spreadsheets
    assert first["sectors"] == "Transport; Waste"
    assert first["countries"] == "NZ; PT"
    assert first["target_type"] == "Net zero greenhouse gases" and first["target_year"] == "2050"
    assert first["url"].endswith(published.url)


def test_the_csv_follows_the_listing_filters(client, published_and_draft):
    rows = read_csv(client.get("/library/export/?sector=transport"))
    assert [row["title"] for row in rows] == ["'=HYPERLINK(evil)"]


def test_a_bad_filter_in_the_csv_link_answers_400_with_the_reason(client, published_and_draft):
    response = client.get("/library/export/?country=ZZ")
    assert response.status_code == 400
    assert "country" in response.content.decode()


def test_the_library_links_its_csv_with_the_current_filters(client, published_and_draft):
    html = client.get("/library/?sector=waste").content.decode()
    assert 'href="/library/export/?sector=waste"' in html


def test_the_api_lists_published_case_studies_with_their_metadata(client, published_and_draft):
    published, other, draft = published_and_draft

    response = client.get("/api/v2/pages/", {"type": "cases.CaseStudyPage", "fields": "*", "order": "title"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [published.pk, other.pk]
    first = items[0]
    assert [s["slug"] for s in first["sectors"]] == ["transport", "waste"]
    assert first["actor_type"] == {"slug": "city", "name": "City"}
    assert first["country_codes"] == ["NZ", "PT"]
    assert first["target_year"] == 2050
    assert [tool["title"] for tool in first["related_tools"]] == ["Public tool"]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_the_api_lists_published_tools_only(client, published_and_draft):
    response = client.get("/api/v2/pages/", {"type": "cases.ToolPage", "fields": "cost,tool_type,sectors"})

    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Public tool"]
    assert items[0]["cost"] == "free" and items[0]["tool_type"]["slug"] == "model"

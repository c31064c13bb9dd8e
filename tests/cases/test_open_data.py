import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.export import headers
from cases.models import CaseStudyMilestone
from lodestar.vocabularies.models import Sector

from .factories import CaseStudyPageFactory, ToolPageFactory, term

pytestmark = pytest.mark.django_db

DOCUMENTED_COLUMNS = [
    "id", "title", "url", "summary", "actor_type", "governance_level", "countries", "region", "city",
    "sectors", "focus", "strategy_stage", "policy_instruments", "co_benefits", "target_type", "target_year",
    "target_base_year", "target_percentage", "target_legal_status", "emissions_base_year",
    "emissions_base_value", "emissions_latest_year", "emissions_latest_value", "emissions_unit",
    "emissions_source", "figures_status", "tracker_status", "tracker_achieved_change_per_year",
    "tracker_required_change_per_year", "tracker_gap_per_year", "tracker_milestones",
    "strategy_document_url", "contributor_organisations", "languages",
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

    assert headers("case_study") == DOCUMENTED_COLUMNS
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


def tracked_case(library, n):
    case = CaseStudyPageFactory(
        parent=library,
        title=f"Tracked {n}",
        target_type="net-zero-ghg",
        target_year=2050,
        emissions_base_year=2010,
        emissions_base_value=Decimal("100"),
        emissions_latest_year=2020,
        emissions_latest_value=Decimal("80"),
    )
    case.milestones = [CaseStudyMilestone(year=2030, value=Decimal("70"), label="NDC")]
    case.save_revision().publish()
    return case


@pytest.fixture
def tracked(library):
    return [tracked_case(library, n) for n in range(3)]


def test_the_csv_carries_the_tracker_in_a_fixed_number_of_queries(client, library, tracked):
    read_csv(client.get("/library/export/"))  # warms the caches (site, content types) first
    with CaptureQueriesContext(connection) as three:
        rows = read_csv(client.get("/library/export/?sort=title"))
    for n in range(3, 9):
        tracked_case(library, n)
    with CaptureQueriesContext(connection) as nine:
        assert len(read_csv(client.get("/library/export/?sort=title"))) == 9

    assert (
        len(nine.captured_queries) == len(three.captured_queries) <= 16
    )  # 16: Wagtail also looks up the language's Locale
    assert [row["title"] for row in rows] == ["Tracked 0", "Tracked 1", "Tracked 2"]
    first = rows[0]
    assert first["tracker_status"] == "off-track"
    assert first["tracker_achieved_change_per_year"] == "2.0"
    assert first["tracker_required_change_per_year"] == "2.7"
    assert first["tracker_gap_per_year"] == "0.7"
    assert first["tracker_milestones"] == "2030: behind"


def test_the_api_carries_the_tracker(client, tracked):
    response = client.get(
        "/api/v2/pages/", {"type": "cases.CaseStudyPage", "fields": "tracker", "order": "title"}
    )

    tracker = response.json()["items"][0]["tracker"]
    assert tracker["status"] == "off-track" and tracker["verdict"] == "Off track by 0.7 points a year"
    assert tracker["reference_pathway"] == [{"year": 2010, "value": "100"}, {"year": 2050, "value": "0"}]
    assert tracker["milestones"] == [
        {"year": 2030, "value": "70", "reference_value": "50", "position": "behind"}
    ]

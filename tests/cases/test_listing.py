import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import LibraryIndexPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage, ToolType

from .factories import CaseStudyPageFactory, ToolPageFactory, term

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    results = soup.find(id="results-title").find_parent("section")
    return [h.get_text(strip=True) for h in results.select(".case-card__title, .tool-card__title")]


@pytest.fixture
def cases(library):
    return {
        "transport-pt": CaseStudyPageFactory(
            parent=library, title="Bus fleet", sectors=[term(Sector, "transport")], countries=["PT"]
        ),
        "buildings-cr": CaseStudyPageFactory(
            parent=library,
            title="Affordable retrofits",
            sectors=[term(Sector, "buildings")],
            countries=["CR"],
            actor_type=term(ActorType, "national-government"),
            strategy_stage=term(StrategyStage, "scoping"),
        ),
        "draft": CaseStudyPageFactory(
            parent=library, title="Unpublished draft", sectors=[term(Sector, "transport")], live=False
        ),
    }


def test_the_library_lists_published_case_studies_newest_first(client, cases):
    assert titles(client.get("/library/")) == ["Affordable retrofits", "Bus fleet"]


def test_sorting_by_title(client, cases):
    assert titles(client.get("/library/?sort=title")) == ["Affordable retrofits", "Bus fleet"]
    CaseStudyPageFactory(parent=cases["draft"].get_parent(), title="Zero-waste schools")
    assert titles(client.get("/library/?sort=title")) == [
        "Affordable retrofits",
        "Bus fleet",
        "Zero-waste schools",
    ]
    assert titles(client.get("/library/?sort=newest"))[0] == "Zero-waste schools"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=transport", ["Bus fleet"]),
        ("sector=buildings", ["Affordable retrofits"]),
        ("actor_type=national-government", ["Affordable retrofits"]),
        ("actor_type=city", ["Bus fleet"]),
        ("country=CR", ["Affordable retrofits"]),
        ("stage=scoping", ["Affordable retrofits"]),
        ("sector=transport&country=CR", []),
    ],
)
def test_filters_narrow_the_list_and_never_show_drafts(client, cases, query, expected):
    assert titles(client.get(f"/library/?{query}")) == expected


def test_an_unknown_filter_value_is_explained_and_the_full_list_shown(client, cases):
    response = client.get("/library/?sector=volcanoes")

    assert titles(response) == ["Affordable retrofits", "Bus fleet"]
    assert "Some filters were not understood" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "label", "opened"),
    [
        ("", "Filter case studies", False),
        ("sector=transport", "Filter case studies (1 active)", False),
        ("sector=transport&country=PT&sort=title", "Filter case studies (2 active)", False),
        ("sector=volcanoes", "Filter case studies", True),  # open, beside the explanation
    ],
)
def test_the_filters_sit_behind_a_button_above_the_cards_that_counts_those_on(
    client, cases, query, label, opened
):
    soup = BeautifulSoup(client.get(f"/library/?{query}").content, "html.parser")
    panel = soup.select_one("form.filters details.filter-panel")
    assert " ".join(panel.summary.get_text().split()) == label
    assert panel.has_attr("open") is opened
    assert panel.select_one("select[name=sector]") is not None
    cards = soup.select_one(".card-grid")
    assert panel.sourceline < cards.sourceline  # above the results


def test_the_country_filter_offers_the_countries_of_published_case_studies(client, cases):
    soup = BeautifulSoup(client.get("/library/").content, "html.parser")
    options = [option.get_text() for option in soup.select("select[name=country] option")]
    assert options == ["Any", "Costa Rica", "Portugal"]


def test_pagination_keeps_the_filters(client, library):
    for n in range(LibraryIndexPage.per_page + 2):
        CaseStudyPageFactory(
            parent=library, title=f"Transport case {n:02d}", sectors=[term(Sector, "transport")]
        )
    CaseStudyPageFactory(parent=library, title="Waste case", sectors=[term(Sector, "waste")])

    first = client.get("/library/?sector=transport&sort=title")
    second = client.get("/library/?sector=transport&sort=title&page=2")

    assert len(titles(first)) == LibraryIndexPage.per_page
    assert titles(second) == ["Transport case 12", "Transport case 13"]
    next_link = BeautifulSoup(first.content, "html.parser").find("a", rel="next")["href"]
    assert "sector=transport" in next_link and "page=2" in next_link
    assert titles(client.get("/library/?sector=transport&sort=title&page=999")) == titles(second)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_library_listing_needs_the_same_number_of_queries_for_3_or_30_case_studies(
    client, library, tool_index
):
    def add(n):
        for _ in range(n):
            CaseStudyPageFactory(
                parent=library,
                sectors=[term(Sector, "transport"), term(Sector, "industry")],
                countries=["PT", "DE"],
            )

    add(3)
    client.get("/library/")
    few = count_queries(client, "/library/?sector=transport&sort=title")
    add(27)
    many = count_queries(client, "/library/?sector=transport&sort=title")
    unfiltered = count_queries(client, "/library/")

    assert few == many
    assert many <= LISTING_MAX_QUERIES and unfiltered <= LISTING_MAX_QUERIES


def test_the_tool_listing_filters_by_type_cost_and_sector_in_constant_queries(client, tool_index):
    ToolPageFactory(parent=tool_index, title="Free model", cost="free")
    ToolPageFactory(
        parent=tool_index,
        title="Paid dataset",
        cost="paid",
        tool_type=term(ToolType, "dataset"),
        sectors=[term(Sector, "waste")],
    )
    ToolPageFactory(parent=tool_index, title="Draft tool", live=False)

    assert titles(client.get("/tools/?sort=title")) == ["Free model", "Paid dataset"]
    assert titles(client.get("/tools/?cost=paid")) == ["Paid dataset"]
    assert titles(client.get("/tools/?tool_type=model")) == ["Free model"]
    assert titles(client.get("/tools/?sector=waste")) == ["Paid dataset"]
    few = count_queries(client, "/tools/")
    for _ in range(20):
        ToolPageFactory(parent=tool_index)
    assert count_queries(client, "/tools/") == few <= LISTING_MAX_QUERIES


LISTING_MAX_QUERIES = 20

"""The coalition view, /pathways/: the numbers, the map and its table, in a fixed number of queries."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.world_map import country_shapes, region_of
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage

from .factories import CaseStudyPageFactory, term

pytestmark = pytest.mark.django_db


def on_track_case(library, **fields):
    defaults = {
        "target_type": "net-zero-ghg",
        "target_year": 2050,
        "emissions_base_year": 2010,
        "emissions_base_value": Decimal("100"),
        "emissions_latest_year": 2020,
        "emissions_latest_value": Decimal("60"),
    }
    return CaseStudyPageFactory(parent=library, **{**defaults, **fields})


def table(soup, table_id) -> dict[str, str]:
    rows = soup.select(f"#{table_id}-table tbody tr")
    return {row.th.get_text(strip=True): row.find_all("td")[-1].get_text(strip=True) for row in rows}


def test_the_map_geometry_ships_with_the_package_and_names_countries_by_code():
    shapes = country_shapes()
    assert len(shapes) > 150
    assert {"PT", "CR", "NZ", "DE", "MX"} <= set(shapes)
    assert all(shape.paths for shape in shapes.values())
    assert region_of("PT")[1] == "Europe" and region_of("MH")[1] == "Oceania"


def test_the_coalition_view_counts_strategies_and_links_each_country(client, library, home_page):
    on_track_case(library, countries=["PT"], sectors=[term(Sector, "transport")])
    on_track_case(library, countries=["PT", "CR"], emissions_latest_value=Decimal("95"))  # off track
    CaseStudyPageFactory(parent=library, countries=["MH"], actor_type=term(ActorType, "national-government"))
    CaseStudyPageFactory(parent=library, countries=["NZ"], live=False)  # a draft is not counted

    response = client.get("/pathways/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert table(soup, "status") == {"On track": "1", "Off track": "1", "Not enough data": "1"}
    assert table(soup, "countries") == {"Portugal": "2", "Costa Rica": "1", "Marshall Islands": "1"}
    regions = table(soup, "region")
    assert (regions["Europe"], regions["Oceania"], regions["North and Central America"]) == ("2", "1", "1")
    assert table(soup, "sector")["Transport"] == "1"
    assert table(soup, "actor")["National government"] == "1" and table(soup, "actor")["City"] == "2"
    assert table(soup, "stage")["Implementing"] == "3"
    # The map: shaded countries link to their filtered library; the Marshall Islands are too small.
    links = {a["href"]: a["aria-label"] for a in soup.select("svg.coalition-map__svg a")}
    assert links == {
        "/library/?country=PT": "Portugal: 2 case studies",
        "/library/?country=CR": "Costa Rica: 1 case study",
    }
    assert soup.select_one('a[href="/library/?country=MH"]').get_text() == "Marshall Islands"
    assert client.get("/library/?country=PT").status_code == 200
    # The home page links to it.
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert home.find("a", href="/pathways/") is not None


def test_the_coalition_view_takes_a_fixed_number_of_queries(client, library, home_page):
    for _ in range(2):
        on_track_case(library, countries=["PT"])
    client.get("/pathways/")  # warms the caches (site, content types)
    with CaptureQueriesContext(connection) as few:
        client.get("/pathways/")
    for n in range(8):
        on_track_case(
            library,
            countries=[["DE", "MX", "CA", "FR"][n % 4]],
            strategy_stage=term(StrategyStage, "adopted"),
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get("/pathways/")

    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries), [
        q["sql"][:80] for q in many.captured_queries
    ]
    print(f"\n/pathways/ queries: {len(many.captured_queries)} for 2 and for 10 case studies")  # noqa: T201
    assert len(many.captured_queries) <= 10

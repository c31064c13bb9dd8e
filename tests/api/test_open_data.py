"""The open-data API (Wagtail API v2) against its description: listings, pages, links and limits."""

import json
from decimal import Decimal
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from cases.models import CaseStudyMilestone
from lodestar.vocabularies.models import CoBenefit, PolicyInstrument, Sector
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, term

pytestmark = pytest.mark.django_db

PUBLIC_ADDRESS = "https://lodestar.example.org"
ALT_TEXT = "Emissions by sector"
CASE_STUDIES = {"type": "cases.CaseStudyPage", "fields": "*"}


@pytest.fixture(autouse=True)
def public_address(settings):
    """Links must name the public address, not the host the request came in on."""
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = PUBLIC_ADDRESS


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def figure_image():
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (1, 2, 3)).save(buffer, format="PNG")
    image = get_image_model()(title="Harbour", file=ImageFile(buffer, name="harbour.png"))
    image.save()
    return image


def body_with_a_figure() -> str:
    """A section and a figure, as the editor stores them (each figure's image is a database row)."""
    return json.dumps(
        [
            {"type": "context", "value": {"text": "<p>A port city of 200,000 people.</p>"}},
            {
                "type": "figure",
                "value": {
                    "image": {"image": figure_image().pk, "alt_text": ALT_TEXT, "decorative": False},
                    "caption": "Emissions by sector, 2010-2020",
                },
            },
            {"type": "quote", "value": {"quote": "We started with buses.", "attribution": "Mayor"}},
        ]
    )


def full_case(library, tools, n):
    """A published case study with a value in every related field (vocabularies, tools, milestones,
    a body with a figure)."""
    case = CaseStudyPageFactory(
        parent=library,
        title=f"Tracked {n}",
        sectors=[term(Sector, "transport"), term(Sector, "waste")],
        related_tools=tools,
        countries=["PT", "NZ"],
        target_type="net-zero-ghg",
        target_year=2050,
        emissions_base_year=2010,
        emissions_base_value=Decimal("100"),
        emissions_latest_year=2020,
        emissions_latest_value=Decimal("80"),
        body=body_with_a_figure(),
    )
    case.policy_instruments.set(PolicyInstrument.objects.all()[:2])
    case.co_benefits.set(CoBenefit.objects.all()[:2])
    case.save()
    CaseStudyMilestone.objects.create(page=case, year=2030, value=Decimal("70"), label="NDC")
    return case


@pytest.fixture
def tools(tool_index):
    return [ToolPageFactory(parent=tool_index, title=f"Tool {n}") for n in range(2)]


@pytest.fixture
def cases(library, tools):
    return [full_case(library, tools, n) for n in range(5)]


@pytest.fixture
def hidden(library, tool_index):
    """A draft, a page for signed-in people only and a members-only tool: never open data."""
    draft = CaseStudyPageFactory(parent=library, title="Draft case", live=False)
    signed_in = CaseStudyPageFactory(parent=library, title="For signed-in people")
    PageViewRestriction.objects.create(page=signed_in, restriction_type=PageViewRestriction.LOGIN)
    members_tool = ToolPageFactory(parent=tool_index, title="Members' tool")
    restriction = PageViewRestriction.objects.create(
        page=members_tool, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Members"))
    return [draft, signed_in, members_tool]


def test_case_studies_with_every_field_match_the_description(client, check, component, cases):
    body = check(client.get("/api/v2/pages/", CASE_STUDIES))

    assert [item["id"] for item in body["items"]] == [case.pk for case in cases]
    for item in body["items"]:
        component(item, "CaseStudyPage")  # every field there, none undescribed
    first = body["items"][0]
    assert first["meta"]["html_url"] == f"{PUBLIC_ADDRESS}{cases[0].url}"
    assert [tool["title"] for tool in first["related_tools"]] == ["Tool 0", "Tool 1"]
    assert first["tracker"]["status"] == "off-track"


def test_tools_pages_of_any_type_and_chosen_fields_match_the_description(client, check, component, cases):
    tools = check(client.get("/api/v2/pages/", {"type": "cases.ToolPage", "fields": "*"}))
    for item in tools["items"]:
        component(item, "ToolPage")
    assert [item["title"] for item in tools["items"]] == ["Tool 0", "Tool 1"]

    every_type = check(client.get("/api/v2/pages/"))
    for item in every_type["items"]:
        component(item, "Page")
    assert {"home.HomePage", "cases.CaseStudyPage", "cases.ToolPage"} <= {
        item["meta"]["type"] for item in every_type["items"]
    }

    chosen = check(client.get("/api/v2/pages/", {"type": "cases.CaseStudyPage", "fields": "tracker,sectors"}))
    assert set(chosen["items"][0]) == {"id", "meta", "title", "tracker", "sectors"}


def test_a_page_in_detail_matches_the_description(client, check, component, cases, library):
    case = check(client.get(f"/api/v2/pages/{cases[0].pk}/"))
    component(case, "CaseStudyPage")
    assert case["meta"]["parent"]["id"] == library.pk

    tool = check(client.get(f"/api/v2/pages/{case['related_tools'][0]['id']}/"))
    component(tool, "ToolPage")
    index = check(client.get(f"/api/v2/pages/{library.pk}/"))
    component(index, "Page")


def test_drafts_and_restricted_pages_are_not_open_data(client, check, cases, hidden):
    listing = check(client.get("/api/v2/pages/", {"limit": 100}))
    titles = {item["title"] for item in listing["items"]}

    assert not titles & {page.title for page in hidden}
    assert listing["meta"]["total_count"] == len(listing["items"])
    for page in hidden:
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 404
        check(response)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": 101}, "limit cannot be higher than 100"),
        ({"limit": "lots"}, "limit must be a positive integer"),
        ({"offset": 10**7}, "offset must be a whole number from 0 to 1000000"),
        ({"type": "cases.NoSuchPage"}, "type doesn't exist"),
        ({"type": "cases.CaseStudyPage", "fields": "secret"}, "unknown fields: secret"),
        ({"colour": "blue"}, "query parameter is not an operation or a recognised field: colour"),
    ],
)
def test_bad_parameters_answer_400_with_a_message_as_described(client, check, cases, params, message):
    response = client.get("/api/v2/pages/", params)

    assert response.status_code == 400
    assert check(response) == {"message": message}


def test_following_next_walks_every_page_once_and_previous_walks_back(client, check, library, tools):
    for n in range(23):
        CaseStudyPageFactory(parent=library, title=f"Walked {n:02}")
    url, seen, pages = "/api/v2/pages/?type=cases.CaseStudyPage&order=title&limit=10", [], []
    while url:
        response = client.get(url.removeprefix(PUBLIC_ADDRESS))
        body = check(response)
        pages.append((body["meta"], response.get("Link")))
        seen += [item["title"] for item in body["items"]]
        url = body["meta"]["next"]

    assert seen == [f"Walked {n:02}" for n in range(23)]
    assert [meta["total_count"] for meta, _ in pages] == [23, 23, 23]
    (first, first_link), (second, second_link), (last, last_link) = pages
    assert first["previous"] is None and last["next"] is None
    listing = f"{PUBLIC_ADDRESS}/api/v2/pages/?type=cases.CaseStudyPage&order=title&limit=10"
    assert second["next"] == f"{listing}&offset=20"
    assert second["previous"] == f"{listing}&offset=0"
    assert first_link == f'<{first["next"]}>; rel="next"'
    assert second_link == f'<{second["next"]}>; rel="next", <{second["previous"]}>; rel="prev"'
    assert last_link == f'<{last["previous"]}>; rel="prev"'


def test_the_next_link_keeps_fields_and_filters_and_past_the_end_previous_leads_back(client, check, cases):
    body = check(client.get("/api/v2/pages/", {**CASE_STUDIES, "target_year": 2050, "limit": 2}))
    assert body["meta"]["next"] == (
        f"{PUBLIC_ADDRESS}/api/v2/pages/?type=cases.CaseStudyPage&fields=*&target_year=2050&limit=2&offset=2"
    )

    beyond = check(client.get("/api/v2/pages/", {**CASE_STUDIES, "offset": 50, "limit": 2}))
    assert beyond["items"] == [] and beyond["meta"]["next"] is None
    assert beyond["meta"]["previous"].endswith("&offset=3&limit=2")  # the last two of five
    empty = check(client.get("/api/v2/pages/", {**CASE_STUDIES, "offset": 2, "limit": 0}))
    assert (empty["items"], empty["meta"]["next"], empty["meta"]["previous"]) == ([], None, None)


def test_a_hundred_case_studies_with_every_field_take_a_fixed_number_of_queries(
    client, check, library, tools, django_assert_max_num_queries
):
    """Measured before: 12 queries per case study (vocabularies, milestones, tools, locale, the
    figures' images), 1,209 for 100; now 21 whatever the page size. (18 before pages had languages:
    with WAGTAIL_I18N_ENABLED, Wagtail's public-pages queryset also reads the home page's French and
    Spanish translations, once each of the three times the API builds it.)"""
    for n in range(3):
        full_case(library, tools, n)
    client.get("/api/v2/pages/", CASE_STUDIES)  # warms the caches (site, content types)
    with django_assert_max_num_queries(21) as three:
        check(client.get("/api/v2/pages/", CASE_STUDIES))
    for n in range(3, 100):
        full_case(library, tools, n)
    with django_assert_max_num_queries(21) as hundred:
        body = check(client.get("/api/v2/pages/", {**CASE_STUDIES, "limit": 100}))

    assert len(body["items"]) == 100 and body["meta"]["next"] is None
    assert len(hundred.captured_queries) == len(three.captured_queries)
    assert all(len(item["related_tools"]) == 2 and item["milestones"] for item in body["items"])
    figures = [block["value"] for item in body["items"] for block in item["body"][1:2]]
    assert len(figures) == 100 and figures[0]["image"]["alt_text"] == ALT_TEXT


def test_finding_a_page_by_its_address_matches_the_description(client, check, cases, hidden):
    found = client.get("/api/v2/pages/find/", {"html_path": cases[0].url})
    check(found)
    assert found.status_code == 302
    assert found["Location"].startswith(f"{PUBLIC_ADDRESS}/api/v2/pages/{cases[0].pk}/")

    restricted = client.get("/api/v2/pages/find/", {"html_path": hidden[1].url})
    assert restricted.status_code == 404
    assert check(restricted) == {"message": "not found"}

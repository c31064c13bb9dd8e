import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from cases.models import CaseStudyMilestone, CaseStudyPage, LibraryIndexPage, ToolIndexPage, ToolPage
from lodestar.members.models import Organisation
from lodestar.vocabularies.models import CoBenefit, PolicyInstrument, Sector

from .factories import CaseStudyPageFactory, ToolPageFactory, term

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_indexes_sit_under_the_home_page_once(library, tool_index, home_page):
    assert library.get_parent().specific == home_page
    assert library.url == "/library/" and tool_index.url == "/tools/"
    # max_count: a second index cannot be created anywhere.
    assert not LibraryIndexPage.can_create_at(home_page)
    assert not ToolIndexPage.can_create_at(home_page)
    assert LibraryIndexPage.allowed_parent_page_models() == [home_page.specific_class]


def test_case_studies_go_only_in_the_library_and_tools_only_in_the_tool_index(library, tool_index, home_page):
    assert CaseStudyPage.can_create_at(library)
    assert not CaseStudyPage.can_create_at(tool_index)
    assert not CaseStudyPage.can_create_at(home_page)
    assert ToolPage.can_create_at(tool_index)
    assert not ToolPage.can_create_at(library)
    assert not ToolPage.can_create_at(home_page)
    case = CaseStudyPageFactory(parent=library)
    assert not CaseStudyPage.can_create_at(case)
    assert not Page.can_create_at(case) or CaseStudyPage.allowed_subpage_models() == []


def full_case_study(library, tool, owner=None, title="Budgeting for net zero"):
    case = CaseStudyPageFactory(
        parent=library,
        owner=owner,
        title=title,
        region="Illustrative region",
        city="Illustrative city",
        countries=["PT", "CR"],
        target_type="percent-reduction",
        target_base_year=2005,
        target_year=2050,
        target_percentage=Decimal("80"),
        target_legal_status="in-law",
        emissions_base_year=2005,
        emissions_base_value=Decimal("100"),
        emissions_latest_year=2020,
        emissions_latest_value=Decimal("70"),
        emissions_unit="MtCO2e",
        emissions_source="National inventory (illustrative)",
        figures_status="verified",
        strategy_document_url="https://example.org/strategy.pdf",
        languages=["en", "pt"],
        last_reviewed=timezone.localdate() - datetime.timedelta(days=30),
        body=[
            ("context", {"text": "<p>Where it started.</p>"}),
            ("lessons_learnt", {"text": "<p>Start <b>early</b>.</p><script>alert(1)</script>"}),
            ("quote", {"quote": "It worked.", "attribution": "A planner"}),
        ],
        sectors=[term(Sector, "transport"), term(Sector, "buildings")],
        related_tools=[tool],
    )
    case.policy_instruments.set([term(PolicyInstrument, "carbon-pricing")])
    case.co_benefits.set([term(CoBenefit, "jobs")])
    case.contributor_organisations.set(
        [
            Organisation.objects.get_or_create(
                name="Illustrative Agency", country="PT", defaults={"actor_type": case.actor_type}
            )[0]
        ]
    )
    case.milestones = [CaseStudyMilestone(year=2030, value=Decimal("45"), label="Interim target")]
    case.save()
    return case


def test_a_complete_case_study_shows_every_part(client, library, tool_index, member):
    tool = ToolPageFactory(parent=tool_index, title="Pathway model")
    case = full_case_study(library, tool, owner=member)

    page = soup_of(client.get(case.url))

    assert page.find("h1").get_text(strip=True) == "Budgeting for net zero"
    text = page.get_text(" ", strip=True)
    for expected in [
        "Reviewed on",
        "by the secretariat",
        "Figures verified",
        "Costa Rica, Portugal",
        "Carbon pricing",
        "Jobs",
        "Percentage reduction: 80 % below 2005",
        "In law",
        "National inventory (illustrative)",
        "Illustrative Agency",
        "English, Portuguese",
        "CC BY 4.0",
    ]:
        assert expected in text, expected
    assert page.find("dt", string="Sectors").find_next_sibling("dd").get_text() == "Transport, Buildings"
    headings = [h.get_text(strip=True) for h in page.find_all("h2")]
    assert "Context" in headings and "Lessons learnt" in headings and "Pathway" in headings
    assert page.find("a", string="Pathway model")["href"] == tool.url
    assert page.find("a", href="https://example.org/strategy.pdf")
    # The chart and its table alternative, with the milestone between latest and target.
    assert page.find("svg", attrs={"role": "img"}) is not None
    rows = [
        [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in page.select(".pathway__table tbody tr")
    ]
    assert [row[0] for row in rows] == ["2005", "2020", "2030", "2050"]
    assert rows[-1][1] == "20"  # 80 % below 100
    # Rich text is sanitised: the script never reaches the page.
    assert page.find("script") is None
    assert f"Contributed by {member.profile.display_name}" in text


def test_a_minimal_case_study_renders_without_chart_or_empty_sections(client, library):
    case = CaseStudyPageFactory(parent=library, title="Just started")

    page = soup_of(client.get(case.url))

    assert page.find("h1").get_text(strip=True) == "Just started"
    assert page.find("svg") is None
    assert page.find(class_="pathway") is None
    assert "Not reviewed by the secretariat yet" in page.get_text()
    assert "Figures self-reported" in page.get_text()
    assert "former member" in page.get_text()  # no owner recorded


def test_a_review_older_than_five_years_carries_a_notice(client, library):
    today = timezone.localdate()
    old = CaseStudyPageFactory(parent=library, last_reviewed=today.replace(year=today.year - 6))
    recent = CaseStudyPageFactory(parent=library, last_reviewed=today.replace(year=today.year - 4))

    assert "more than five years ago" in client.get(old.url).content.decode()
    assert "more than five years ago" not in client.get(recent.url).content.decode()


def test_a_tool_page_lists_the_published_case_studies_that_used_it(client, library, tool_index):
    tool = ToolPageFactory(parent=tool_index, title="Inventory calculator", open_source=True)
    CaseStudyPageFactory(parent=library, title="Published user", related_tools=[tool])
    CaseStudyPageFactory(parent=library, title="Draft user", related_tools=[tool], live=False)

    page = soup_of(client.get(tool.url))

    used_in = page.find(id="used-in-title").find_parent("section").get_text()
    assert "Published user" in used_in
    assert "Draft user" not in used_in
    assert "Open source" in page.get_text() and "Yes" in page.get_text()
    assert page.find("a", href="https://example.org/tool")


def test_a_minimal_tool_page_says_no_case_study_uses_it_yet(client, tool_index):
    tool = ToolPageFactory(parent=tool_index)
    assert "No published case study mentions this tool yet" in client.get(tool.url).content.decode()


def test_visitors_never_see_a_draft(client, library):
    draft = CaseStudyPageFactory(parent=library, live=False, slug="secret-draft")
    assert client.get("/library/secret-draft/").status_code == 404
    assert draft.title not in client.get("/library/").content.decode()


def test_the_glossary_defines_every_vocabulary_term(client, db):
    page = soup_of(client.get("/glossary/"))

    terms = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in page.find_all("dt")
    }
    assert terms["AFOLU"].startswith("Agriculture, forestry and other land use")
    assert "Submitted to UNFCCC" in terms and "Calculator" in terms and "Carbon pricing" in terms
    assert [h.get_text() for h in page.find_all("h2")] == [
        "Sectors",
        "Actor types",
        "Strategy stages",
        "Co-benefits",
        "Tool types",
        "Policy instruments",
    ]


def test_a_case_study_page_needs_a_fixed_number_of_queries(client, library, tool_index, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(page) -> int:
        client.get(page.url)  # warm the site-root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    small = full_case_study(library, ToolPageFactory(parent=tool_index), owner=member)
    large = full_case_study(library, ToolPageFactory(parent=tool_index), owner=member, title="Larger")
    large.related_tools.set([ToolPageFactory(parent=tool_index) for _ in range(6)])
    large.milestones = [CaseStudyMilestone(year=2025 + n, value=Decimal(60 - n)) for n in range(5)]
    large.sectors.set(Sector.objects.all())
    large.save()

    assert queries_for(small) == queries_for(large) <= CASE_STUDY_PAGE_MAX_QUERIES


CASE_STUDY_PAGE_MAX_QUERIES = 25


def test_a_members_data_export_lists_their_library_pages(library, member, other_member):
    from lodestar.members.privacy import exporters

    CaseStudyPageFactory(parent=library, owner=member, title="Mine", live=False)
    CaseStudyPageFactory(parent=library, owner=other_member, title="Not mine")

    exported = exporters()["case_studies"](member)

    assert [(row["title"], row["live"], row["type"]) for row in exported] == [("Mine", False, "case study")]


def test_terms_on_a_case_study_lead_to_similar_case_studies(client, library):
    case = CaseStudyPageFactory(parent=library, sectors=[term(Sector, "waste")])

    page = soup_of(client.get(case.url))

    assert page.find("a", string="Waste")["href"] == "/library/?sector=waste"
    assert page.find("a", string="City")["href"] == "/library/?actor_type=city"
    assert page.find("a", string="Implementing")["href"] == "/library/?stage=implementing"
    assert page.find("nav", attrs={"aria-label": "Breadcrumb"}).find("a")["href"] == "/library/"


def test_the_tracker_verdict_is_on_the_page_in_words(client, library, tool_index):
    tool = ToolPageFactory(parent=tool_index, title="Pathway model")
    case = full_case_study(library, tool)

    page = soup_of(client.get(case.url))

    tracker = page.select_one(".tracker")
    # 100 -> 70 from 2005 to 2020 (2 points a year); 70 -> 20 by 2050 needs 1.7 points a year.
    assert tracker.select_one("h3").get_text(strip=True) == "Lodestar tracker: On track"
    assert "fell by 2 % of the 2005 level a year" in tracker.get_text()
    milestone = tracker.select_one(".tracker__milestone").get_text(" ", strip=True)
    assert (
        milestone == "Interim target 2030: 45 MtCO2e, ahead of the pathway (55.6 MtCO2e on the straight line)"
    )
    assert len(page.select("svg.pathway__svg")) == 2  # wide and phone layouts
    assert page.select_one("svg .pathway__reference") is not None
    assert "Target: 80 % below 2005" in page.select_one(".pathway__table").get_text()


def test_figures_read_as_people_write_them_without_stored_trailing_zeros(client, library):
    case = CaseStudyPageFactory(
        parent=library,
        title="Decimals",
        emissions_base_year=2005,
        emissions_base_value=Decimal("88.000"),
        emissions_latest_year=2021,
        emissions_latest_value=Decimal("57.250"),
        emissions_unit="MtCO2e",
        target_type="percent-reduction",
        target_percentage=Decimal("85"),
        target_base_year=2005,
        target_year=2050,
    )

    page = soup_of(client.get(case.url))

    rows = {
        row.find_all("td")[0].get_text(strip=True): row.find_all("td")[1].get_text(strip=True)
        for row in page.select(".pathway table tbody tr")
    }
    assert rows == {"2005": "88", "2021": "57.25", "2050": "13.2"}
    facts = page.get_text(" ", strip=True)
    assert "88 MtCO2e" in facts and "57.25 MtCO2e" in facts
    assert "88.000" not in facts and "13.200" not in facts

"""cases/filters.py is the one declaration of the library's filters: every reader follows it.

The planted filter below (tools by skill level, a field that exists but is no filter today) is
one entry added to FILTERS, and nothing else: the listing form, the PostgreSQL listing, the
listing search's query and facets, and the CSV all take it up.
"""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from cases import export, filters, selectors
from cases.fields import SkillLevel
from cases.filters import CASE_STUDY, FILTERS, TOOL, Filter, Use, filters_of, listing_filters
from cases.forms import FORMS, ToolFilterForm
from cases.models import ToolPage
from cases.open_data import CASE_STUDY_FIELDS, TOOL_FIELDS
from lodestar.vocabularies.models import Sector
from search.documents import DOCUMENTS, index_definition
from search.listings import listing_body
from search.selectors import FACETS

from .factories import ToolPageFactory, term

SKILL = Filter("skill", "Skill level", "skill_level", SkillLevel, {TOOL: Use("skill_level", "skill_level")})


@pytest.fixture
def planted(monkeypatch):
    monkeypatch.setattr(filters, "FILTERS", (*FILTERS, SKILL))
    return SKILL


def test_a_planted_filter_reaches_the_form_with_its_label_and_choices(planted):
    form = ToolFilterForm({"skill": "expert"})

    assert list(form.fields) == ["sector", "tool_type", "stage", "cost", "skill", "sort"]
    assert form.fields["skill"].label == "Skill level"
    assert ("expert", "Expert") in form.fields["skill"].choices
    assert form.filters == {"skill": "expert"}
    assert not ToolFilterForm({"skill": "guru"}).is_valid()


@pytest.mark.django_db
def test_a_planted_filter_filters_the_database_listing_and_the_csv(planted, client, library_indexes):
    _, tools = library_indexes
    ToolPageFactory(parent=tools, title="For experts", skill_level="expert")
    ToolPageFactory(parent=tools, title="For beginners", skill_level="beginner")

    listed = selectors.filtered_listing(ToolPage.objects, kind=TOOL, filters={"skill": "expert"})
    page = BeautifulSoup(client.get("/tools/?skill=expert").content, "html.parser")
    exported = b"".join(client.get("/tools/export/").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(exported)))

    assert [tool.title for tool in listed] == ["For experts"]
    assert page.find("label", string="Skill level") is not None
    assert [a.get_text(strip=True) for a in page.select(".tool-card__title")] == ["For experts"]
    assert "skill_level" in export.headers(TOOL)
    by_title = {row["title"]: row["skill_level"] for row in rows}
    assert by_title == {"For experts": "Expert", "For beginners": "Beginner"}


def test_a_planted_filter_reaches_the_listing_search_query_and_its_counts(planted):
    body = listing_body(kind=TOOL, filters={"skill": "expert"}, sort="newest", page=1, per_page=20)

    assert {"term": {"skill_level": "expert"}} in body["post_filter"]["bool"]["filter"]
    assert body["aggs"]["skill"]["aggs"]["values"]["terms"]["field"] == "skill_level"


def test_the_listing_forms_offer_exactly_the_declared_listing_filters():
    for kind, form_class in FORMS.items():
        fields = list(form_class(country_codes=["NZ"]).fields)
        assert fields == [spec.param for spec in listing_filters(kind)] + ["sort"]
        for spec in listing_filters(kind):
            assert form_class().fields[spec.param].label == spec.label


def test_search_indexes_and_labels_every_declared_filter():
    mapping = index_definition("probe")["mappings"]["properties"]
    facets = {facet.name: facet.label for facet in FACETS}

    facet = {"type": "keyword", "eager_global_ordinals": True}  # counts ready at each refresh

    for spec in FILTERS:
        assert mapping[spec.index_field] == facet, spec.index_field
        assert facets[spec.index_field] == spec.label
        for kind in spec.uses:
            assert hasattr(DOCUMENTS[kind], f"prepare_{spec.index_field}"), (kind, spec.index_field)


def test_search_facets_name_choice_values_by_the_declared_choices():
    cost = next(facet for facet in FACETS if facet.name == "cost")

    assert cost.labels(["free", "paid"]) == {"free": "Free", "paid": "Paid"}


def test_every_declared_filter_has_a_described_csv_column():
    described = {CASE_STUDY: CASE_STUDY_FIELDS, TOOL: TOOL_FIELDS}

    for kind in (CASE_STUDY, TOOL):
        headers = export.headers(kind)
        for spec in filters_of(kind):
            column = spec.uses[kind].column
            assert headers.count(column) == 1 and column in described[kind], (kind, column)


@pytest.mark.django_db
def test_a_term_filter_writes_term_names_in_the_csv(library_indexes):
    _, tools = library_indexes
    tool = ToolPageFactory(parent=tools, sectors=[term(Sector, "transport"), term(Sector, "waste")])
    sectors = next(spec for spec in FILTERS if spec.param == "sector")

    assert sectors.csv_value(tool, TOOL) == "Transport; Waste"

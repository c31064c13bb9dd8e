"""The library and the forum in search: what visitors can find, relevance on the real library, listings.

Everything runs on the real PostgreSQL, Elasticsearch and (where marked) Celery worker.
"""

import csv
import html
import io
import socket
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cases import selectors as library
from cases.models import CaseStudyPage
from forum import services as forum
from forum.models import Category, Post
from forum.rendering import render_markdown
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage
from search import indexing, maintenance
from search.documents import all_documents
from search.selectors import SearchRequest, search_content
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, ensure_library_structure, term
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.search.conftest import closed_port, index_everything, refresh

pytestmark = [pytest.mark.integration]


def titles(query: str, user=None, **filters) -> list[str]:
    refresh()
    request = SearchRequest(query=query, filters={k: tuple(v) for k, v in filters.items()})
    results = search_content(user=user or AnonymousUser(), request=request)
    return [
        html.unescape(str(hit.title).replace("<mark>", "").replace("</mark>", "")) for hit in results.hits
    ]


# --- Sync through the real worker -------------------------------------------------------------------

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@transactional
def test_publishing_a_case_study_makes_it_findable_and_unpublishing_or_deleting_removes_it(
    search_index, tasks, home_page
):
    library_page, _ = ensure_library_structure()
    page = CaseStudyPageFactory(
        parent=library_page, title="Illustrative Geothermal District Heating", slug="geo", live=False
    )
    tasks.wait()
    assert titles("geothermal heating") == [], "a draft is never findable"

    with transaction.atomic():
        page.save_revision().publish()
    tasks.wait()
    assert titles("geothermal heating") == ["Illustrative Geothermal District Heating"]

    page = CaseStudyPage.objects.get(pk=page.pk)
    with transaction.atomic():
        page.unpublish()
    tasks.wait()
    assert titles("geothermal heating") == []

    with transaction.atomic():
        page.save_revision().publish()
    tasks.wait()
    assert titles("geothermal heating") == ["Illustrative Geothermal District Heating"]

    with transaction.atomic():
        CaseStudyPage.objects.get(pk=page.pk).delete()
    tasks.wait()
    assert titles("geothermal heating") == []


@transactional
def test_a_case_study_is_found_by_the_names_it_is_filed_under_even_after_a_rename(
    search_index, tasks, home_page
):
    library_page, _ = ensure_library_structure()
    page = CaseStudyPageFactory(
        parent=library_page,
        title="Illustrative Harbour Ferries",
        summary="Ferries of an illustrative port city.",
        sectors=[term(Sector, "transport")],
        countries=["CL"],
        city="Valparaiso",
        live=False,
    )
    with transaction.atomic():
        page.save_revision().publish()
    tasks.wait()
    assert titles("transport") == ["Illustrative Harbour Ferries"], "its sector's name"
    assert titles("Chile") == ["Illustrative Harbour Ferries"], "its country's name"
    assert titles("Valparaíso") == ["Illustrative Harbour Ferries"], "its city, accents or not"

    with transaction.atomic():
        sector = Sector.objects.get(slug="transport")
        sector.name = "Mobility and logistics"
        sector.save()
    tasks.wait()
    assert titles("logistics") == ["Illustrative Harbour Ferries"]


@transactional
def test_hiding_a_reply_or_moving_its_topic_to_members_only_removes_it_from_what_visitors_find(
    search_index, tasks, moderator, member
):
    public = CategoryFactory(name="Open questions", slug="open-questions")
    members_only = CategoryFactory(
        name="Members lounge", slug="lounge", visibility=Category.Visibility.MEMBERS
    )
    with transaction.atomic():
        topic = TopicFactory(
            category=public, title="Tidal barrage permitting", question="Who consulted fishers?"
        )
        body = "Our estuary consultation with fishers took two years (illustrative)."
        reply = Post.objects.create(
            topic=topic, position=2, body=body, body_html=render_markdown(body).html, author=member
        )
    tasks.wait()
    assert titles("tidal barrage", content_type=["topic"]) == ["Tidal barrage permitting"]
    assert titles("estuary fishers", content_type=["post"]) == ["Re: Tidal barrage permitting"]

    forum.post_hide(post=reply, moderator=moderator, reason="Off topic")
    tasks.wait()
    assert titles("estuary", content_type=["post"]) == []
    assert titles("estuary", user=member, content_type=["post"]) == [], "hidden posts are for nobody"

    forum.post_unhide(post=Post.objects.get(pk=reply.pk), moderator=moderator)
    tasks.wait()
    assert titles("estuary", content_type=["post"]) == ["Re: Tidal barrage permitting"]

    forum.topic_move(topic=topic, moderator=moderator, category=members_only)
    tasks.wait()
    assert titles("tidal barrage") == [], "visitors no longer find the topic or its replies"
    assert sorted(titles("tidal barrage", user=member)) == [
        "Re: Tidal barrage permitting",
        "Tidal barrage permitting",
    ]

    # Opening the category to everyone brings its topics and replies back for visitors.
    with transaction.atomic():
        members_only.visibility = Category.Visibility.PUBLIC
        members_only.save()
    tasks.wait()
    assert sorted(titles("tidal barrage")) == ["Re: Tidal barrage permitting", "Tidal barrage permitting"]


# --- Relevance and facets on the real library (the demo content) ------------------------------------


@transactional
def test_a_category_filed_under_a_sector_brings_its_discussions_to_that_sector(search_index, tasks, member):
    """ "transport" and the sector filter find the Mobility category's topics and replies, once filed."""
    mobility = CategoryFactory(name="Mobility", slug="mobility")
    with transaction.atomic():
        topic = TopicFactory(category=mobility, title="Tram or BRT for a mid-sized city?", question="Cost?")
        body = "We chose the busway: three corridors for the price of one line (illustrative)."
        Post.objects.create(
            topic=topic, position=2, body=body, body_html=render_markdown(body).html, author=member
        )
    tasks.wait()
    assert titles("transport") == [], "the category is not filed under the sector yet"

    with transaction.atomic():
        mobility.sectors.add(Sector.objects.get(slug="transport"))
    tasks.wait()
    assert sorted(titles("transport")) == [
        "Re: Tram or BRT for a mid-sized city?",
        "Tram or BRT for a mid-sized city?",
    ]
    assert titles("", sectors=["transport"], content_type=["topic"]) == ["Tram or BRT for a mid-sized city?"]

    with transaction.atomic():
        Sector.objects.get(slug="transport").forum_categories.clear()
    tasks.wait()
    assert titles("transport") == []


@pytest.mark.django_db
def test_relevance_on_the_library(demo_content):
    assert titles("decarbonisaton")[0].startswith("Costa Rica: ten decarbonisation axes"), "typo tolerance"
    assert titles("heat pumps")[0].startswith("Municipal heat-pump programme"), "plural finds singular"
    synonym_hits = titles("LT-LEDS")
    assert synonym_hits and all(
        "long-term strateg" in t.lower() or "roadmap" in t.lower() for t in synonym_hits[:3]
    ), "the synonym finds documents that only say 'long-term strategy'"
    assert titles("Canada's long-term strategy (2016)")[0] == "Canada's long-term strategy (2016)", (
        "an exact title ranks first among its near namesakes"
    )
    assert "Costa Rica: ten decarbonisation axes to net zero" in titles("Costa Rica carbon neutrality")[:3], (
        "a synonym of 'net zero' together with other words"
    )


# What the demo content fills in each library document type (so that the comparison covers it).
FILLED_BY_THE_DEMO = {
    "case_study": {
        "countries",
        "sectors",
        "actor_type",
        "strategy_stage",
        "co_benefits",
        "policy_instruments",
    },
    "tool": {"sectors", "strategy_stage", "tool_type", "cost", "metadata"},
}


def test_a_rebuild_builds_each_library_document_as_live_indexing_does(demo_content):
    """A rebuild reads rows, not pages (SearchDocument.scan): every demo case study and tool,
    translations included, gets the same document, id and version from a row as from its page."""
    compared = [d for d in all_documents() if d.row_columns]
    assert {d.document_type for d in compared} == set(FILLED_BY_THE_DEMO)
    for document in compared:
        pages = document.indexable_with_versions()
        from_pages = {page.pk: (page.search_version, document.source(page)) for page in pages}
        rows = document.scan(chunk_size=7)
        from_rows = {row.pk: (row.search_version, document.source(row)) for row in rows}
        assert from_rows == from_pages
        sources = [source for _, source in from_rows.values()]
        assert {name for source in sources for name in source} >= FILLED_BY_THE_DEMO[document.document_type]
        assert {source["language"] for source in sources} == {"en", "fr", "es"}


@pytest.mark.django_db
def test_facet_counts_equal_the_filtered_database_rows(demo_content, client):
    # Each case study once, as English readers see it (its French and Spanish aliases are no documents).
    published = library.published_for_reader(CaseStudyPage.objects)
    results = search_content(
        user=AnonymousUser(), request=SearchRequest(filters={"content_type": ("case_study",)})
    )
    facets = {facet.name: {v.value: v.count for v in facet.values} for facet in results.facets}
    assert results.total == published.count()
    for sector in Sector.objects.all():
        assert facets["sectors"].get(sector.slug, 0) == published.filter(sectors=sector).count(), sector.slug
    for actor in ActorType.objects.all():
        assert facets["actor_type"].get(actor.slug, 0) == published.filter(actor_type=actor).count()

    # The listing's counts next to each option, and the CSV of the same filters, agree with the database.
    for stage in StrategyStage.objects.all():
        expected = library.filtered_listing(
            CaseStudyPage.objects, kind="case_study", filters={"stage": stage}
        ).count()
        hits = library._listing_search(
            kind="case_study", filters={"stage": stage.slug}, sort="newest", page=1, per_page=12
        )
        assert hits.total == expected
        export = client.get(f"/library/export/?stage={stage.slug}")
        rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
        assert len(rows) == expected, f"the CSV lists exactly the filtered listing ({stage.slug})"
    page = BeautifulSoup(client.get("/library/?sector=transport").content, "html.parser")
    shown = page.select_one(".results-count").get_text(" ", strip=True)
    transport = published.filter(sectors__slug="transport").count()
    assert shown.startswith(f"{transport} case stud")
    option = page.select_one("select[name=actor_type] option[value=national-government]").get_text()
    national = published.filter(sectors__slug="transport", actor_type__slug="national-government").count()
    assert option == f"National government ({national})"


# --- Listings served by search ------------------------------------------------------------------------


def listing_titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".case-card__title, .tool-card__title")]


@pytest.mark.django_db
def test_listings_come_from_the_index_in_order_with_filters(client, search_index, home_page):
    library_page, tool_index = ensure_library_structure()
    CaseStudyPageFactory(
        parent=library_page, title="Bus fleet", sectors=[term(Sector, "transport")], countries=["PT"]
    )
    CaseStudyPageFactory(
        parent=library_page,
        title="Affordable retrofits",
        sectors=[term(Sector, "buildings")],
        countries=["CR"],
    )
    CaseStudyPageFactory(parent=library_page, title="Unpublished draft", live=False)
    ToolPageFactory(parent=tool_index, title="Paid dataset", cost="paid")
    ToolPageFactory(parent=tool_index, title="Free model", cost="free")
    assert listing_titles(client, "/library/") == [], "nothing indexed yet: search serves the listing"
    index_everything()

    assert listing_titles(client, "/library/") == ["Affordable retrofits", "Bus fleet"]
    assert listing_titles(client, "/library/?sort=title") == ["Affordable retrofits", "Bus fleet"]
    assert listing_titles(client, "/library/?country=PT") == ["Bus fleet"]
    assert listing_titles(client, "/library/?sector=buildings&country=PT") == []
    assert listing_titles(client, "/tools/?cost=free") == ["Free model"]
    assert listing_titles(client, "/tools/?sort=title") == ["Free model", "Paid dataset"]


@pytest.mark.django_db
def test_bad_listing_input_never_breaks_it(client, search_index, home_page):
    library_page, _ = ensure_library_structure()
    CaseStudyPageFactory(parent=library_page, title="Bus fleet")
    index_everything()
    for query in [
        "page=abc",
        "page=-3",
        "page=99999999",
        "sector=%3Cscript%3E",
        "country=ZZ",
        "page=1e9",
    ]:
        assert listing_titles(client, f"/library/?{query}") == ["Bus fleet"], query
    # A NUL byte is refused before the listing runs, with a message (lodestar.middleware).
    refused = client.get("/library/?sort=%00")
    assert refused.status_code == 400
    assert "NUL character" in refused.content.decode()


@pytest.mark.django_db
def test_the_search_served_listing_needs_the_same_number_of_queries_for_3_or_30_case_studies(
    client, search_index, home_page
):
    library_page, _ = ensure_library_structure()

    def add(n):
        for _ in range(n):
            CaseStudyPageFactory(
                parent=library_page, sectors=[term(Sector, "transport"), term(Sector, "industry")]
            )
        index_everything()

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(3)
    client.get("/library/")
    few = count("/library/?sector=transport&sort=title")
    add(27)
    many = count("/library/?sector=transport&sort=title")
    assert len(listing_titles(client, "/library/?sector=transport")) == 12
    assert few == many <= 20


@pytest.mark.django_db
def test_when_search_is_down_listings_fall_back_to_the_database_and_pages_render(
    client, search_index, home_page
):
    library_page, _ = ensure_library_structure()
    page = CaseStudyPageFactory(parent=library_page, title="Bus fleet")
    CaseStudyPageFactory(parent=library_page, title="Tram network")
    index_everything()
    assert "Related" in client.get(page.url).content.decode()

    with override_settings(ELASTICSEARCH_URL=f"http://127.0.0.1:{closed_port()}"):
        started = time.monotonic()
        response = client.get("/library/")
        assert time.monotonic() - started < 2
        assert listing_titles(client, "/library/") == ["Tram network", "Bus fleet"]
        assert "cannot be shown right now" in response.content.decode()
        detail = client.get(page.url)
        assert detail.status_code == 200
        assert "Related" not in detail.content.decode(), "the related box is left out, the page renders"


@pytest.mark.django_db
def test_an_index_older_than_the_code_is_reported_and_repair_rebuilds_it(search_index, home_page):
    from django.core.management.base import CommandError

    from search.client import indexing_client
    from search.documents import index_definition, read_alias, write_alias
    from tests.search.conftest import delete_content_indexes

    delete_content_indexes()
    name = indexing.new_index_name()
    body = index_definition(name)
    del body["mappings"]["properties"]["languages"]  # as built by the release before that field
    body["aliases"] = {indexing.target_alias(name): {}, read_alias(): {}, write_alias(): {}}
    indexing_client().indices.create(index=name, body=body)
    library_page, _ = ensure_library_structure()
    CaseStudyPageFactory(parent=library_page, title="Bus fleet", languages=["en", "pt"])

    with pytest.raises(CommandError, match="predates the fields languages"):
        call_command("search_index", "--check", stdout=io.StringIO())
    call_command("search_index", "--repair", stdout=io.StringIO(), stderr=io.StringIO())

    assert maintenance.outdated_fields() == []
    assert all(report.ok for report in maintenance.check())
    assert titles("bus fleet") == ["Bus fleet"]


@pytest.mark.django_db
def test_a_library_larger_than_a_shard_is_rebuilt_into_shards_that_answer_alike(search_index, home_page):
    from search.client import indexing_client
    from search.documents import read_alias

    library_page, _ = ensure_library_structure()
    for i in range(6):
        sector = "transport" if i % 2 else "industry"
        CaseStudyPageFactory(parent=library_page, title=f"Tram line {i}", sectors=[term(Sector, sector)])
    index_everything()

    def answers():
        refresh()
        request = SearchRequest(query="tram line", filters={"sectors": ("transport",)})
        results = search_content(user=AnonymousUser(), request=request)
        facets = {f.name: {v.value: v.count for v in f.values} for f in results.facets}
        return sorted(str(hit.title) for hit in results.hits), results.total, facets

    def shards() -> int:
        live = indexing_client().indices.get_settings(index=read_alias(), name="index.number_of_shards")
        return int(next(iter(live.body.values()))["settings"]["index"]["number_of_shards"])

    before = answers()
    assert shards() == 1
    with override_settings(ELASTICSEARCH_DOCUMENTS_PER_SHARD=4, ELASTICSEARCH_MAX_SHARDS=2):
        check = io.StringIO()
        call_command("search_index", "--check", stdout=check)
        assert "would give 2" in check.getvalue(), "the check says a rebuild would split the index"
        call_command("search_index", "--rebuild", stdout=io.StringIO(), stderr=io.StringIO())

    assert shards() == 2
    assert answers() == before
    assert before[1] == 3 and before[2]["sectors"] == {"transport": 3, "industry": 3}


@transactional
@pytest.mark.filterwarnings("ignore:This API is in technical preview")  # the tasks API, stable for years
def test_an_index_merged_after_a_rebuild_answers_from_one_segment(search_index, tasks, home_page):
    from search.client import indexing_client

    library_page, _ = ensure_library_structure()
    for i in range(4):  # indexed by the worker and made searchable one at a time: a segment each
        page = CaseStudyPageFactory(parent=library_page, title=f"Tram line {i}", live=False)
        with transaction.atomic():
            page.save_revision().publish()
        tasks.wait()
        refresh()

    def segments(index: str) -> int:
        shards = indexing_client().indices.segments(index=index)["indices"][index]["shards"]["0"]
        return sum(copy["num_search_segments"] for copy in shards)

    live = indexing.indexes_behind(search_index)[0]
    assert segments(live) > 1
    task = maintenance.merge_into_one_segment(live)  # as the rebuild does once its index is live
    # It merges in the background: Elasticsearch answers once its task is done.
    indexing_client().tasks.get(task_id=task, wait_for_completion=True, timeout="60s")

    assert segments(live) == 1
    assert sorted(titles("tram line")) == [f"Tram line {i}" for i in range(4)]


@pytest.mark.django_db
def test_topic_pages_show_related_discussions_visitors_may_see(client, search_index, member):
    public = CategoryFactory(name="Open questions", slug="open-questions")
    lounge = CategoryFactory(name="Members lounge", slug="lounge", visibility=Category.Visibility.MEMBERS)
    topic = TopicFactory(category=public, title="Heat pump subsidies for social housing")
    TopicFactory(category=public, title="Designing heat pump subsidies for rural homes")
    TopicFactory(category=lounge, title="Heat pump subsidies: our internal evaluation")
    index_everything()

    def related(user=None):
        if user is not None:
            client.force_login(user)
        soup = BeautifulSoup(client.get(topic.get_absolute_url()).content, "html.parser")
        return [a.get_text() for a in soup.select(".related a")]

    assert related() == ["Designing heat pump subsidies for rural homes"]
    assert sorted(related(member)) == [
        "Designing heat pump subsidies for rural homes",
        "Heat pump subsidies: our internal evaluation",
    ]


@pytest.mark.django_db
def test_when_elasticsearch_hangs_the_library_answers_from_the_database_within_two_seconds(
    client, settings, home_page
):
    library_page, _ = ensure_library_structure()
    CaseStudyPageFactory(parent=library_page, title="Bus fleet")
    client.get("/library/")  # templates compiled, connections open: time the outage alone
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"

        started = time.monotonic()
        titles_shown = listing_titles(client, "/library/")

    assert time.monotonic() - started < 2
    assert titles_shown == ["Bus fleet"]

"""What people searching notice: typos, plurals, synonyms, exact titles, facets, permissions."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from lodestar.members.models import Organisation
from search import indexing
from search.models import SynonymGroup
from search.selectors import SearchRequest, related_documents, search_content, suggest_titles
from search.wordforms import stemmed
from tests.search.conftest import refresh
from tests.search.factories import member_organisation, synonyms

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

VISITOR = AnonymousUser()


def index_pending() -> None:
    """Index what the test's writes left in the outbox (no commit happens, so no task was sent)."""
    indexing.drain()
    refresh()


def search(query: str = "", user=VISITOR, **kwargs):
    return search_content(user=user, request=SearchRequest(query=query, **kwargs))


def plain(html) -> str:
    return str(html).replace("<mark>", "").replace("</mark>", "")


def titles(query: str, user=VISITOR, **kwargs) -> list[str]:
    return [plain(hit.title) for hit in search(query, user, **kwargs).hits]


@pytest.fixture
def library(search_index):
    for name, country in [
        ("Illustrative Agency for Decarbonisation", "CR"),
        ("Illustrative Strategy Unit", "PT"),
        ("Illustrative Net Zero Commission", "NZ"),
        ("Illustrative Office of the Nationally Determined Contribution", "CL"),
        ("Illustrative Forestry Board", "FI"),
    ]:
        member_organisation(name, country=country)
    index_pending()


def test_a_misspelt_word_finds_the_right_document(library):
    assert titles("decarbonisaton") == ["Illustrative Agency for Decarbonisation"]


def test_a_misspelt_word_ranks_the_word_most_documents_use_above_a_rare_lookalike(search_index):
    """'kelvarn' is one letter from 'kelvarin', which six offices have, and from 'kelvar', which
    one has: the rare word must not come first only for being rare (its lookalikes are weighed by
    the rarity of the commonest, as Elasticsearch's fuzzy match weighs them)."""
    for place in ["North", "South", "East", "West", "Upper", "Lower"]:
        member_organisation(f"Illustrative Kelvarin Office {place}")
    member_organisation("Illustrative Kelvar Office Central")
    index_pending()
    hits = search("kelvarn").hits
    assert [plain(hit.title) for hit in hits][-1] == "Illustrative Kelvar Office Central"
    assert len(hits) == 7
    assert "<mark>Kelvarin</mark>" in hits[0].title  # the title marks the word it was taken for


def test_a_plural_finds_the_singular(library):
    assert titles("strategies") == ["Illustrative Strategy Unit"]
    assert titles("boards") == ["Illustrative Forestry Board"]


def test_a_synonym_from_the_vocabulary_finds_the_other_term(library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # as a moderator's edit commits
        SynonymGroup.objects.all().delete()  # the seeded vocabulary already knows these
    assert titles("carbon neutrality") == []
    assert titles("NDC") == []
    with django_capture_on_commit_callbacks(execute=True):
        synonyms("net zero", "carbon neutrality", "climate neutrality")
        synonyms("NDC", "nationally determined contribution")

    assert titles("carbon neutrality") == ["Illustrative Net Zero Commission"]
    assert titles("NDC") == ["Illustrative Office of the Nationally Determined Contribution"]


def test_a_synonym_finds_only_documents_that_hold_all_of_it(search_index, django_capture_on_commit_callbacks):
    member_organisation("Illustrative Port Development Office for Low Emission Shipping", country="CL")
    member_organisation("Illustrative Low Emission Development Strategy Unit", country="PT")
    index_pending()
    with django_capture_on_commit_callbacks(execute=True):
        synonyms("LEDS", "low emission development strategy")

    # Three of the expansion's four words are no match for the acronym: only the whole of it is.
    assert titles("LEDS") == ["Illustrative Low Emission Development Strategy Unit"]
    # And the query's other words still count as they do without a synonym (enough of them).
    assert titles("LEDS unit Portugal") == ["Illustrative Low Emission Development Strategy Unit"]


def test_a_synonym_no_document_says_yet_finds_the_first_one_published_that_does(library):
    # A synonym is only looked for where the index holds its words (search.selectors._variant_reach),
    # and that is known again after every change the index shows, as the indexing task renews it.
    synonyms("kelp farm", "seaweed cultivation")
    assert titles("kelp farm") == []

    member_organisation("Illustrative Seaweed Cultivation Cooperative", country="CL")
    index_pending()
    indexing.renew_visitors_pages()

    assert titles("kelp farm") == ["Illustrative Seaweed Cultivation Cooperative"]


def test_an_exact_title_ranks_first(search_index):
    for name in ["Energy Agency Energy Agency Energy", "Energy Agency", "Energy and Climate Agency"]:
        member_organisation(name)
    index_pending()

    assert titles("energy agency")[0] == "Energy Agency"
    assert titles("Energy Agency Energy Agency Energy")[0] == "Energy Agency Energy Agency Energy"


def test_words_side_by_side_rank_above_scattered_ones(search_index):
    member_organisation("Transport Board for Climate and Energy")
    member_organisation("Climate Energy Board")
    index_pending()

    assert titles("climate energy")[0] == "Climate Energy Board"


def test_facet_counts_equal_the_filtered_database_counts(search_index):
    for i, (country, kind) in enumerate(
        [("PT", "city"), ("PT", "city"), ("PT", "business"), ("CL", "city"), ("FI", "national-government")]
        * 2
    ):
        member_organisation(f"Illustrative Climate Office {i}", country=country, kind=kind)
    member_organisation("Illustrative Office Without Members", country="PT", kind="city", members=0)
    index_pending()
    members_only = Organisation.objects.filter(profiles__isnull=False).distinct()

    results = search("climate office", filters={"actor_type": ("city",)})

    facets = {facet.name: {v.value: v.count for v in facet.values} for facet in results.facets}
    assert results.total == members_only.filter(actor_type__slug="city").count() == 6
    # Other facets count within the chosen filter...
    for code in ["PT", "CL"]:
        assert facets["countries"][code] == members_only.filter(actor_type__slug="city", country=code).count()
    # ...and the chosen facet keeps counting its other values, so people can widen the search.
    for slug in ["city", "business", "national-government"]:
        assert facets["actor_type"][slug] == members_only.filter(actor_type__slug=slug).count()
    assert facets["content_type"] == {"organisation": 6}
    labels = {v.value: v.label for facet in results.facets for v in facet.values}
    assert labels["PT"] == "Portugal" and labels["city"] == "City"


def test_facets_without_a_filter_count_every_match(search_index):
    for i, country in enumerate(["PT", "PT", "CL"]):
        member_organisation(f"Illustrative Heat Office {i}", country=country, kind="city")
    member_organisation("Illustrative Heat Ministry", country="FI", kind="national-government")
    member_organisation("Illustrative Water Office", country="PT", kind="city")  # does not match
    index_pending()

    results = search("heat")

    facets = {facet.name: {v.value: v.count for v in facet.values} for facet in results.facets}
    assert results.total == 4
    assert facets["countries"] == {"PT": 2, "CL": 1, "FI": 1}
    assert facets["actor_type"] == {"city": 3, "national-government": 1}
    assert not any(v.selected for facet in results.facets for v in facet.values)


def test_newest_first_lists_only_matching_documents_by_date(search_index):
    now = timezone.now()
    for name, days_ago in [
        ("Illustrative Tram Office", 30),
        ("Illustrative Tram Office for the Tram Network", 400),  # the best match, and the oldest
        ("Illustrative Tram Board", 2),
        ("Illustrative Canal Office", 0),  # newest, but does not match
    ]:
        organisation = member_organisation(name)
        Organisation.objects.filter(pk=organisation.pk).update(created_at=now - timedelta(days=days_ago))
    index_pending()

    assert titles("tram")[0] == "Illustrative Tram Office for the Tram Network"
    assert titles("tram", sort="date") == [
        "Illustrative Tram Board",
        "Illustrative Tram Office",
        "Illustrative Tram Office for the Tram Network",
    ]
    newest = search("tram", sort="date").hits[0]
    assert "<mark>Tram</mark>" in newest.title, "still highlighted"


def test_snippets_are_escaped_before_highlighting(search_index):
    member_organisation('Illustrative <script>alert("x")</script> Climate Lab')
    index_pending()

    hit = search("climate lab").hits[0]
    assert "<script>" not in hit.title
    assert "&lt;script&gt;" in hit.title
    assert "<mark>Climate</mark>" in hit.title


def test_visitors_never_see_members_only_documents(search_index, member):
    organisation = member_organisation("Illustrative Peer Learning Circle")
    index_pending()
    target = indexing.target_alias(indexing.indexes_behind(search_index)[0])
    members_only = {
        "content_type": "organisation",
        "object_id": "999999",
        "title": "Illustrative Peer Learning Notes",
        "stems": stemmed("Illustrative Peer Learning Notes"),  # as SearchDocument.source() adds them
        "visibility": "members",
        "shown_in": ["en", "fr", "es"],  # a document nobody translates: listed in every language
        "suggest": {"input": ["Illustrative Peer Learning Notes"]},
    }
    indexing.send_actions(
        [{"_op_type": "index", "_index": target, "_id": "organisation-999999", "_source": members_only}]
    )
    refresh()

    assert titles("peer learning") == [organisation.name]
    assert sorted(titles("peer learning", user=member)) == sorted([organisation.name, members_only["title"]])
    assert [s["title"] for s in suggest_titles(user=VISITOR, prefix="illustrative peer")] == [
        organisation.name
    ]
    assert len(suggest_titles(user=member, prefix="illustrative peer")) == 2


def test_did_you_mean_offers_the_spelling_that_exists(library):
    results = search("forrestry bord")

    assert results.did_you_mean == "forestry board"


def test_suggestions_complete_any_word_of_a_title(library):
    assert [s["title"] for s in suggest_titles(user=VISITOR, prefix="decarbon")] == [
        "Illustrative Agency for Decarbonisation"
    ]
    assert [s["title"] for s in suggest_titles(user=VISITOR, prefix="forsetry")] == [
        "Illustrative Forestry Board"
    ]


def test_pages_beyond_the_last_show_the_last_page(search_index):
    for i in range(5):
        member_organisation(f"Illustrative Grid Operator {i}")
    index_pending()

    results = search("grid operator", page=99, per_page=2)
    assert (results.page, results.pages, len(results.hits)) == (3, 3, 1)


def test_related_documents_share_words_and_respect_visibility(search_index):
    wind = member_organisation("Illustrative Offshore Wind Agency")
    member_organisation("Illustrative Offshore Wind Council")
    member_organisation("Illustrative Waste Board")
    index_pending()

    related = related_documents(user=VISITOR, document_type="organisation", object_id=wind.pk)

    assert [plain(hit.title) for hit in related][0] == "Illustrative Offshore Wind Council"
    assert wind.name not in [plain(hit.title) for hit in related]

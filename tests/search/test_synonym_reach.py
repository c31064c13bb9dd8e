"""Where a synonym variant is looked for: pure logic of search.selectors, no Elasticsearch.

That a variant finds what its synonym says (and only documents holding all of it) is tested
against Elasticsearch in test_relevance.py.
"""

from search import wordforms
from search.documents.base import LANGUAGES
from search.selectors import _variant_reach


def everything_known(*texts: str) -> set[tuple[str, str]]:
    return {(code, stem) for text in texts for code in LANGUAGES for stem in wordforms.stems(text, code)}


def test_a_variant_is_not_looked_for_where_it_stems_to_the_query_itself():
    known = everything_known("long-term strategy", "stratégie à long terme")

    french = "stratégie à long terme"
    reach = dict(_variant_reach("long-term strategy", {french: french}, known))

    # Folded and stemmed in English, "stratégie à long terme" is "long-term strategy": the query's
    # own clause finds those documents. French and Spanish stem it differently, so it is looked for there.
    assert "en" not in reach[french]
    assert "fr" in reach[french]


def test_a_variant_is_only_looked_for_where_the_index_holds_every_word_of_its_synonym():
    known = everything_known("low emission development") | everything_known("lts of chile")

    reach = dict(
        _variant_reach(
            "lts of chile",
            {"low emission development strategy of chile": "low emission development strategy"},
            known,
        )
    )

    assert reach["low emission development strategy of chile"] == ()  # no document says "strategy"

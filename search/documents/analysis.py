"""The text analysis of the content index, from Elasticsearch's server core only.

CI and the local node run the server without the analysis-common module (see docs/elasticsearch.md
in the shared docs): standard tokenizer, lowercase, stop words, hunspell stemming (en_US
dictionaries in the node's config dir, installed by scripts/services and by the production
Dockerfile), shingles for phrase relevance. Synonyms are expanded at query time (search.synonyms).
"""

from elasticsearch.dsl import Text, analyzer, token_filter

english_stop = token_filter("english_stop", "stop", stopwords="_english_")
english_hunspell = token_filter("english_hunspell", "hunspell", locale="en_US", dedup=True)
word_shingles = token_filter(
    "word_shingles", "shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=False
)
spelling_shingles = token_filter(
    "spelling_shingles", "shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=True
)

# Words reduced to their dictionary stem: "cities" finds "city", "strategies" finds "strategy".
english_text = analyzer(
    "english_text", tokenizer="standard", filter=["lowercase", english_stop, english_hunspell]
)
# Runs of two and three words, so documents that contain the query's words side by side rank higher.
phrase_shingles = analyzer("phrase_shingles", tokenizer="standard", filter=["lowercase", word_shingles])
# Real words and short phrases as people spell them, for "did you mean".
spelling = analyzer("spelling", tokenizer="standard", filter=["lowercase", spelling_shingles])


def searchable_text(**kwargs) -> Text:
    """A searchable text field with a shingled sub-field for phrase relevance."""
    return Text(
        analyzer=english_text,
        fields={"shingles": Text(analyzer=phrase_shingles)},
        copy_to=["all_text", "spell_all"],
        # Offsets in the postings let the highlighter find matches without re-analysing the text:
        # it halved search latency in the benchmark.
        index_options="offsets",
        **kwargs,
    )

"""The text analysis of the content index, from Elasticsearch's server core only.

CI and the local node run the server without the analysis-common module (see docs/elasticsearch.md
in the shared docs): standard tokenizer, lowercase, stop words, hunspell stemming (en_US
dictionaries in the node's config dir, installed by scripts/services and by the production
Dockerfile), shingles for phrase relevance. Synonyms are expanded at query time (search.synonyms);
Snowball stems and accent folding are computed in Python (search.wordforms), since the server core
has no stemmer, folding or synonym token filter.

French and Spanish (issue 15): the same chain with the fr_FR and es_ES dictionaries of Debian's
hunspell-fr and hunspell-es (installed alike by scripts/services and the Dockerfile) and Lucene's
French and Spanish stop words. The French dictionary strips elisions itself ("l'énergie" ->
"énergie"); the server core has no `elision` filter, and the elided articles it leaves of words
it does not know are stop words here. There is no `asciifolding` either: "strategie" meets
"stratégie" through the Python-folded stems fields (search.wordforms), which decide what matches.
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

french_stop = token_filter("french_stop", "stop", stopwords="_french_")
# Elided articles and pronouns the dictionary did not take off ("l'ostmark" stays one token; "l", "qu"
# come alone after a typographic apostrophe the tokenizer splits on), and "à", missing from Lucene's list.
french_elided = token_filter(
    "french_elided",
    "stop",
    stopwords=["à", "c", "d", "j", "l", "m", "n", "qu", "s", "t", "jusqu", "lorsqu", "puisqu"],
)
french_hunspell = token_filter("french_hunspell", "hunspell", locale="fr_FR", dedup=True)
spanish_stop = token_filter("spanish_stop", "stop", stopwords="_spanish_")
spanish_hunspell = token_filter("spanish_hunspell", "hunspell", locale="es_ES", dedup=True)

# Words reduced to their dictionary stem: "cities" finds "city", "strategies" finds "strategy".
english_text = analyzer(
    "english_text", tokenizer="standard", filter=["lowercase", english_stop, english_hunspell]
)
french_text = analyzer(
    "french_text", tokenizer="standard", filter=["lowercase", french_stop, french_elided, french_hunspell]
)
spanish_text = analyzer(
    "spanish_text", tokenizer="standard", filter=["lowercase", spanish_stop, spanish_hunspell]
)
LANGUAGE_ANALYZERS = {"fr": french_text, "es": spanish_text}
# Runs of two and three words, so documents that contain the query's words side by side rank higher.
phrase_shingles = analyzer("phrase_shingles", tokenizer="standard", filter=["lowercase", word_shingles])
# Stems computed in Python (search.wordforms) at index and query time: only split and lower-cased here.
stems_text = analyzer("stems_text", tokenizer="standard", filter=["lowercase"])
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

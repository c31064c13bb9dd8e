"""Word forms that meet: the stems of a text, computed in Python at index and at query time.

Why Python and not an Elasticsearch token filter: the server runs without its analysis-common
module (see search/documents/analysis.py), so the `snowball`, `stemmer`, `asciifolding` and
`synonym` filters do not exist on the test node, and a plugin would differ between the test node
and the official image. Hunspell (which the server core has) only knows dictionary words and does
not conflate derivations (transport/transportation, agriculture/agricultural). The Snowball English
(Porter2) stemmer of PyStemmer, the Snowball project's own C implementation, does, and gives the
same stems wherever the Python code runs: documents get a `stems` field holding the stems of their
words (analysed by Elasticsearch only with the standard tokenizer and lowercase), and each query is
stemmed by the same function before it is sent. Measured with the relevance bench (tests/relevance):
see README, "Search".

Before stemming, words are folded to ASCII ("São" meets "Sao", "stratégie" meets "strategie")
and British spellings normalised to American (decarbonisation/decarbonization,
modelling/modeling, centre/center), so both spellings give one stem.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import Stemmer

_STEMMER = Stemmer.Stemmer("english")
_WORD = re.compile(r"\w+", re.UNICODE)

# Words that carry no meaning in a search of this library: Elasticsearch's English stop words plus
# the question words of queries typed as sentences ("how can we ...", "what tools ...").
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
        "how",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "when",
        "where",
        "do",
        "does",
        "did",
        "done",
        "can",
        "could",
        "should",
        "would",
        "may",
        "might",
        "must",
        "shall",
        "we",
        "our",
        "ours",
        "us",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "he",
        "she",
        "his",
        "her",
        "its",
        "them",
        "those",
        "have",
        "has",
        "had",
        "having",
        "been",
        "being",
        "am",
        "were",
        "from",
        "about",
        "than",
        "so",
        "some",
        "any",
        "other",
        "others",
        "get",
        "got",
        "let",
    ]
)

# -ise/-isation words that are not British spellings of -ize words.
_NOT_BRITISH = frozenset(
    [
        "advise",
        "advised",
        "advises",
        "advising",
        "arise",
        "arises",
        "arising",
        "comprise",
        "comprised",
        "comprises",
        "comprising",
        "compromise",
        "compromised",
        "compromises",
        "devise",
        "devised",
        "enterprise",
        "enterprises",
        "exercise",
        "exercised",
        "exercises",
        "expertise",
        "franchise",
        "franchises",
        "improvise",
        "merchandise",
        "noise",
        "otherwise",
        "precise",
        "premise",
        "premises",
        "promise",
        "promised",
        "promises",
        "raise",
        "raised",
        "raises",
        "raising",
        "praise",
        "revise",
        "revised",
        "revises",
        "revision",
        "rise",
        "rises",
        "rising",
        "supervise",
        "supervised",
        "supervises",
        "surprise",
        "surprised",
        "surprises",
        "televise",
        "wise",
        "likewise",
        "concise",
        "treatise",
        "disguise",
        "paradise",
        "cruise",
        "bruise",
        "demise",
        "excise",
        "incise",
        "circumcise",
        "despise",
        "chemise",
        "reprise",
        "poise",
    ]
)
_ISE = re.compile(r"^(\w{3,})is(e|es|ed|ing|er|ers|ation|ations|ational)$")
_WHOLE_WORDS = {
    "centre": "center",
    "centres": "centers",
    "metre": "meter",
    "metres": "meters",
    "litre": "liter",
    "litres": "liters",
    "programme": "program",
    "programmes": "programs",
    "labour": "labor",
    "colour": "color",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbourhood": "neighborhood",
    "neighbourhoods": "neighborhoods",
    "favour": "favor",
    "tonne": "ton",
    "tonnes": "tons",
    "tyre": "tire",
    "tyres": "tires",
    "aluminium": "aluminum",
    "fibre": "fiber",
    "sulphur": "sulfur",
    "catalogue": "catalog",
    "defence": "defense",
    "licence": "license",
    "grey": "gray",
    "buses": "bus",  # Porter2 leaves "buse"
    "busses": "bus",
}
# Doubled consonants before -ing/-ed/-er in British spelling (modelling, travelled, fuelling).
_DOUBLED_L = re.compile(r"^(\w{2,}[aeiou])ll(ing|ed|er|ers)$")


def fold(text: str) -> str:
    """Lower case without accents: "São Bento" -> "sao bento"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def american(word: str) -> str:
    """The American spelling of a (folded, lower-case) British word; other words unchanged."""
    if word in _WHOLE_WORDS:
        return _WHOLE_WORDS[word]
    if word not in _NOT_BRITISH:
        match = _ISE.match(word)
        if match:
            return f"{match.group(1)}iz{match.group(2)}"
    match = _DOUBLED_L.match(word)
    if match:
        return f"{match.group(1)}l{match.group(2)}"
    return word


def words(text: str) -> list[str]:
    """The folded words of a text, stop words included, in order."""
    return _WORD.findall(fold(text))


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of one folded word (cached: a corpus has far fewer distinct words than words)."""
    return _STEMMER.stemWord(american(word))


def stems(text: str) -> list[str]:
    """The stems of a text's meaningful words, in order (stop words left out)."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def stemmed(text: str) -> str:
    """The stems of a text as one string: what the `stems` fields hold and what queries send there."""
    return " ".join(stems(text))

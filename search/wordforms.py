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

French and Spanish (issue 15): the same, with the Snowball French and Spanish stemmers of the same
library, on the same folded words (folding before stemming is what makes "stratégie" and
"strategie" one stem; it changes a few Snowball stems, identically at index and at query time).
Splitting on every non-word character takes French elisions apart ("l'énergie" -> "l", "energie")
and the elided articles are stop words. The French and Spanish stop words are function words only,
none of them an English word a practitioner would search for ("plus", "son", "hay" are left out),
so that a query is cleaned of them whatever the interface language.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

import Stemmer

LANGUAGES = ("en", "fr", "es")  # the languages documents are indexed in (site/languages.py)
_STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}
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

# French function words, folded (so "a" stands for "à" too), with the elided l', d', qu', j', ...
FRENCH_STOP_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "c",
        "ce",
        "ces",
        "cet",
        "cette",
        "comment",
        "d",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "elles",
        "en",
        "est",
        "et",
        "etre",
        "eux",
        "ete",
        "il",
        "ils",
        "j",
        "je",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "m",
        "ma",
        "mais",
        "me",
        "mes",
        "moi",
        "n",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ont",
        "ou",
        "par",
        "pas",
        "pourquoi",
        "qu",
        "quand",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "qui",
        "quoi",
        "s",
        "sa",
        "sans",
        "se",
        "ses",
        "si",
        "sont",
        "sur",
        "t",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
    ]
)
# Spanish function words, folded ("como" stands for "cómo", "que" for "qué").
SPANISH_STOP_WORDS = frozenset(
    [
        "a",
        "al",
        "como",
        "con",
        "cual",
        "cuales",
        "cuando",
        "de",
        "del",
        "donde",
        "e",
        "el",
        "ella",
        "ellas",
        "ellos",
        "en",
        "es",
        "esa",
        "esas",
        "ese",
        "esos",
        "esta",
        "estan",
        "estas",
        "este",
        "estos",
        "fue",
        "ha",
        "han",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "me",
        "mi",
        "mis",
        "muy",
        "nos",
        "nosotros",
        "o",
        "para",
        "pero",
        "por",
        "porque",
        "que",
        "quien",
        "quienes",
        "se",
        "ser",
        "si",
        "su",
        "sus",
        "tambien",
        "te",
        "tu",
        "tus",
        "u",
        "un",
        "una",
        "unas",
        "uno",
        "unos",
        "y",
        "ya",
    ]
)
# What a query is cleaned of, whatever the interface language: a French or Spanish question ("la
# stratégie de la ville") must not ask documents to contain "de" and "la".
QUERY_STOP_WORDS = STOP_WORDS | FRENCH_STOP_WORDS | SPANISH_STOP_WORDS

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


@functools.cache
def _without_combining_marks() -> dict[int, None]:
    """A str.translate table that deletes every combining mark (accents once decomposed)."""
    return {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))}


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.lru_cache(maxsize=10_000)
def _fold_not_ascii(run: str) -> str:
    return unicodedata.normalize("NFKD", run).translate(_without_combining_marks())


def fold(text: str) -> str:
    """Lower case without accents: "São Bento" -> "sao bento".

    Only the runs of non-ASCII characters are decomposed and stripped of their marks, each once
    per process: a rebuild folds every document's whole text, which is mostly ASCII, and folding
    all of it was an eighth of building a document (tests/bench/search_bench.py, rebuild). The
    result is the same: decomposition works character by character, and every combining mark,
    whatever its order after decomposition, is removed. (Lower case is applied to the whole text
    first: a Greek capital sigma's lower case depends on its neighbours.)
    """
    text = text.lower()
    if text.isascii():
        return text
    return _NOT_ASCII.sub(lambda run: _fold_not_ascii(run.group()), text)


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


class _StemsOf(dict):
    """Each folded word's stem in one language, computed once per process: a corpus has far fewer
    distinct words than words, and a rebuild looks up every word of every document, for which a
    plain dictionary read costs two thirds of a functools cache's. Emptied when it holds MOST words, so
    that memory stays bounded."""

    MOST = 100_000

    def __init__(self, stem_word):
        super().__init__()
        self._stem_word = stem_word

    def __missing__(self, word: str) -> str:
        if len(self) >= self.MOST:
            self.clear()
        found = self[word] = self._stem_word(word)
        return found


_STEMS = {
    "en": _StemsOf(lambda word: _STEMMER.stemWord(american(word))),
    **{code: _StemsOf(Stemmer.Stemmer(name).stemWord) for code, name in _STEMMERS.items() if code != "en"},
}


def stem(word: str) -> str:
    """The stem of one folded word, in English."""
    return _STEMS["en"][word]


def stem_in(word: str, language: str) -> str:
    """The stem of one folded word in a language's Snowball stemmer (English: stem())."""
    return _STEMS[language][word]


def stop_words(language: str) -> frozenset[str]:
    """The words a language's stems field leaves out: English's own, or every language's function
    words for French and Spanish (their fields also hold other languages' labels)."""
    return STOP_WORDS if language == "en" else QUERY_STOP_WORDS


def stems(text: str, language: str = "en") -> list[str]:
    """The stems of a text's meaningful words, in order (stop words left out)."""
    return stems_of_words(words(text), language)


def stems_of_words(folded: list[str], language: str = "en") -> list[str]:
    """stems() of words already split and folded (words()): for a text stemmed in several languages."""
    leave_out, stems_of = stop_words(language), _STEMS[language]
    return [stems_of[word] for word in folded if word not in leave_out]


def stemmed(text: str, language: str = "en") -> str:
    """The stems of a text as one string: what the `stems` fields hold and what queries send there."""
    return " ".join(stems(text, language))

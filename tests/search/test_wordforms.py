"""Word forms that meet (search.wordforms): the stems documents and queries are matched on."""

import unicodedata

import pytest

from search.wordforms import fold, stemmed


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("transportation", "transport"),
        ("retrofitting", "retrofit"),
        ("retrofitted", "retrofit"),
        ("agricultural", "agriculture"),
        ("modelling", "modeling"),
        ("modelled", "model"),
        ("decarbonisation", "decarbonization"),
        ("optimisation", "optimization"),
        ("neighbourhood", "neighborhood"),
        ("centre", "center"),
        ("insulated", "insulation"),
        ("electric buses", "electric bus"),
        ("Sao Bento", "São Bento"),
        ("strategie", "stratégie"),
    ],
)
def test_forms_of_a_word_and_its_spellings_meet(typed, written):
    assert stemmed(typed) == stemmed(written)


def test_different_words_stay_apart():
    assert stemmed("exercise") != stemmed("exercize")  # not a British -ise word: left as written
    assert stemmed("transport") != stemmed("transit")
    assert stemmed("cake") != stemmed("case")


def test_question_words_do_not_count():
    assert stemmed("how can we retrofit the homes of a city") == stemmed("retrofit homes city")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("São Bento — Zürich", "sao bento — zurich"),
        ("e\u0301cole", "ecole"),  # already decomposed (as some systems paste it): the mark goes too
        ("Stratégie nationale", "strategie nationale"),
        ("ﬁnance", "finance"),  # a ligature, as PDFs carry them
        ("ΟΔΟΣ ΣΑΣ", "οδος σας"),  # a final sigma is lower-cased by its place in the word
        ("Plan Estratégico 2050", "plan estrategico 2050"),
    ],
)
def test_text_is_folded_to_lower_case_without_accents(text, folded):
    assert fold(text) == folded
    # The same as decomposing the whole text and dropping every combining mark.
    whole = unicodedata.normalize("NFKD", text.lower())
    assert fold(text) == "".join(c for c in whole if not unicodedata.combining(c))

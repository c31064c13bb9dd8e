"""Word forms that meet (search.wordforms): the stems documents and queries are matched on."""

import pytest

from search.wordforms import stemmed


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

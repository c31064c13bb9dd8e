"""The relevance metrics on rankings small enough to compute by hand."""

import math

import pytest

from tests.relevance.metrics import (
    dcg,
    mean,
    must_haves_missing,
    ndcg_at,
    recall_at,
    reciprocal_rank,
    unique_in_order,
)

GRADES = {"a": 3, "b": 2, "c": 1}


def test_a_perfect_ranking_scores_one_and_a_reversed_one_less():
    assert ndcg_at(["a", "b", "c"], GRADES) == pytest.approx(1.0)
    reversed_ = ndcg_at(["c", "b", "a"], GRADES)
    # DCG of gains 1, 3, 7 at positions 1..3 over the ideal 7, 3, 1.
    expected = (1 + 3 / math.log2(3) + 7 / 2) / (7 + 3 / math.log2(3) + 1 / 2)
    assert reversed_ == pytest.approx(expected)
    assert reversed_ < 1


def test_ndcg_counts_only_the_top_k_and_unjudged_documents_push_down():
    assert ndcg_at(["x", "a"], {"a": 3}, k=1) == 0.0
    assert ndcg_at(["x", "a"], {"a": 3}, k=2) == pytest.approx(1 / math.log2(3))
    assert ndcg_at(["a", "x", "b", "c"], GRADES, k=10) < 1


def test_ndcg_is_undefined_without_graded_documents():
    assert ndcg_at(["a", "b"], {}) is None


def test_dcg_uses_exponential_gain_and_log_discount():
    assert dcg([3]) == 7
    assert dcg([0, 2]) == pytest.approx(3 / math.log2(3))


def test_reciprocal_rank_finds_the_first_relevant_document():
    # "c" is only partly relevant: the first relevant document is "b", third.
    assert reciprocal_rank(["c", "x", "b", "a"], GRADES) == pytest.approx(1 / 3)
    assert reciprocal_rank(["c", "x", "b", "a"], GRADES, min_grade=1) == 1.0
    assert reciprocal_rank(["x", "y"], GRADES) == 0.0
    assert reciprocal_rank(["x"], {"c": 1}) is None


def test_recall_counts_graded_documents_in_the_top_k():
    assert recall_at(["a", "x", "c"], GRADES, k=20) == pytest.approx(2 / 3)
    assert recall_at(["x", "a"], GRADES, k=1) == 0.0
    assert recall_at(["a", "b"], GRADES, k=20, min_grade=2) == 1.0
    assert recall_at(["a"], {}) is None


def test_a_must_have_below_the_top_five_is_missing():
    ranking = ["x1", "x2", "b", "x3", "x4", "a"]
    assert must_haves_missing(ranking, GRADES) == ["a"]
    assert must_haves_missing(["a", *ranking], GRADES) == []
    assert must_haves_missing([], {"c": 1}) == []


def test_with_more_must_haves_than_places_the_top_five_must_be_all_must_haves():
    grades = dict.fromkeys("abcdefg", 3)
    assert must_haves_missing(list("abcdefg"), grades) == []
    assert must_haves_missing(list("abcdxefg"), grades) == ["e", "f", "g"]


def test_a_ranking_is_read_once_per_document_and_unknown_hits_keep_their_place():
    assert unique_in_order(["a", "a", None, "b", "a"]) == ["a", "<unjudged 2>", "b"]
    assert reciprocal_rank(unique_in_order([None, "a"]), GRADES) == 0.5


def test_mean_leaves_undefined_values_out():
    assert mean([1.0, None, 0.0]) == 0.5
    assert mean([None]) is None

"""Relevance metrics of the suite: pure functions of a ranking (document keys, best first) and grades.

Grades are those of judgements.json: 3 = must-have, 2 = relevant, 1 = partly relevant, absent = not
relevant. A query without any graded document (a nonsense query) has no nDCG, reciprocal rank or
recall: those functions answer None and averages leave it out; such queries are judged by whether
they return anything at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

MUST_HAVE = 3
RELEVANT = 2


def unique_in_order(keys: Iterable[str | None]) -> list[str]:
    """The ranking as a person reads it: each document once, at its best place; unknown hits (None) kept
    out of the judged keys but still taking their place, so that junk pushes relevant documents down."""
    seen: set[str] = set()
    ranking: list[str] = []
    for position, key in enumerate(keys):
        if key is None:
            ranking.append(f"<unjudged {position}>")
        elif key not in seen:
            seen.add(key)
            ranking.append(key)
    return ranking


def _gain(grade: int) -> float:
    """Exponential gain (2^grade - 1): a must-have is worth more than two 'relevant' documents."""
    return 2.0**grade - 1.0


def dcg(grades_in_order: Sequence[int]) -> float:
    return sum(_gain(g) / math.log2(position + 2) for position, g in enumerate(grades_in_order))


def ndcg_at(ranking: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float | None:
    """DCG of the top k divided by the DCG of the ideal top k (every graded document, best grades first)."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return None
    return dcg([grades.get(key, 0) for key in ranking[:k]]) / ideal


def reciprocal_rank(
    ranking: Sequence[str], grades: Mapping[str, int], min_grade: int = RELEVANT
) -> float | None:
    """1 / the position of the first document graded min_grade or more (0 when none is ranked)."""
    if not any(g >= min_grade for g in grades.values()):
        return None
    for position, key in enumerate(ranking, start=1):
        if grades.get(key, 0) >= min_grade:
            return 1.0 / position
    return 0.0


def recall_at(
    ranking: Sequence[str], grades: Mapping[str, int], k: int = 20, min_grade: int = 1
) -> float | None:
    """The share of the documents graded min_grade or more that are in the top k."""
    wanted = {key for key, g in grades.items() if g >= min_grade}
    if not wanted:
        return None
    return len(wanted & set(ranking[:k])) / len(wanted)


def must_haves_missing(ranking: Sequence[str], grades: Mapping[str, int], k: int = 5) -> list[str]:
    """Must-have documents that should be in the top k and are not.

    With more must-haves than k, the top k should hold k of them (any k): then nothing is missing;
    otherwise the must-haves left out are returned (sorted, for stable reports).
    """
    must = {key for key, g in grades.items() if g >= MUST_HAVE}
    top = set(ranking[:k])
    if len(must & top) >= min(k, len(must)):
        return []
    return sorted(must - top)


def mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None

"""Query-time synonym expansion from the moderators' vocabulary (SynonymGroup snippets).

A query that contains a term of a group is also run with that term replaced by each other term of
the group ("net zero transport" also runs as "carbon neutrality transport"). A term is found as
written or in another form of its words ("electric cars" contains "electric car", search.wordforms).
The groups are cached and the cache is cleared whenever a moderator's change to one is committed.
"""

from __future__ import annotations

import contextlib
import functools
import re
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lodestar import visitor_cache

from . import wordforms
from .models import SynonymGroup, normalise_term

CACHE_KEY = "search:synonym-groups:v1"
MAX_VARIANTS = 8


def synonym_groups(cached: list[list[str]] | None = None) -> list[list[str]]:
    """The groups, from the cache (or `cached`, what the caller read from it already) or the database."""
    groups = cached
    if groups is None:
        try:
            groups = cache.get(CACHE_KEY)
        except Exception:  # noqa: BLE001 - the cache (Redis) being down must not break search
            groups = None
    if groups is None:
        groups = [[normalise_term(t) for t in group.term_list] for group in SynonymGroup.objects.all()]
        with contextlib.suppress(Exception):  # as above; the next query reads the database again
            cache.set(CACHE_KEY, groups, 60 * 60)
    return groups


@receiver([post_save, post_delete], sender=SynonymGroup, dispatch_uid="search:synonyms-changed")
def _forget_groups(**kwargs) -> None:
    transaction.on_commit(_groups_changed)


def _groups_changed() -> None:
    """Once the change is committed (a search reading the groups before then still finds the old
    ones, and would cache them again), forget the cached groups, then the searches' plans.

    In that order: a search that reads the new generation finds no groups cached and reads the new
    ones (search.selectors caches each query's plan, synonyms included, per generation).
    """
    cache.delete(CACHE_KEY)  # a failure here is loud on purpose: stale synonyms would be silent
    visitor_cache.bump_generation()


@functools.lru_cache(maxsize=4096)
def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)")


@functools.lru_cache(maxsize=4096)
def _term_stems(term: str) -> tuple[str, ...]:
    """A term's stems, worked out once per process (every search compares them with every group's)."""
    return tuple(wordforms.stem(word) for word in wordforms.words(term))


def _stem_position(stems: list[str], term_stems: tuple[str, ...]) -> int | None:
    n = len(term_stems)
    for i in range(len(stems) - n + 1):
        if n and tuple(stems[i : i + n]) == term_stems:
            return i
    return None


class Expansion(NamedTuple):
    """One other phrasing of a query: its text, and the synonym put in place of the query's term."""

    text: str
    synonym: str


def expand(query: str, groups: list[list[str]] | None = None) -> list[str]:
    """Other phrasings of the query, one per synonym of each term it contains (at most MAX_VARIANTS).

    `groups`: the synonym groups if the caller has them (search.selectors reads them from the cache
    together with other keys, in one round trip).
    """
    return [expansion.text for expansion in expansions(query, groups)]


def expansions(query: str, groups: list[list[str]] | None = None) -> list[Expansion]:
    """expand(), each phrasing with the synonym it puts in (which a match must hold in full)."""
    text = normalise_term(query)
    words = wordforms.words(text)
    stems = [wordforms.stem(word) for word in words]
    found: dict[str, str] = {}

    def add(variant: str, synonym: str) -> None:
        if variant != text:
            found.setdefault(variant, synonym)

    for group in synonym_groups(groups):
        by_length = sorted(group, key=len, reverse=True)  # "long-term strategy" before "lts"
        for term in by_length:
            pattern = _pattern(term)
            if pattern.search(text):
                for other in group:
                    if other != term:
                        add(pattern.sub(other, text), other)
                break
        else:  # not as written: in other word forms?
            for term in by_length:
                term_stems = _term_stems(term)
                at = _stem_position(stems, term_stems)
                if at is not None:
                    for other in group:
                        if other != term:
                            add(" ".join([*words[:at], other, *words[at + len(term_stems) :]]), other)
                    break
        if len(found) >= MAX_VARIANTS:
            break
    return [Expansion(text, synonym) for text, synonym in list(found.items())[:MAX_VARIANTS]]

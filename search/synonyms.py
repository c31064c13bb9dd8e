"""Query-time synonym expansion from the moderators' vocabulary (SynonymGroup snippets).

A query that contains a term of a group is also run with that term replaced by each other term of
the group ("net zero transport" also runs as "carbon neutrality transport"). The groups are cached
and the cache is cleared whenever a moderator saves or deletes one.
"""

from __future__ import annotations

import contextlib
import re

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import SynonymGroup, normalise_term

CACHE_KEY = "search:synonym-groups:v1"
MAX_VARIANTS = 8


def synonym_groups() -> list[list[str]]:
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
    cache.delete(CACHE_KEY)  # a failure here is loud on purpose: stale synonyms would be silent


def _pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)")


def expand(query: str) -> list[str]:
    """Other phrasings of the query, one per synonym of each term it contains (at most MAX_VARIANTS)."""
    text = normalise_term(query)
    variants: list[str] = []
    for group in synonym_groups():
        for term in sorted(group, key=len, reverse=True):  # "long-term strategy" before "lts"
            pattern = _pattern(term)
            if pattern.search(text):
                for other in group:
                    if other != term:
                        variant = pattern.sub(other, text)
                        if variant not in variants and variant != text:
                            variants.append(variant)
                break
        if len(variants) >= MAX_VARIANTS:
            break
    return variants[:MAX_VARIANTS]

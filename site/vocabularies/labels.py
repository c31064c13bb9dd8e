"""Terms' names in every interface language, by slug, without a query per page or per document.

The search page's facets and every search document show or carry terms by slug; vocabularies are
short and rarely edited, so each process reads a vocabulary's names once per NAMES_TTL (as
cases.filters.term_names does for the English names), and a slug not seen yet at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.db import models
from django.utils import translation

from .models import TRANSLATED_LANGUAGES

NAMES_TTL = 30.0  # seconds a process shows (and indexes) a renamed term by its old name at most
_FIELDS = ("slug", "name", *(f"name_{code}" for code in TRANSLATED_LANGUAGES))
_names: dict[type[models.Model], tuple[float, dict[str, dict[str, str]]]] = {}


def forget() -> None:
    """Read terms' names afresh: indexing does so per batch, so a renamed term is indexed as renamed."""
    _names.clear()


def _by_language(row: tuple) -> dict[str, str]:
    slug, name, *translated = row
    names = {"en": name}
    names.update({code: value or name for code, value in zip(TRANSLATED_LANGUAGES, translated, strict=True)})
    return names


def _all_names(vocabulary: type[models.Model], slugs: list[str]) -> dict[str, dict[str, str]]:
    now = time.monotonic()
    read_at, names = _names.get(vocabulary, (-NAMES_TTL, {}))
    if now - read_at > NAMES_TTL:
        names = {row[0]: _by_language(row) for row in vocabulary.objects.values_list(*_FIELDS)}
        _names[vocabulary] = (now, names)
    missing = [slug for slug in slugs if slug not in names]
    if missing:  # added since: read just those
        rows = vocabulary.objects.filter(slug__in=missing).values_list(*_FIELDS)
        names.update({row[0]: _by_language(row) for row in rows})
    return names


def term_labels(
    vocabulary: type[models.Model], slugs: Iterable[str], language: str | None = None
) -> dict[str, str]:
    """Each term's name in `language` (default: the interface language), English where untranslated."""
    slugs = list(slugs)
    code = (language or translation.get_language() or "en").split("-")[0].lower()
    names = _all_names(vocabulary, slugs)
    return {slug: names[slug].get(code, names[slug]["en"]) for slug in slugs if slug in names}


def term_labels_everywhere(vocabulary: type[models.Model], slugs: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each term's names by language code (en, fr, es): what search documents carry as text."""
    slugs = list(slugs)
    names = _all_names(vocabulary, slugs)
    return {slug: names[slug] for slug in slugs if slug in names}

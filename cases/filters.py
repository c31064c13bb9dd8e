"""The library's filters, declared once: what each is called, where its values live, how it reads.

Every reader takes them from here: the listing forms (cases.forms), the PostgreSQL listings and
CSV exports (cases.selectors, cases.export), the search documents' keyword fields, the listings
served by search (search.listings) and the search page's facet labels (search.selectors).
Adding a filter is one entry in FILTERS (plus the migration of the field it reads, if new): it
then appears in the listing form of each content type it names, filters the database and the
index the same way, gets its facet and its CSV column (described in cases/open_data.py).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from lodestar.vocabularies import models as vocabularies

from .fields import Cost

CASE_STUDY = "case_study"  # the content types, named as the search documents name them
TOOL = "tool"
COUNTRIES = "countries"  # the source of a filter on django-countries' codes


@dataclass(frozen=True)
class Use:
    """How one content type stores a filter's values."""

    lookup: str  # the page model's field (a foreign key, many-to-many, choice or country field)
    column: str  # the CSV column
    listing: bool = True  # offered on the content type's listing page (else only a search facet)


@dataclass(frozen=True)
class Filter:
    param: str  # the query-string parameter and form field of the listing
    label: str  # what people read, on listings and search facets
    index_field: str  # the keyword field of the search documents
    source: type[models.Model] | type[models.TextChoices] | str  # a vocabulary, choices or COUNTRIES
    uses: dict[str, Use] = field(default_factory=dict)  # content type -> how it stores the values

    @property
    def vocabulary(self) -> type[models.Model] | None:
        """The controlled vocabulary whose terms (by slug) are the values, if any."""
        if isinstance(self.source, type) and issubclass(self.source, models.Model):
            return self.source
        return None

    @property
    def choices(self) -> list[tuple[str, str]] | None:
        """Fixed (value, label) choices, if the values are a TextChoices."""
        if isinstance(self.source, type) and issubclass(self.source, models.Choices):
            return list(self.source.choices)
        return None

    @property
    def is_countries(self) -> bool:
        return self.source == COUNTRIES

    # --- The listing form

    def form_field(self, country_codes=()) -> forms.Field:
        if self.vocabulary is not None:
            return forms.ModelChoiceField(
                queryset=self.vocabulary.objects.all(),
                to_field_name="slug",
                required=False,
                label=self.label,
                empty_label=_("Any"),
            )
        if self.is_countries:
            names = dict(all_countries)
            found = sorted(((code, names.get(code, code)) for code in country_codes), key=lambda c: c[1])
            return forms.ChoiceField(choices=[("", _("Any")), *found], required=False, label=self.label)
        return forms.ChoiceField(choices=[("", _("Any")), *self.choices], required=False, label=self.label)

    # --- PostgreSQL

    def apply(self, queryset, kind: str, value):
        """`queryset` narrowed to the pages with `value` (a term, a choice or a country code)."""
        lookup = self.uses[kind].lookup
        if self.is_countries:
            # django-countries stores a comma-separated list of two-letter codes.
            return queryset.filter(**{f"{lookup}__regex": rf"(^|,){value}(,|$)"})
        return queryset.filter(**{lookup: value})

    # --- The CSV

    def csv_value(self, obj, kind: str) -> str:
        """The page's values as the CSV writes them: names of terms, choice labels, country codes."""
        lookup = self.uses[kind].lookup
        value = getattr(obj, lookup)
        if self.is_countries:
            return "; ".join(country.code for country in value)
        if self.vocabulary is not None:
            if obj._meta.get_field(lookup).many_to_many:
                return "; ".join(term.name for term in value.all())
            return value.name if value is not None else ""
        return dict(self.choices).get(value, value or "")

    # --- Search

    def value_labels(self, values: Iterable[str]) -> dict[str, str]:
        """What people read for each value: a term's name, a choice's label, a country's name.

        The search page's facets show these, and search documents carry them as searchable text
        (a search for "Transport" or "Chile" finds what is filed under them).
        """
        if self.vocabulary is not None:
            return term_names(self.vocabulary, values)
        if self.is_countries:
            language = translation.get_language()
            return {code: _country_name(code, language) for code in values}
        labels = dict(self.choices or [])  # in the interface's language, as plain text (JSON, the index)
        return {value: str(labels.get(value, value)) for value in values}


@functools.lru_cache(maxsize=4096)
def _country_name(code: str, language: str | None) -> str:
    """A country's name in a language, looked up once per process (they change with a release only):
    a search page names up to fifty countries in its facet, and looking them up was half its facets' time."""
    return all_countries.name(code) or code


NAMES_TTL = 30.0  # seconds a process shows (and indexes) a renamed term by its old name at most
_names: dict[type[models.Model], tuple[float, dict[str, str]]] = {}


def forget_term_names() -> None:
    """Read terms' names afresh: indexing does so per batch, so a renamed term is indexed as renamed."""
    _names.clear()


def term_names(vocabulary: type[models.Model], slugs: Iterable[str]) -> dict[str, str]:
    """Names of a vocabulary's terms by slug, read once per NAMES_TTL per process.

    Vocabularies are short and rarely edited; a search page or a rebuild would otherwise spend a
    query per facet or per document. A term not seen yet (just added) is read at once.
    """
    slugs, now = list(slugs), time.monotonic()
    read_at, names = _names.get(vocabulary, (-NAMES_TTL, {}))
    if now - read_at > NAMES_TTL:
        names, read_at = dict(vocabulary.objects.values_list("slug", "name")), now
        _names[vocabulary] = (read_at, names)
    missing = [slug for slug in slugs if slug not in names]
    if missing:  # added since: read just those
        names.update(vocabulary.objects.filter(slug__in=missing).values_list("slug", "name"))
    return {slug: names[slug] for slug in slugs if slug in names}


# In the order of the listing forms' fields and the search page's facets.
FILTERS: tuple[Filter, ...] = (
    Filter(
        "sector",
        _("Sector"),
        "sectors",
        vocabularies.Sector,
        {CASE_STUDY: Use("sectors", "sectors"), TOOL: Use("sectors", "sectors")},
    ),
    Filter(
        "actor_type",
        _("Actor type"),
        "actor_type",
        vocabularies.ActorType,
        {CASE_STUDY: Use("actor_type", "actor_type")},
    ),
    Filter("country", _("Country"), "countries", COUNTRIES, {CASE_STUDY: Use("countries", "countries")}),
    Filter(
        "tool_type", _("Tool type"), "tool_type", vocabularies.ToolType, {TOOL: Use("tool_type", "tool_type")}
    ),
    Filter(
        "stage",
        _("Strategy stage"),
        "strategy_stage",
        vocabularies.StrategyStage,
        {
            CASE_STUDY: Use("strategy_stage", "strategy_stage"),
            TOOL: Use("strategy_stages", "strategy_stages"),
        },
    ),
    Filter(
        "co_benefit",
        _("Co-benefit"),
        "co_benefits",
        vocabularies.CoBenefit,
        {CASE_STUDY: Use("co_benefits", "co_benefits", listing=False)},
    ),
    Filter(
        "policy_instrument",
        _("Policy instrument"),
        "policy_instruments",
        vocabularies.PolicyInstrument,
        {CASE_STUDY: Use("policy_instruments", "policy_instruments", listing=False)},
    ),
    Filter("cost", _("Cost"), "cost", Cost, {TOOL: Use("cost", "cost")}),
)


def filters_of(kind: str) -> list[Filter]:
    """Every filter of a content type (its listing's and its search-only facets), in order."""
    return [f for f in FILTERS if kind in f.uses]


def listing_filters(kind: str) -> list[Filter]:
    """The filters a content type's listing page offers, in the form's order."""
    return [f for f in filters_of(kind) if f.uses[kind].listing]


def by_column(kind: str) -> dict[str, Filter]:
    """A content type's filters by their CSV column."""
    return {f.uses[kind].column: f for f in filters_of(kind)}

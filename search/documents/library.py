"""The library's search documents: published case studies and tools, with their filter fields.

Which pages may be found, and by whom: lodestar.permissions.library.findable_pages annotates each
live page with its `audience` (the view restrictions above it, in Lodestar's roles).

A page is indexed in its locale's language. Alias pages (Wagtail's copies of a page in another
locale's tree, shown while it is untranslated) are left out: they are the original page again,
which is found in its own language.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from cases import translation
from cases.fields import SkillLevel
from cases.models import CaseStudyPage, ToolPage
from lodestar.permissions.library import findable_pages
from lodestar.vocabularies.models import CoBenefit, PolicyInstrument, Sector, StrategyStage

from .base import Row, SearchDocument, document_language, html_to_text, page_url, register, slugs_of

_COUNTRIES = CaseStudyPage._meta.get_field("countries")


def _originals(pages: QuerySet) -> QuerySet:
    """Pages that are not aliases (`alias_of` set: a copy kept in sync with the original)."""
    return pages.filter(alias_of__isnull=True)


class LibraryPageDocument(SearchDocument):
    """What case studies and tools are filled with alike: a live library page (not registered)."""

    # What the prepare_* methods below read (a rebuild reads rows: SearchDocument.scan).
    row_columns = (
        *("title", "summary", "url_path", "audience", "first_published_at", "sector_slugs", "languages"),
        *("locale__language_code", "written_versions"),
    )

    @staticmethod
    def prepare_title(page) -> str:
        return page.title

    @staticmethod
    def prepare_summary(page) -> str:
        return page.summary

    @staticmethod
    def prepare_url(page) -> str:
        return page_url(page)

    @staticmethod
    def prepare_visibility(page) -> str:
        return page.audience  # annotated by findable_pages

    @staticmethod
    def prepare_date(page):
        return page.first_published_at

    @staticmethod
    def prepare_sectors(page) -> list[str]:
        return page.sector_slugs

    @staticmethod
    def prepare_languages(page) -> list[str]:
        return list(page.languages)

    @staticmethod
    def prepare_language(page) -> str:
        return document_language(page.locale.language_code)  # locale: select_related

    @staticmethod
    def prepare_shown_in(page) -> list[str]:
        """The interface languages that list this version of the page (one version per reader)."""
        return translation.read_in_languages(page.locale.language_code, page.written_versions or [])


@register
class CaseStudySearchDocument(LibraryPageDocument):
    """A published case study, with every term the library filters on.

    (Not "CaseStudyDocument": that is the library's model of a case study's attachments.)
    """

    document_type = "case_study"
    label = _("Case study")
    model = CaseStudyPage
    row_columns = (
        *LibraryPageDocument.row_columns,
        *("body", "city", "region", "countries", "actor_type__slug", "strategy_stage__slug"),
        *("co_benefit_slugs", "policy_instrument_slugs"),
    )

    @classmethod
    def row(cls, values: dict) -> Row:
        """A row's countries as the page gives them (a row holds the column's codes, "CL,PE")."""
        row = super().row(values)
        row.countries = [Country(code=code) for code in _COUNTRIES.to_python(row.countries) or []]
        return row

    @classmethod
    def get_queryset(cls) -> QuerySet:
        return (
            findable_pages(_originals(cls.model.objects.all()))
            .select_related("actor_type", "strategy_stage", "locale")
            .annotate(
                written_versions=translation.written_versions(),
                sector_slugs=slugs_of(Sector, "case_studies"),
                co_benefit_slugs=slugs_of(CoBenefit, "case_studies"),
                policy_instrument_slugs=slugs_of(PolicyInstrument, "case_studies"),
            )
            .order_by("pk")
        )

    @staticmethod
    def prepare_body(page) -> str:
        """The text of every section, quote and caption."""
        parts = []
        for block in page.body.raw_data:
            value = block.get("value") or {}
            if not isinstance(value, dict):
                continue
            if "text" in value:
                parts.append(html_to_text(value["text"] or ""))
            parts.extend(value.get(key) or "" for key in ("quote", "attribution", "caption"))
        return " ".join(p for p in parts if p)

    @staticmethod
    def prepare_metadata(page) -> str:
        """Where it happened (the terms it is filed under are added by SearchDocument.source)."""
        return ". ".join(p for p in [page.city, page.region] if p)

    @staticmethod
    def prepare_countries(page) -> list[str]:
        return sorted(country.code for country in page.countries)

    @staticmethod
    def prepare_actor_type(page) -> str | None:
        return page.actor_type.slug if page.actor_type else None

    @staticmethod
    def prepare_strategy_stage(page) -> list[str]:
        return [page.strategy_stage.slug] if page.strategy_stage else []

    @staticmethod
    def prepare_co_benefits(page) -> list[str]:
        return page.co_benefit_slugs

    @staticmethod
    def prepare_policy_instruments(page) -> list[str]:
        return page.policy_instrument_slugs


@register
class ToolDocument(LibraryPageDocument):
    """A published tool or resource, with its type, cost, sectors and strategy stages."""

    document_type = "tool"
    label = _("Tool")
    model = ToolPage
    row_columns = (
        *LibraryPageDocument.row_columns,
        *("description", "maintainer", "strategy_stage_slugs", "skill_level", "tool_type__slug", "cost"),
    )

    @classmethod
    def get_queryset(cls) -> QuerySet:
        return (
            findable_pages(_originals(cls.model.objects.all()))
            .select_related("tool_type", "locale")
            .annotate(
                written_versions=translation.written_versions(),
                sector_slugs=slugs_of(Sector, "tools"),
                strategy_stage_slugs=slugs_of(StrategyStage, "tools"),
            )
            .order_by("pk")
        )

    @staticmethod
    def prepare_body(page) -> str:
        return " ".join(
            p for p in [html_to_text(page.description or ""), f"Maintained by {page.maintainer}."] if p
        )

    @staticmethod
    def prepare_strategy_stage(page) -> list[str]:
        return page.strategy_stage_slugs

    @staticmethod
    def prepare_metadata(page) -> str:
        """Its skill level (a field of tools only, not a filter; the filters' labels are added)."""
        # The choice's own label, not get_skill_level_display(), which hashes every choice per call.
        return str(SkillLevel(page.skill_level).label) if page.skill_level in SkillLevel.values else ""

    @staticmethod
    def prepare_tool_type(page) -> str | None:
        return page.tool_type.slug if page.tool_type else None

    @staticmethod
    def prepare_cost(page) -> str:
        return page.cost

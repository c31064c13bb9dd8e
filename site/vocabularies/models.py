"""Terms that describe case studies, tools and organisations, each with a published definition.

Moderators edit them as Wagtail snippets; migrations seed the initial terms. They are shared by
several apps (member profiles use actor types, the library uses all of them), so they live here
rather than in one app.

Each term carries its French and Spanish name and definition in its own row (`name_fr`,
`definition_es`, ...; blank means "show the English"), rather than being a wagtail-localize
TranslatableMixin model with one row per locale. One term stays one row: the filters, facets and
filter addresses keep one slug per term whatever the interface language, every existing
`Sector.objects...` query and relation keeps working unchanged, and a page's terms come with their
labels in every language at no extra query (which search documents need: a document's metadata
holds its terms' labels in all three languages). Moderators translate a term in the same snippet
editor as its English name.
"""

from django.db import models
from django.utils import translation
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

TRANSLATED_LANGUAGES = ("fr", "es")  # besides English, the source language of every term


class VocabularyTerm(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter URLs; keep it stable.")
    definition = models.TextField(help_text="One or two sentences, shown on the public glossary.")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first in lists.")
    name_fr = models.CharField(
        "name in French", max_length=80, blank=True, help_text="Blank: the English name is shown."
    )
    definition_fr = models.TextField(
        "definition in French", blank=True, help_text="Blank: the English definition is shown."
    )
    name_es = models.CharField(
        "name in Spanish", max_length=80, blank=True, help_text="Blank: the English name is shown."
    )
    definition_es = models.TextField(
        "definition in Spanish", blank=True, help_text="Blank: the English definition is shown."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("sort_order"),
        MultiFieldPanel([FieldPanel("name_fr"), FieldPanel("definition_fr")], heading="French"),
        MultiFieldPanel([FieldPanel("name_es"), FieldPanel("definition_es")], heading="Spanish"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("name_fr"),
        index.SearchField("name_es"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    def name_in(self, language: str | None) -> str:
        """The term's name in `language` (a code such as "fr" or "fr-ca"), or the English one."""
        code = (language or "en").split("-")[0].lower()
        if code in TRANSLATED_LANGUAGES:
            return getattr(self, f"name_{code}") or self.name
        return self.name

    def definition_in(self, language: str | None) -> str:
        code = (language or "en").split("-")[0].lower()
        if code in TRANSLATED_LANGUAGES:
            return getattr(self, f"definition_{code}") or self.definition
        return self.definition

    @property
    def label(self) -> str:
        """The name people read in the interface language (translation.get_language())."""
        return self.name_in(translation.get_language())

    @property
    def localized_definition(self) -> str:
        """The definition in the interface language, for the glossary."""
        return self.definition_in(translation.get_language())

    @property
    def labels(self) -> list[str]:
        """Its distinct names in every language: what search documents carry as text."""
        return list(dict.fromkeys(n for n in [self.name, self.name_fr, self.name_es] if n))


class Sector(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "sector"


class ActorType(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "actor type"


class StrategyStage(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "strategy stage"


class CoBenefit(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "co-benefit"


class ToolType(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "tool type"


class PolicyInstrument(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "policy instrument"


VOCABULARIES = [Sector, ActorType, StrategyStage, CoBenefit, ToolType, PolicyInstrument]

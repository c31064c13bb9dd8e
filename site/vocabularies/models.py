"""Terms that describe case studies, tools and organisations, each with a published definition.

Moderators edit them as Wagtail snippets; migrations seed the initial terms. They are shared by
several apps (member profiles use actor types, the library uses all of them), so they live here
rather than in one app.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class VocabularyTerm(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter URLs; keep it stable.")
    definition = models.TextField(help_text="One or two sentences, shown on the public glossary.")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first in lists.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("definition"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


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

"""Library pages for tests: published by default, with the seeded vocabulary terms."""

import importlib

import factory
import wagtail_factories
from django.apps import apps
from django.utils import timezone

from cases.models import CaseStudyPage, FeaturedCase, FeaturedList, LibraryIndexPage, ToolIndexPage, ToolPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage, ToolType

structure = importlib.import_module("cases.migrations.0002_library_structure")


def ensure_library_structure() -> tuple[LibraryIndexPage, ToolIndexPage]:
    """The index pages, groups' rights and review workflow that the data migration creates.

    Transactional tests empty every table, so they apply the migration's steps again.
    """
    indexes = structure.create_indexes(apps)
    structure.grant_permissions(apps, indexes)
    structure.ensure_review_workflow(apps)
    english = {"locale__language_code": "en"}  # the French and Spanish trees have theirs too
    return LibraryIndexPage.objects.get(**english), ToolIndexPage.objects.get(**english)


def term(model, slug):
    return model.objects.get(slug=slug)


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    """A minimal valid case study; pass `sectors=[...]` and friends as lists."""

    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = "How an illustrative city aligned its budget with its long-term strategy."
    actor_type = factory.LazyFunction(lambda: term(ActorType, "city"))
    governance_level = "local"
    countries = factory.LazyFunction(lambda: ["PT"])
    focus = "mitigation"
    strategy_stage = factory.LazyFunction(lambda: term(StrategyStage, "implementing"))
    live = True
    first_published_at = factory.LazyAttribute(lambda o: timezone.now() if o.live else None)

    class Meta:
        model = CaseStudyPage

    @classmethod
    def _create(cls, model_class, *args, sectors=None, related_tools=None, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.sectors.set(sectors or [term(Sector, "energy-supply")])
        if related_tools is not None:
            page.related_tools.set(related_tools)
        page.save()
        page.save_revision()
        return page


class ToolPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tool {n}")
    summary = "An illustrative model of energy pathways."
    tool_type = factory.LazyFunction(lambda: term(ToolType, "model"))
    cost = "free"
    skill_level = "beginner"
    link = "https://example.org/tool"
    maintainer = "Illustrative maintainers"
    live = True
    first_published_at = factory.LazyAttribute(lambda o: timezone.now() if o.live else None)

    class Meta:
        model = ToolPage

    @classmethod
    def _create(cls, model_class, *args, sectors=None, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.sectors.set(sectors or [term(Sector, "energy-supply")])
        page.save()
        return page


def feature(*case_studies, until=None, featured_list=None) -> FeaturedList:
    featured_list = featured_list or FeaturedList.objects.get_or_create(name="Home page")[0]
    start = featured_list.entries.count()
    for order, case in enumerate(case_studies, start=start):
        FeaturedCase.objects.create(
            featured_list=featured_list, case_study=case, sort_order=order, feature_until=until
        )
    return featured_list

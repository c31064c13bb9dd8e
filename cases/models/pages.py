"""The library's page types: case studies and tools, each under its own index page."""

import dataclasses
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from lodestar.permissions import can_export_library, can_view_library
from lodestar.permissions.http import deny

from .. import export, selectors
from ..admin_forms import CaseStudyPageForm
from ..blocks import case_study_body_blocks
from ..feeds import ListingFeed
from ..fields import (
    LANGUAGES,
    ChoiceArrayField,
    Cost,
    FiguresStatus,
    Focus,
    GovernanceLevel,
    LegalStatus,
    Licence,
    SkillLevel,
    TargetType,
    language_names,
)
from ..figures import MILESTONE, Figures, figures_errors
from ..filters import CASE_STUDY, TOOL
from ..forms import FORMS
from ..serializers import MilestoneSerializer, OrganisationSerializer, PageLinkSerializer, TermSerializer
from ..tracker import track_page
from ..translation import locale_code, one_per_page
from .snippets import HOME_PAGE_MAX_CARDS, FeaturedCase

REVIEW_STALE_AFTER_YEARS = 5
YEAR_VALIDATORS = [MinValueValidator(1850), MaxValueValidator(2200)]
REVIEW_PERMISSION = "cases.review_casestudypage"
# One address per page in every language (/library/x/, /fr/library/x/, /es/library/x/): the language
# switcher and hreflang links swap only the prefix (lodestar.languages), so translators keep the slug.
SAME_ADDRESS = [SynchronizedField("slug")]


def _year_field(verbose_name, help_text=""):
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, validators=YEAR_VALIDATORS, help_text=help_text
    )


class ListingIndexPage(RoutablePageMixin, Page):
    """An index page listing its content type with the filters of cases.filters, and its CSV.

    The routes read through cases.selectors with this page's own models (selectors never import
    models, so page models can call them) and render the page's template.
    """

    intro = models.CharField(max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    override_translatable_fields = SAME_ADDRESS
    kind = ""  # the content type listed, as cases.filters names it
    per_page = 20

    class Meta:
        abstract = True

    def listed_pages(self):
        """The manager of the page type listed (resolved on call: it is defined further down)."""
        raise NotImplementedError

    def filter_form(self, request):
        return FORMS[self.kind](request.GET or None)

    @property
    def submission_index_id(self) -> int:
        """Where "Share a case study" adds pages: the English index, whatever the listing's language.

        New pages are written in the source tree and follow in French and Spanish (cases.translation);
        members may add pages under the English indexes only. A query only outside English.
        """
        if locale_code(self.locale_id) == settings.LANGUAGE_CODE:
            return self.pk
        source = type(self).objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        return source.values_list("pk", flat=True).first() or self.pk

    def extra_listing_context(self, *, filtered: bool, page_obj) -> dict:
        return {}

    @path("")
    def listing(self, request):
        """The filtered listing, one page of cards, with counts per filter value when search serves it."""
        if not can_view_library(request.user):
            return deny(request)
        form = self.filter_form(request)
        filters = form.filters
        listing = selectors.listing_page(
            self.listed_pages(),
            kind=self.kind,
            filters=filters,
            sort=form.sort_order,
            page=request.GET.get("page"),
            per_page=self.per_page,
        )
        form.show_counts(listing.counts)
        context = {
            "filter_form": form,
            "page_obj": listing.page_obj,
            "counts_unavailable": listing.counts is None,
            "filtered": bool(filters),
            "querystring": _querystring_without_page(request),
            "feed_querystring": urlencode(form.filter_params),
            **self.extra_listing_context(filtered=bool(filters), page_obj=listing.page_obj),
        }
        return self.render(request, context_overrides=context)

    @staticmethod
    def invalid_filter(form) -> HttpResponseBadRequest:
        """What a CSV or feed reader gets for a filter that does not exist: a 400 saying which."""
        return HttpResponseBadRequest(
            f"Invalid filter. {form.problems()}", content_type="text/plain; charset=utf-8"
        )

    @path("export/", name="export_csv")
    def export_csv(self, request):
        """The current filtered listing as CSV (published pages only); a bad filter is a 400."""
        if not can_export_library(request.user):
            return deny(request)
        form = self.filter_form(request)
        if form.is_bound and not form.is_valid():
            return self.invalid_filter(form)
        rows = selectors.export_rows(
            self.listed_pages(), kind=self.kind, filters=form.filters, sort=form.sort_order, index=self
        )
        return export.csv_response(rows, kind=self.kind, request=request)

    @path("feed/", name="feed")
    def feed(self, request):
        """The newest pages of the listing, with its filters, as Atom; a bad filter is a 400."""
        if not can_view_library(request.user):
            return deny(request)
        form = self.filter_form(request)
        if form.is_bound and not form.is_valid():
            return self.invalid_filter(form)
        return ListingFeed()(request, index=self, form=form)


def _querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


class LibraryIndexPage(ListingIndexPage):
    """The case-study library: featured cases first, then every case study with filters."""

    subpage_types = ["cases.CaseStudyPage"]
    kind = CASE_STUDY
    per_page = 12

    class Meta:
        verbose_name = "library index"

    def listed_pages(self):
        return CaseStudyPage.objects

    def filter_form(self, request):
        countries = selectors.case_study_countries(CaseStudyPage.objects)
        return FORMS[self.kind](request.GET or None, country_codes=countries)

    def extra_listing_context(self, *, filtered: bool, page_obj) -> dict:
        show_featured = not filtered and page_obj.number == 1
        featured = (
            selectors.featured_cases(FeaturedCase.objects, HOME_PAGE_MAX_CARDS) if show_featured else []
        )
        return {"featured": featured}


class ToolIndexPage(ListingIndexPage):
    """The tool and resource catalogue, with filters."""

    subpage_types = ["cases.ToolPage"]
    kind = TOOL
    per_page = 20

    class Meta:
        verbose_name = "tool index"

    def listed_pages(self):
        return ToolPage.objects


class CaseStudyPage(Page):
    """One actor's experience of building or implementing a long-term strategy, in a common structure."""

    summary = models.TextField(
        max_length=600, help_text="Two or three sentences: who did what, and what came of it. Shown in lists."
    )
    content_note = models.CharField(
        "notice",
        max_length=400,
        blank=True,
        help_text="One notice shown at the top of the page, for example that the content is illustrative.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on cards and at the top of the page. Give the image a description (its alt text).",
    )
    # --- Who and where
    actor_type = models.ForeignKey(
        "vocabularies.ActorType", null=True, on_delete=models.PROTECT, related_name="case_studies"
    )
    governance_level = models.CharField(max_length=20, choices=GovernanceLevel.choices)
    countries = CountryField(multiple=True, help_text="Every country the case study covers.")
    region = models.CharField(max_length=120, blank=True, help_text="A state, province or region, if any.")
    city = models.CharField(max_length=120, blank=True)
    # --- What
    sectors = ParentalManyToManyField("vocabularies.Sector", related_name="case_studies")
    focus = models.CharField(max_length=20, choices=Focus.choices)
    strategy_stage = models.ForeignKey(
        "vocabularies.StrategyStage", null=True, on_delete=models.PROTECT, related_name="case_studies"
    )
    policy_instruments = ParentalManyToManyField(
        "vocabularies.PolicyInstrument", blank=True, related_name="case_studies"
    )
    co_benefits = ParentalManyToManyField("vocabularies.CoBenefit", blank=True, related_name="case_studies")
    # --- Target
    target_type = models.CharField(max_length=30, choices=TargetType.choices, blank=True)
    target_year = _year_field("target year")
    target_base_year = _year_field("target base year", "The year the reduction is measured against.")
    target_percentage = models.DecimalField(
        "reduction (%)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For a percentage reduction target: 0 to 100.",
    )
    target_legal_status = models.CharField(max_length=20, choices=LegalStatus.choices, blank=True)
    # --- Emissions figures (negative values are sinks)
    emissions_base_year = _year_field("base year")
    emissions_base_value = models.DecimalField(
        "base-year emissions", max_digits=14, decimal_places=3, null=True, blank=True
    )
    emissions_latest_year = _year_field("latest year")
    emissions_latest_value = models.DecimalField(
        "latest emissions", max_digits=14, decimal_places=3, null=True, blank=True
    )
    emissions_unit = models.CharField(
        "unit", max_length=40, blank=True, default="MtCO2e", help_text="For example MtCO2e or ktCO2e."
    )
    emissions_source = models.CharField(
        "source", max_length=300, blank=True, help_text="Where the figures come from (inventory, report)."
    )
    emissions_net_removals = models.BooleanField(
        "net removals",
        default=False,
        help_text="Tick when a figure is negative because removals (sinks) exceed emissions.",
    )
    figures_status = models.CharField(
        "figures are",
        max_length=20,
        choices=FiguresStatus.choices,
        default=FiguresStatus.SELF_REPORTED,
        help_text="Only the secretariat verifies figures; any change by a contributor makes them "
        "self-reported again.",
    )
    figures_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The moderator who verified the figures.",
    )
    figures_verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # --- Body and attachments
    body = StreamField(case_study_body_blocks(), blank=True)
    strategy_document_url = models.URLField(
        "strategy document", blank=True, help_text="A direct link to the strategy document itself."
    )
    related_tools = ParentalManyToManyField("cases.ToolPage", blank=True, related_name="used_in_case_studies")
    contributor_organisations = ParentalManyToManyField(
        "members.Organisation", blank=True, related_name="case_studies"
    )
    languages = ChoiceArrayField(
        models.CharField(max_length=8, choices=LANGUAGES),
        default=list,
        blank=True,
        help_text="Languages of the material.",
    )
    licence = models.CharField(max_length=30, choices=Licence.choices, default=Licence.CC_BY)
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="Set by the secretariat when it approves the case study."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("content_note", permission=REVIEW_PERMISSION),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("actor_type"), FieldPanel("governance_level")]),
                FieldPanel("countries"),
                FieldRowPanel([FieldPanel("region"), FieldPanel("city")]),
            ],
            heading="Who and where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("focus"), FieldPanel("strategy_stage")]),
                FieldPanel("policy_instruments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("co_benefits", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Topic",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("target_type"), FieldPanel("target_legal_status")]),
                FieldRowPanel(
                    [
                        FieldPanel("target_base_year"),
                        FieldPanel("target_year"),
                        FieldPanel("target_percentage"),
                    ]
                ),
            ],
            heading="Target",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("emissions_base_year"), FieldPanel("emissions_base_value")]),
                FieldRowPanel([FieldPanel("emissions_latest_year"), FieldPanel("emissions_latest_value")]),
                FieldRowPanel([FieldPanel("emissions_unit"), FieldPanel("emissions_net_removals")]),
                FieldPanel("figures_status", permission=REVIEW_PERMISSION),
                FieldPanel("emissions_source"),
                InlinePanel("milestones", label="Interim milestones", heading="Interim milestones"),
            ],
            heading="Emissions figures",
            help_text="Years in order: base year, latest year, milestones, target year. Negative values "
            "only for net removals.",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("strategy_document_url"),
                InlinePanel("documents", label="Attachment"),
                FieldPanel("related_tools", widget=forms.CheckboxSelectMultiple),
                FieldPanel("contributor_organisations"),
                FieldPanel("languages"),
                FieldPanel("licence"),
                FieldPanel("last_reviewed", permission=REVIEW_PERMISSION),
            ],
            heading="Resources and licence",
        ),
    ]

    api_fields = [
        APIField("summary"),
        APIField("content_note"),
        APIField("actor_type", serializer=TermSerializer()),
        APIField("governance_level"),
        APIField("country_codes"),
        APIField("region"),
        APIField("city"),
        APIField("sectors", serializer=TermSerializer(many=True)),
        APIField("focus"),
        APIField("strategy_stage", serializer=TermSerializer()),
        APIField("policy_instruments", serializer=TermSerializer(many=True)),
        APIField("co_benefits", serializer=TermSerializer(many=True)),
        APIField("target_type"),
        APIField("target_year"),
        APIField("target_base_year"),
        APIField("target_percentage"),
        APIField("target_legal_status"),
        APIField("emissions_base_year"),
        APIField("emissions_base_value"),
        APIField("emissions_latest_year"),
        APIField("emissions_latest_value"),
        APIField("emissions_unit"),
        APIField("emissions_source"),
        APIField("figures_status"),
        APIField("figures_verified_at"),
        APIField("emissions_net_removals"),
        APIField("tracker"),
        APIField("milestones", serializer=MilestoneSerializer(many=True)),
        APIField("body"),
        APIField("strategy_document_url"),
        APIField("related_tools", serializer=PageLinkSerializer(many=True, source="api_related_tools")),
        APIField("contributor_organisations", serializer=OrganisationSerializer(many=True)),
        APIField("languages"),
        APIField("licence"),
        APIField("last_reviewed"),
    ]

    parent_page_types = ["cases.LibraryIndexPage"]
    subpage_types = []
    base_form_class = CaseStudyPageForm
    # Units stay as entered in English; the texts, places and sources are translated.
    override_translatable_fields = [*SAME_ADDRESS, SynchronizedField("emissions_unit")]

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"
        permissions = [("review_casestudypage", "Can set the review date of case studies")]

    def clean(self):
        super().clean()
        # The admin form checks the milestones of its own formset (naming each field) and says so here.
        pending = getattr(self, "_milestones_from_form", None)
        milestones = pending if pending is not None else [(m.year, m.value) for m in self.milestones.all()]
        figures = Figures.of_page(self, milestones=[])
        figures = dataclasses.replace(figures, milestones=tuple(milestones))
        errors = figures_errors(figures)
        milestone_problem = errors.pop(MILESTONE, None)
        if milestone_problem and pending is None:
            errors[NON_FIELD_ERRORS] = milestone_problem
        if errors:
            raise ValidationError(errors)

    # --- Reading helpers used by templates, the API and the CSV export

    @property
    def country_codes(self) -> list[str]:
        return [country.code for country in self.countries]

    @property
    def tracker(self) -> dict:
        """The Lodestar tracker as open data (see cases/tracker.py)."""
        return track_page(self).as_dict()

    @property
    def language_names(self) -> list[str]:
        return language_names(self.languages)

    @property
    def live_related_tools(self):
        """Related tools readers can open, in the interface's language where translated: a tool
        still in draft is not shown."""
        # Works in previews too, where related_tools holds the unsaved form's choice.
        tool_ids = [tool.pk for tool in self.related_tools.all()]
        chosen = ToolPage.objects.filter(pk__in=tool_ids).values("translation_key")
        return one_per_page(ToolPage.objects.filter(translation_key__in=chosen).live().public()).order_by(
            "title"
        )

    @property
    def api_related_tools(self):
        """live_related_tools, as the open-data API prefetched them for a whole page of results
        (selectors.api_pages), or read now."""
        prefetched = getattr(self, "published_related_tools", None)
        return self.live_related_tools if prefetched is None else prefetched

    @property
    def review_is_stale(self) -> bool:
        """Reviewed more than five years ago, or never: readers should check the figures elsewhere."""
        if self.last_reviewed is None:
            return False
        today = timezone.localdate()
        try:
            limit = today.replace(year=today.year - REVIEW_STALE_AFTER_YEARS)
        except ValueError:  # 29 February
            limit = today.replace(year=today.year - REVIEW_STALE_AFTER_YEARS, day=28)
        return self.last_reviewed < limit

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.case_study_detail_context(self))
        context["library_url"] = self.get_parent().get_url(request)
        return context


class CaseStudyMilestone(Orderable):
    """An interim milestone of the target pathway (for example 2030: -55 %)."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    value = models.DecimalField(
        "emissions", max_digits=14, decimal_places=3, help_text="Emissions aimed at in that year, same unit."
    )
    label = models.CharField(max_length=120, blank=True, help_text="For example “interim target in law”.")

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("value")]), FieldPanel("label")]
    api_fields = [APIField("year"), APIField("value"), APIField("label")]

    class Meta(Orderable.Meta):
        verbose_name = "milestone"


class CaseStudyDocument(Orderable):
    """An attachment of a case study (a strategy, a report, a presentation)."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True, help_text="Defaults to the document's title.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ToolPage(Page):
    """A tool or resource practitioners use to build a strategy (a model, dataset, guidebook...)."""

    tool_type = models.ForeignKey(
        "vocabularies.ToolType", null=True, on_delete=models.PROTECT, related_name="tools"
    )
    summary = models.TextField(max_length=400, help_text="One or two sentences, shown in lists.")
    content_note = models.CharField(
        "notice",
        max_length=400,
        blank=True,
        help_text="One notice shown at the top of the page, for example that the content is illustrative.",
    )
    description = RichTextField(features=["bold", "italic", "link", "ul", "ol", "h2", "h3"], blank=True)
    sectors = ParentalManyToManyField("vocabularies.Sector", related_name="tools")
    strategy_stages = ParentalManyToManyField("vocabularies.StrategyStage", blank=True, related_name="tools")
    cost = models.CharField(max_length=20, choices=Cost.choices)
    skill_level = models.CharField(max_length=20, choices=SkillLevel.choices)
    languages = ChoiceArrayField(models.CharField(max_length=8, choices=LANGUAGES), default=list, blank=True)
    link = models.URLField(blank=True, help_text="Where to get or use the tool.")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or upload it, when it has no home page of its own.",
    )
    maintainer = models.CharField(max_length=200, help_text="Who keeps the tool up to date.")
    open_source = models.BooleanField(default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("content_note", permission=REVIEW_PERMISSION),
        FieldRowPanel([FieldPanel("tool_type"), FieldPanel("cost"), FieldPanel("skill_level")]),
        FieldPanel("description"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("strategy_stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("link"), FieldPanel("document"), FieldPanel("maintainer"), FieldPanel("open_source")],
            heading="Access",
        ),
    ]

    api_fields = [
        APIField("tool_type", serializer=TermSerializer()),
        APIField("summary"),
        APIField("content_note"),
        APIField("description"),
        APIField("sectors", serializer=TermSerializer(many=True)),
        APIField("strategy_stages", serializer=TermSerializer(many=True)),
        APIField("cost"),
        APIField("skill_level"),
        APIField("languages"),
        APIField("link"),
        APIField("maintainer"),
        APIField("open_source"),
    ]

    parent_page_types = ["cases.ToolIndexPage"]
    subpage_types = []
    override_translatable_fields = SAME_ADDRESS

    class Meta:
        verbose_name = "tool"

    def clean(self):
        super().clean()
        if not self.link and not self.document_id:
            raise ValidationError({"link": "Give a link to the tool or upload its document."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.tool_detail_context(self))
        return context

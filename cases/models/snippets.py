"""Featured cases: the secretariat's ordered choice of case studies for the home page."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

HOME_PAGE_MIN_CARDS = 3
HOME_PAGE_MAX_CARDS = 6


class FeaturedList(ClusterableModel):
    """An ordered list of featured case studies; the home page shows the first list.

    One list is enough for the site today; keeping it a snippet (rather than a setting) lets
    moderators prepare a second list and swap them by renaming.
    """

    name = models.CharField(max_length=100, unique=True, default="Home page")
    panels = [FieldPanel("name"), InlinePanel("entries", label="Featured case study", max_num=20)]

    class Meta:
        verbose_name = "featured list"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class FeaturedCaseQuerySet(models.QuerySet):
    def current(self):
        """Entries still running today whose case study is live and public."""
        today = timezone.localdate()
        return self.filter(Q(feature_until__isnull=True) | Q(feature_until__gte=today)).filter(
            case_study__live=True, case_study__view_restrictions__isnull=True
        )

    def of_first_list(self):
        """Entries of the first featured list (the one the home page shows)."""
        return self.filter(featured_list__in=FeaturedList.objects.order_by("pk").values("pk")[:1])


class FeaturedCase(Orderable):
    featured_list = ParentalKey(FeaturedList, on_delete=models.CASCADE, related_name="entries")
    case_study = models.ForeignKey("cases.CaseStudyPage", on_delete=models.CASCADE, related_name="+")
    feature_until = models.DateField(
        null=True, blank=True, help_text="Last day on the home page; leave empty to keep it there."
    )

    objects = FeaturedCaseQuerySet.as_manager()
    panels = [FieldRowPanel([FieldPanel("case_study"), FieldPanel("feature_until")])]

    class Meta(Orderable.Meta):
        verbose_name = "featured case study"

    def __str__(self) -> str:
        return str(self.case_study)

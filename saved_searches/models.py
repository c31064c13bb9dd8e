"""A member's saved search: the words and filters of a search, and how often to hear of new matches."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        NEVER = "never", _("No alerts (keep it in my list)")

    PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(max_length=100)
    query = models.CharField(max_length=200, blank=True, help_text="The words searched for, if any.")
    # Search filter field (search.selectors.FACET_NAMES) -> the values chosen, as the search page takes them.
    filters = models.JSONField(default=dict, blank=True)
    # What each chosen value was called when saved, so a term deleted since can be named in a notice.
    filter_labels = models.JSONField(default=dict, blank=True)
    frequency = models.CharField(max_length=6, choices=Frequency.choices, default=Frequency.WEEKLY)
    # The end of the last window checked for new matches (alerts cover what came after it).
    last_sent_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_search_name_unique_per_owner")
        ]
        indexes = [models.Index(fields=["frequency", "last_sent_at"], name="saved_search_due_idx")]
        verbose_name_plural = "saved searches"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("saved_searches:run", kwargs={"pk": self.pk})

    def search_url(self) -> str:
        """The search page with these words and filters, as the member saved them."""
        params = [("q", self.query)] if self.query else []
        params += [(name, value) for name, values in sorted(self.filters.items()) for value in values]
        return reverse("search:search") + (f"?{urlencode(params)}" if params else "")

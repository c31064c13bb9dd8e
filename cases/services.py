"""Writes of the library: review outcomes (the emails that tell people are cases.notifications')."""

from django.db import transaction
from django.utils import timezone

from .models import CaseStudyPage


@transaction.atomic
def case_study_mark_reviewed(*, page: CaseStudyPage) -> None:
    """Record today as the review date of an approved case study, on the page and its live revision.

    The live revision is updated too, so that the next edit (which starts from the latest revision)
    keeps the date instead of bringing back the old one.
    """
    today = timezone.localdate()
    CaseStudyPage.objects.filter(pk=page.pk).update(last_reviewed=today)
    for revision in {page.live_revision, page.latest_revision} - {None}:
        revision.content["last_reviewed"] = today.isoformat()
        revision.save(update_fields=["content"])
    page.last_reviewed = today

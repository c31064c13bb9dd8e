"""Writes of the library: review outcomes and the emails that tell people about them.

Wagtail's workflow (Moderators approval) drives the review; these functions run from its signals
(see notifications below, connected in CasesConfig.ready). Email goes through the outbox
(lodestar.mail), so the request never waits for a mail server.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lodestar.links import absolute_url
from lodestar.mail.services import email_queue

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


def _recipients(*users) -> list[str]:
    emails = []
    for user in users:
        if user is not None and user.is_active and user.email and user.email not in emails:
            emails.append(user.email)
    return emails


def _admin_edit_url(page) -> str:
    return absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@transaction.atomic
def review_notify_approved(*, workflow_state, reviewer) -> None:
    """Tell the author their page was approved and is now published."""
    page = workflow_state.content_object.specific
    if isinstance(page, CaseStudyPage):
        case_study_mark_reviewed(page=page)
    to = _recipients(workflow_state.requested_by, page.owner)
    if not to:
        return
    context = {"page": page, "public_url": absolute_url(page.url or ""), "edit_url": _admin_edit_url(page)}
    email_queue(
        to=to,
        subject=f"Published: {page.title}",
        text=render_to_string("cases/email/review_approved.txt", context),
    )


@transaction.atomic
def review_notify_changes_requested(*, workflow_state, reviewer) -> None:
    """Tell the author what the secretariat asks them to change, with the reviewer's comment."""
    page = workflow_state.content_object.specific
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state is not None else ""
    to = _recipients(workflow_state.requested_by, page.owner)
    if not to:
        return
    context = {"page": page, "comment": comment, "edit_url": _admin_edit_url(page)}
    email_queue(
        to=to,
        subject=f"Changes requested: {page.title}",
        text=render_to_string("cases/email/review_changes_requested.txt", context),
    )


@transaction.atomic
def review_notify_submitted(*, task_state, submitter) -> None:
    """Tell the reviewing group (the secretariat) that a page waits for them."""
    task = task_state.task.specific
    groups = getattr(task, "groups", None)
    if groups is None:
        return
    reviewers = get_user_model().objects.filter(groups__in=groups.all(), is_active=True).distinct()
    page = task_state.workflow_state.content_object.specific
    context = {"page": page, "submitter": submitter, "edit_url": _admin_edit_url(page)}
    text = render_to_string("cases/email/review_submitted.txt", context)
    for reviewer in reviewers:
        if reviewer.pk == getattr(submitter, "pk", None) or not reviewer.email:
            continue
        email_queue(to=[reviewer.email], subject=f"For review: {page.title}", text=text)

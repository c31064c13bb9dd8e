"""Workflow notifications through the outbox, replacing Wagtail's own in-request emails.

Wagtail connects its notifiers (which send mail synchronously, inside the moderator's request)
under fixed dispatch_uids. `connect()` disconnects them and connects Lodestar's handlers under the
same uids: whichever app's ready() runs first, Wagtail's later connect() with a uid already in use
is a no-op, so exactly one notification is queued per event.

Each person gets their own email, in their preferred language (lodestar.members.selectors), with
the page's public address in that language; the admin's addresses have no language prefix. Email
goes through the outbox (lodestar.mail), so the request never waits for a mail server.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from lodestar.languages import in_language
from lodestar.links import absolute_url
from lodestar.mail.services import email_queue
from lodestar.members.selectors import preferred_language

from .models import CaseStudyPage
from .services import case_study_mark_reviewed


def _recipients(*users) -> list:
    """Active people with an address, each once."""
    people, seen = [], set()
    for user in users:
        if user is not None and user.is_active and user.email and user.email not in seen:
            seen.add(user.email)
            people.append(user)
    return people


def _admin_edit_url(page) -> str:
    return absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _email(user, *, subject: str, template: str, context: dict) -> None:
    """One email to `user` in their language; `subject` is an English msgid with %(title)s."""
    with translation.override(preferred_language(user)):
        if context.get("page_url"):
            context = {
                **context,
                "public_url": absolute_url(in_language(context["page_url"], translation.get_language())),
            }
        email_queue(
            to=[user.email],
            subject=gettext(subject) % {"title": context["page"].title},
            text=render_to_string(template, context),
        )


@transaction.atomic
def review_notify_approved(*, workflow_state, reviewer) -> None:
    """Tell the author their page was approved and is now published."""
    page = workflow_state.content_object.specific
    if isinstance(page, CaseStudyPage):
        case_study_mark_reviewed(page=page)
    context = {"page": page, "page_url": page.url or "", "edit_url": _admin_edit_url(page)}
    for user in _recipients(workflow_state.requested_by, page.owner):
        _email(
            user,
            subject=gettext_noop("Published: %(title)s"),
            template="cases/email/review_approved.txt",
            context=context,
        )


@transaction.atomic
def review_notify_changes_requested(*, workflow_state, reviewer) -> None:
    """Tell the author what the secretariat asks them to change, with the reviewer's comment."""
    page = workflow_state.content_object.specific
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state is not None else ""
    context = {"page": page, "comment": comment, "edit_url": _admin_edit_url(page)}
    for user in _recipients(workflow_state.requested_by, page.owner):
        _email(
            user,
            subject=gettext_noop("Changes requested: %(title)s"),
            template="cases/email/review_changes_requested.txt",
            context=context,
        )


@transaction.atomic
def review_notify_submitted(*, task_state, submitter) -> None:
    """Tell the reviewing group (the secretariat) that a page waits for them."""
    task = task_state.task.specific
    groups = getattr(task, "groups", None)
    if groups is None:
        return
    reviewers = (
        get_user_model()
        .objects.filter(groups__in=groups.all(), is_active=True)
        .select_related("profile")
        .distinct()
    )
    page = task_state.workflow_state.content_object.specific
    context = {"page": page, "submitter": submitter, "edit_url": _admin_edit_url(page)}
    for reviewer in reviewers:
        if reviewer.pk == getattr(submitter, "pk", None) or not reviewer.email:
            continue
        _email(
            reviewer,
            subject=gettext_noop("For review: %(title)s"),
            template="cases/email/review_submitted.txt",
            context=context,
        )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    review_notify_approved(workflow_state=instance, reviewer=user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    review_notify_changes_requested(workflow_state=instance, reviewer=user)


def on_task_submitted(sender, instance, user=None, **kwargs):
    review_notify_submitted(task_state=instance, submitter=user)


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    """Nothing to send: the task submission above already tells the reviewers."""


HANDLERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", on_task_submitted),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", on_workflow_submitted),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", on_workflow_rejected),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", on_workflow_approved),
]


def connect() -> None:
    for signal, sender, dispatch_uid, handler in HANDLERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(handler, sender=sender, dispatch_uid=dispatch_uid, weak=False)

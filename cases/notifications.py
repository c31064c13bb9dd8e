"""Workflow notifications through the outbox, replacing Wagtail's own in-request emails.

Wagtail connects its notifiers (which send mail synchronously, inside the moderator's request)
under fixed dispatch_uids. `connect()` disconnects them and connects Lodestar's handlers under the
same uids: whichever app's ready() runs first, Wagtail's later connect() with a uid already in use
is a no-op, so exactly one notification is queued per event.
"""

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted


def on_workflow_approved(sender, instance, user=None, **kwargs):
    from .services import review_notify_approved

    review_notify_approved(workflow_state=instance, reviewer=user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    from .services import review_notify_changes_requested

    review_notify_changes_requested(workflow_state=instance, reviewer=user)


def on_task_submitted(sender, instance, user=None, **kwargs):
    from .services import review_notify_submitted

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

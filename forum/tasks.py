"""Celery tasks of the forum: thin, id-based, safe to run twice, quiet when the row is gone."""

from celery import shared_task
from django.conf import settings

from . import notifications


@shared_task
def notify_post_published(post_id: int) -> int:
    """Notify mentioned members and watchers about a post that has just become visible."""
    return notifications.post_published_fan_out(post_id=post_id)


@shared_task
def notify_answer_accepted(post_id: int, actor_id: int | None) -> int:
    return notifications.answer_accepted_notify(post_id=post_id, actor_id=actor_id)


@shared_task
def send_notification_email(recipient_id: int) -> bool:
    """One batched email with everything a member has not been emailed about yet."""
    return notifications.notification_email_send(recipient_id=recipient_id)


@shared_task
def send_pending_notification_emails() -> int:
    """Catch up on emails whose scheduled task was lost (for example while the broker was down)."""
    sent = 0
    for recipient_id in notifications.recipients_with_unsent(
        frequency="immediate", older_than_seconds=settings.FORUM_EMAIL_BATCH_SECONDS
    ):
        sent += notifications.notification_email_send(recipient_id=recipient_id)
    return sent


@shared_task
def send_daily_digests() -> int:
    sent = 0
    for recipient_id in notifications.recipients_with_unsent(frequency="daily"):
        sent += notifications.notification_email_send(recipient_id=recipient_id, digest=True)
    return sent

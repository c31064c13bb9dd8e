from celery import shared_task

from .delivery import email_deliver, pending_email_ids


@shared_task
def deliver_email(email_id: int) -> bool:
    return email_deliver(email_id=email_id)


@shared_task
def deliver_pending_emails() -> int:
    """Catch up on emails whose task was lost (broker down) or failed (mail server down)."""
    return sum(email_deliver(email_id=email_id) for email_id in pending_email_ids())

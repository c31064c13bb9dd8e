"""The worker's side of saved searches: beat runs the due alerts (thin, safe to run twice)."""

from celery import shared_task

from .services import alerts_send_due


@shared_task
def send_due_saved_search_alerts() -> int:
    """Email and notify every saved search whose daily or weekly period has passed (beat, every 15 min)."""
    return alerts_send_due()

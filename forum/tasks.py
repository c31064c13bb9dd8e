"""The forum's Celery tasks, where the worker's autodiscovery (and anyone else) finds them.

They are defined in forum.notifications, next to the outbox and emails they deliver, so that
module can schedule them without importing this one (no import cycle): this module only imports.
"""

from .notifications import (
    deliver_notification_event,
    drain_notification_outbox,
    send_daily_digests,
    send_notification_email,
    send_pending_notification_emails,
)

__all__ = [
    "deliver_notification_event",
    "drain_notification_outbox",
    "send_daily_digests",
    "send_notification_email",
    "send_pending_notification_emails",
]

"""Writing to the outbox: queue an email with the change that causes it, or put failed ones back.

Delivery itself is the worker's (lodestar.mail.delivery, run by lodestar.mail.tasks).
"""

from django.db import transaction

from lodestar.queue import send_task

from .headers import header_safe
from .models import OutgoingEmail
from .tasks import deliver_email


def email_queue(*, to: list[str], subject: str, text: str, html: str = "", headers=None) -> OutgoingEmail:
    """Record an email with the current transaction and hand it to the worker once committed."""
    email = OutgoingEmail.objects.create(
        to=list(to), subject=header_safe(subject)[:255], body_text=text, body_html=html, headers=headers or {}
    )
    transaction.on_commit(lambda: _dispatch(email.pk))
    return email


def _dispatch(email_id: int) -> None:
    # On a broker failure it stays pending: the periodic task delivers it later.
    send_task(deliver_email, email_id)


def email_retry(*, email_ids) -> int:
    """Put failed emails back in the queue (an administrator fixed the address or the mail server)."""
    return OutgoingEmail.objects.filter(pk__in=email_ids, sent_at=None).update(
        failed_at=None, next_attempt_at=None, attempts=0
    )

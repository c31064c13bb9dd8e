import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10


def email_queue(*, to: list[str], subject: str, text: str, html: str = "", headers=None) -> OutgoingEmail:
    """Record an email with the current transaction and hand it to the worker once committed."""
    email = OutgoingEmail.objects.create(
        to=list(to), subject=subject[:255], body_text=text, body_html=html, headers=headers or {}
    )
    transaction.on_commit(lambda: _dispatch(email.pk))
    return email


def _dispatch(email_id: int) -> None:
    from .tasks import deliver_email

    try:
        deliver_email.delay(email_id)
    except Exception:  # the broker is down: the periodic task delivers it later  # noqa: BLE001
        logger.warning("could not queue email %s; it stays pending", email_id, exc_info=True)


def email_deliver(*, email_id: int) -> bool:
    """Send one pending email; safe to call twice (a sent email is not sent again)."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at=None)
            .first()
        )
        if email is None:
            return False
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
            headers=email.headers,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        email.attempts += 1
        try:
            message.send()
        except Exception as error:
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            email.save(update_fields=["attempts", "last_error"])
            raise
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "sent_at", "last_error"])
        return True


def pending_email_ids(limit: int = 500) -> list[int]:
    return list(
        OutgoingEmail.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True)[
            :limit
        ]
    )

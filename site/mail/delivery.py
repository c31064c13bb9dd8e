"""Delivering the outbox (the worker's side): every attempt is recorded in its own short transaction.

A send is three steps: claim the row (a lease, committed), talk to the mail server with no
transaction or row lock open, then record the outcome (committed). So a failure is always
recorded, a slow mail server never holds a database lock, and a permanently refused message is
marked failed instead of being retried forever.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .headers import header_safe
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Longer than a whole SMTP conversation can take (EMAIL_TIMEOUT per socket operation), so that a
# second worker never sends a message the first one is still sending.
CLAIM_SECONDS = 5 * 60
RETRY_MAX_SECONDS = 60 * 60


def _due() -> Q:
    now = timezone.now()
    return (
        Q(sent_at=None, failed_at=None)
        & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        & (Q(claimed_until=None) | Q(claimed_until__lt=now))
    )


def _claim(email_id: int) -> OutgoingEmail | None:
    """Take the email for one attempt (counted now, so a crash mid-send still counts), or None."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update(skip_locked=True).filter(_due(), pk=email_id).first()
        if email is None:
            return None
        email.attempts += 1
        email.claimed_until = timezone.now() + timedelta(seconds=CLAIM_SECONDS)
        email.save(update_fields=["attempts", "claimed_until"])
    return email


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=header_safe(email.subject),  # also for rows queued before subjects were cleaned
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        headers=email.headers,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def is_permanent(error: Exception) -> bool:
    """A 5xx reply (RFC 5321 4.2.1) will be the same next time: retrying only delays the news."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return False


def retry_delay(attempts: int) -> timedelta:
    """MAIL_RETRY_SECONDS after the first failure, doubling each time, at most an hour."""
    return timedelta(seconds=min(settings.MAIL_RETRY_SECONDS * 2 ** (attempts - 1), RETRY_MAX_SECONDS))


def email_deliver(*, email_id: int) -> bool:
    """Try to send one pending email; True when sent. Safe to call twice (sent once at most).

    Call it outside any transaction: each step commits on its own.
    """
    email = _claim(email_id)
    if email is None:
        return False
    try:
        _message(email).send()
    except Exception as error:  # noqa: BLE001 - whatever the mail server or network did, record it
        _record_failure(email, error)
        return False
    OutgoingEmail.objects.filter(pk=email.pk).update(
        sent_at=timezone.now(), last_error="", claimed_until=None
    )
    return True


def _record_failure(email: OutgoingEmail, error: Exception) -> None:
    now = timezone.now()
    give_up = is_permanent(error) or email.attempts >= settings.MAIL_MAX_ATTEMPTS
    OutgoingEmail.objects.filter(pk=email.pk).update(
        last_error=f"{type(error).__name__}: {error}"[:2000],
        claimed_until=None,
        failed_at=now if give_up else None,
        next_attempt_at=None if give_up else now + retry_delay(email.attempts),
    )
    log = logger.error if give_up else logger.warning
    log(
        "Email %s to %s %s after attempt %d: %s",
        email.pk,
        ", ".join(email.to),
        "failed for good" if give_up else "will be retried",
        email.attempts,
        error,
    )


def pending_email_ids(limit: int = 500) -> list[int]:
    """Emails due for an attempt now, oldest first."""
    return list(
        OutgoingEmail.objects.filter(_due()).order_by("created_at").values_list("pk", flat=True)[:limit]
    )

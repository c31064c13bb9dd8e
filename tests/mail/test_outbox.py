"""The mail outbox against a real SMTP server that refuses: every attempt is recorded, none hangs on.

Transactional tests: each delivery step commits on its own, and the lock probe reads the row from
another connection while the SMTP server is receiving the message.
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from lodestar.mail.delivery import email_deliver, pending_email_ids
from lodestar.mail.models import OutgoingEmail
from lodestar.mail.tasks import deliver_pending_emails

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def pending_email(to="ana@example.org", subject="Your case study was approved") -> OutgoingEmail:
    """The row email_queue() commits with the change that causes the email (without dispatching it)."""
    return OutgoingEmail.objects.create(to=[to], subject=subject, body_text="It is now published.")


def row_lock_free(email_id: int):
    """Called from another thread (own connection) while the SMTP server receives the message."""

    def probe() -> str:
        try:
            with transaction.atomic():
                list(OutgoingEmail.objects.select_for_update(nowait=True).filter(pk=email_id))
            return "free"
        except OperationalError:
            return "locked"
        finally:
            connection.close()

    return probe


def test_a_permanent_refusal_is_recorded_marked_failed_and_not_retried(smtp_server):
    smtp_server.rcpt_reply = "550 5.1.1 <gone@example.org>: mailbox unavailable"
    email = pending_email(to="gone@example.org")

    assert email_deliver(email_id=email.pk) is False

    email.refresh_from_db()
    assert smtp_server.recipients_tried == ["gone@example.org"]
    assert email.attempts == 1  # committed, although the send raised
    assert email.status == "failed" and email.failed_at is not None
    assert "550" in email.last_error and "mailbox unavailable" in email.last_error
    # The periodic task leaves it alone: no second conversation with the mail server.
    assert email.pk not in pending_email_ids()
    assert deliver_pending_emails() == 0
    assert smtp_server.connections == 1


def test_a_temporary_refusal_is_retried_later_then_marked_failed_after_the_maximum(smtp_server, settings):
    settings.MAIL_MAX_ATTEMPTS = 3
    settings.MAIL_RETRY_SECONDS = 60
    smtp_server.data_reply = "421 4.3.2 Service not available, try again later"
    email = pending_email()
    smtp_server.while_sending = row_lock_free(email.pk)
    start = timezone.now()

    assert email_deliver(email_id=email.pk) is False
    email.refresh_from_db()
    assert (email.attempts, email.status) == (1, "pending")
    assert "421" in email.last_error
    assert email.next_attempt_at >= start + timedelta(seconds=60)
    # Not due yet: the periodic task does not hammer the mail server.
    assert deliver_pending_emails() == 0
    assert smtp_server.connections == 1

    with time_machine.travel(start + timedelta(seconds=61), tick=True):
        assert email.pk in pending_email_ids()
        assert deliver_pending_emails() == 0
    email.refresh_from_db()
    assert (email.attempts, email.status) == (2, "pending")
    assert email.next_attempt_at >= start + timedelta(seconds=61 + 120)  # the delay doubles

    with time_machine.travel(start + timedelta(seconds=61 + 121), tick=True):
        assert deliver_pending_emails() == 0
    email.refresh_from_db()
    assert (email.attempts, email.status) == (3, "failed")
    assert smtp_server.connections == 3
    # No row lock was held while the mail server was being talked to, on any attempt.
    assert smtp_server.seen_while_sending == ["free", "free", "free"]

    with time_machine.travel(start + timedelta(hours=6), tick=True):
        assert deliver_pending_emails() == 0
    assert smtp_server.connections == 3


def test_an_accepted_email_is_sent_once_however_often_delivery_runs(smtp_server):
    email = pending_email()

    assert email_deliver(email_id=email.pk) is True
    assert email_deliver(email_id=email.pk) is False
    assert deliver_pending_emails() == 0

    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 1 and email.last_error == ""
    assert len(smtp_server.accepted) == 1
    assert b"Your case study was approved" in smtp_server.accepted[0]


def test_administrators_see_failed_emails_in_the_wagtail_admin_and_others_do_not(
    client, smtp_server, administrator, moderator
):
    smtp_server.rcpt_reply = "550 5.1.1 <gone@example.org>: mailbox unavailable"
    failed = pending_email(to="gone@example.org", subject="Membership approved")
    email_deliver(email_id=failed.pk)
    sent = pending_email(to="ok@example.org", subject="Weekly digest")
    smtp_server.rcpt_reply = None
    email_deliver(email_id=sent.pk)
    url = "/admin/outgoing_email/?failed_at__isnull=false"

    client.force_login(administrator)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Membership approved" in page and "gone@example.org" in page
    assert "mailbox unavailable" in page
    assert "Weekly digest" not in page

    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Membership approved" not in response.content.decode()

from django.db import models


class OutgoingEmail(models.Model):
    """One message to send, written with the change that causes it; the worker delivers it.

    States: pending (neither `sent_at` nor `failed_at`), sent, or failed (refused for good, or
    still refused after MAIL_MAX_ATTEMPTS tries); administrators see failed ones in the admin.
    """

    to = models.JSONField(help_text="Recipient addresses.")
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    failed_at = models.DateTimeField(
        null=True, blank=True, help_text="Given up on: the mail server refused it for good, or too often."
    )
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, help_text="After a temporary failure, not tried again before this."
    )
    # A worker sending it holds this lease instead of a row lock, so no lock is held during the
    # SMTP conversation; a worker that dies mid-send lets the lease run out and another one retries.
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at=None, failed_at=None),
                name="mail_pending_idx",
            ),
            models.Index(
                fields=["-failed_at"], condition=models.Q(failed_at__isnull=False), name="mail_failed_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def status(self) -> str:
        if self.sent_at:
            return "sent"
        if self.failed_at:
            return "failed"
        return "pending"

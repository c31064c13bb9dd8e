import mailbox
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class MaildirBackend(BaseEmailBackend):
    """Writes each message into a Maildir folder (EMAIL_FILE_PATH), one file per message.

    Tests and local development read the mailbox with Python's `mailbox.Maildir`; unlike Django's
    file backend, each message is a whole, parseable file.
    """

    def send_messages(self, email_messages) -> int:
        path = Path(settings.EMAIL_FILE_PATH)
        # Maildir(create=True) only makes tmp/new/cur when the folder itself is missing; a folder
        # created empty beforehand (as the tests' mailbox fixture does) would make add() fail.
        for folder in ("tmp", "new", "cur"):
            (path / folder).mkdir(parents=True, exist_ok=True)
        box = mailbox.Maildir(path, create=True)
        for message in email_messages:
            box.add(message.message().as_bytes())
        return len(email_messages)

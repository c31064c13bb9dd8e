import pytest


@pytest.fixture
def mail(mail):
    """The shared mailbox, with its Maildir folders made, so an empty mailbox reads as empty."""
    for folder in ("tmp", "new", "cur"):
        (mail.path / folder).mkdir(parents=True, exist_ok=True)
    return mail

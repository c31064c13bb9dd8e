"""Local development: debug pages, console email, the local services."""

from .base import *  # noqa: F403

DEBUG = True
# Emails land in a local mailbox, one file per message: .services/mail/new/
EMAIL_BACKEND = "lodestar.mail.backends.MaildirBackend"
EMAIL_FILE_PATH = BASE_DIR / ".services" / "mail"  # noqa: F405

# Serve static files straight from the source folders; no collectstatic in development.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

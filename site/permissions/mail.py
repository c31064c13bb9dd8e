"""The outgoing-email outbox: who may see what the mail server refused."""

from .roles import is_administrator


def can_view_outgoing_email(user) -> bool:
    """Administrators run the site: they see failed emails (addresses and errors) and act on them."""
    return is_administrator(user)

"""Saved searches and their alerts: members keep searches; only their owner manages one."""

from .roles import is_member


def can_save_search(user) -> bool:
    """Members keep searches and get alerts; visitors are asked to sign in first."""
    return is_member(user)


def can_manage_saved_search(user, saved) -> bool:
    """Run, change or delete a saved search: its owner only, even a moderator may not."""
    return bool(getattr(user, "is_authenticated", False)) and saved.owner_id == user.pk


def can_receive_saved_search_alert(user) -> bool:
    """Alerts go to active members only: an account that left the membership stops hearing."""
    return user.is_active and is_member(user)

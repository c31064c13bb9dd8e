"""Who may search, and which documents each person's searches may return."""

from .roles import is_member

PUBLIC = "public"
MEMBERS_ONLY = "members"


def can_search(user) -> bool:
    """Search is open to everyone; what it returns depends on searchable_audiences()."""
    return True


def searchable_audiences(user) -> list[str]:
    """The document visibilities this person may find: visitors never see members-only content.

    Hidden forum posts are never indexed, so no audience can find them.
    """
    return [PUBLIC, MEMBERS_ONLY] if is_member(user) else [PUBLIC]

"""Who may search, and which documents each person's searches may return.

Every search document carries one audience: the least a person must be to see it. The audiences
are ranked; a person finds the documents of every audience up to their own (`searchable_audiences`).
"""

from .roles import is_administrator, is_member, is_moderator

PUBLIC = "public"  # everyone, visitors included
SIGNED_IN = "signed_in"  # any signed-in account (Wagtail's "any logged-in user" restriction)
MEMBERS_ONLY = "members"  # members, moderators and administrators
MODERATORS_ONLY = "moderators"  # the secretariat and administrators
ADMINISTRATORS_ONLY = "administrators"

# From the widest audience to the narrowest.
AUDIENCES = [PUBLIC, SIGNED_IN, MEMBERS_ONLY, MODERATORS_ONLY, ADMINISTRATORS_ONLY]


def can_search(user) -> bool:
    """Search is open to everyone; what it returns depends on searchable_audiences()."""
    return True


def searchable_audiences(user) -> list[str]:
    """The document audiences this person may find: visitors never see anything but public ones.

    Hidden forum posts, drafts and password-protected pages are never indexed, so no audience can
    find them.
    """
    audiences = [PUBLIC]
    if getattr(user, "is_authenticated", False) and user.is_active:
        audiences.append(SIGNED_IN)
    if is_member(user):
        audiences.append(MEMBERS_ONLY)
    if is_moderator(user):
        audiences.append(MODERATORS_ONLY)
    if is_administrator(user):
        audiences.append(ADMINISTRATORS_ONLY)
    return audiences


def narrowest(audiences) -> str:
    """The audience that all of these restrictions together leave (each one narrows the page)."""
    return max(audiences, key=AUDIENCES.index, default=PUBLIC)

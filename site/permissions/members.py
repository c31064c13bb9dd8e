"""Accounts, profiles, the directory and membership review."""

from .roles import Role, is_moderator, is_registered, role_of


def can_apply_for_membership(user) -> bool:
    """Verified people who are not members yet and have no application waiting."""
    if role_of(user) != Role.REGISTERED:
        return False
    return not user.membership_applications.filter(status="pending").exists()


def can_review_membership(user) -> bool:
    return is_moderator(user)


def can_view_directory(user) -> bool:
    """The directory of member organisations is public: it shows who takes part."""
    return True


def can_view_profile(user, profile) -> bool:
    if profile.user_id == getattr(user, "pk", None) or is_moderator(user):
        return True
    if not profile.user.is_active:
        return False
    if profile.visibility == profile.Visibility.PUBLIC:
        return True
    return role_of(user) >= Role.MEMBER


def can_edit_profile(user, profile) -> bool:
    return is_registered(user) and profile.user_id == user.pk


def can_export_own_data(user) -> bool:
    return user.is_authenticated


def can_delete_account(user) -> bool:
    """Anyone signed in may delete their own account, except an administrator (hand over first)."""
    return user.is_authenticated and not user.is_superuser

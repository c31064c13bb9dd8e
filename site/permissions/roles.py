"""Roles, from least to most trusted. Each role has every right of the roles below it."""

from enum import IntEnum

from allauth.account.models import EmailAddress

MEMBERS_GROUP = "Members"
MODERATORS_GROUP = "Moderators"
ADMINISTRATORS_GROUP = "Administrators"


class Role(IntEnum):
    VISITOR = 0  # not signed in
    REGISTERED = 1  # signed in with a verified email address, not (yet) a member
    MEMBER = 2  # approved member of the Coalition's exchange
    MODERATOR = 3  # secretariat: reviews, curates, moderates
    ADMINISTRATOR = 4  # runs the site


def role_of(user) -> Role:
    """The user's role, computed once per request object (it costs one or two queries)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Role.VISITOR
    cached = getattr(user, "_lodestar_role", None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or ADMINISTRATORS_GROUP in groups:
        role = Role.ADMINISTRATOR
    elif MODERATORS_GROUP in groups:
        role = Role.MODERATOR
    elif MEMBERS_GROUP in groups:
        role = Role.MEMBER
    elif EmailAddress.objects.filter(user=user, verified=True).exists():
        role = Role.REGISTERED
    else:
        role = Role.VISITOR  # signed up but not verified yet: no more rights than a visitor
    user._lodestar_role = role
    return role


def forget_role(user) -> None:
    """Drop the cached role after the user's groups or verified addresses change."""
    if hasattr(user, "_lodestar_role"):
        del user._lodestar_role


def is_registered(user) -> bool:
    return role_of(user) >= Role.REGISTERED


def is_member(user) -> bool:
    return role_of(user) >= Role.MEMBER


def is_moderator(user) -> bool:
    return role_of(user) >= Role.MODERATOR


def is_administrator(user) -> bool:
    return role_of(user) >= Role.ADMINISTRATOR

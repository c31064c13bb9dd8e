"""The one place that decides who may do what on Lodestar.

Every view, template (`{% load permissions %}`) and search filter asks these functions; none
decides inline. One function per action, named `can_<action>`, taking the user first and the
object acted on second. The functions are grouped by area in the modules below and re-exported
here, so callers import from `lodestar.permissions` only.
"""

from .members import (
    can_apply_for_membership,
    can_delete_account,
    can_edit_profile,
    can_export_own_data,
    can_review_membership,
    can_view_directory,
    can_view_profile,
)
from .roles import Role, is_administrator, is_member, is_moderator, is_registered, role_of
from .search import can_search, searchable_audiences

__all__ = [
    "Role",
    "role_of",
    "is_registered",
    "is_member",
    "is_moderator",
    "is_administrator",
    "can_apply_for_membership",
    "can_review_membership",
    "can_view_directory",
    "can_view_profile",
    "can_edit_profile",
    "can_export_own_data",
    "can_delete_account",
    "can_search",
    "searchable_audiences",
]

"""The one place that decides who may do what on Lodestar.

Every view, template (`{% load permissions %}`) and search filter asks these functions; none
decides inline. One function per action, named `can_<action>`, taking the user first and the
object acted on second. The functions are grouped by area in the modules below and re-exported
here, so callers import from `lodestar.permissions` only.
"""

from .forum import (
    can_accept_answer,
    can_delete_post,
    can_edit_post,
    can_flag_post,
    can_moderate,
    can_react,
    can_reply,
    can_start_topic,
    can_suspend,
    can_view_category,
    can_view_forum,
    can_view_notifications,
    can_view_post,
    can_view_post_history,
    can_view_topic,
    can_watch,
    is_suspended,
)
from .library import (
    can_edit_case_study,
    can_export_library,
    can_feature_cases,
    can_publish_case_study,
    can_submit_case_study,
    can_verify_figures,
    can_view_library,
)
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
    "can_view_forum",
    "can_view_category",
    "can_start_topic",
    "can_view_topic",
    "can_reply",
    "can_view_post",
    "can_edit_post",
    "can_delete_post",
    "can_view_post_history",
    "can_react",
    "can_flag_post",
    "can_accept_answer",
    "can_watch",
    "can_view_notifications",
    "can_moderate",
    "can_suspend",
    "is_suspended",
    "can_view_library",
    "can_submit_case_study",
    "can_verify_figures",
    "can_edit_case_study",
    "can_publish_case_study",
    "can_feature_cases",
    "can_export_library",
    "can_search",
    "searchable_audiences",
]

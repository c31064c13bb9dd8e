"""The library: case studies, tools, featured cases and open data.

Page editing itself happens in Wagtail's admin, which enforces the page permissions that the
`cases` data migration grants (Members: add under the library and tool indexes, hence edit their
own pages only; Moderators: add, edit, publish). These functions say the same thing to Lodestar's
own views and templates, so links and buttons match what the admin will allow.
"""

from .roles import is_member, is_moderator


def can_view_library(user) -> bool:
    """Published case studies and tools are public: anyone may read them."""
    return True


def can_submit_case_study(user) -> bool:
    """Members (and the secretariat) may write case studies and tools, as drafts for review."""
    return is_member(user)


def can_edit_case_study(user, page) -> bool:
    """Authors edit their own pages; the secretariat edits every page."""
    if is_moderator(user):
        return True
    return is_member(user) and page.owner_id is not None and page.owner_id == user.pk


def can_publish_case_study(user, page=None) -> bool:
    """Only the secretariat publishes, by approving a submission or publishing directly."""
    return is_moderator(user)


def can_verify_figures(user) -> bool:
    """Only the secretariat marks a case study's figures as verified; contributors' are self-reported."""
    return is_moderator(user)


def can_feature_cases(user) -> bool:
    return is_moderator(user)


def can_export_library(user) -> bool:
    """Open data: the CSV export and the API serve published pages to everyone."""
    return True

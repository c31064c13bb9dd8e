"""Moderators manage forum categories in the Wagtail admin they already use."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Forum categories")
    add_to_admin_menu = True
    list_display = ["name", "visibility", "who_may_start_topics", "sort_order"]


register_snippet(CategoryViewSet)

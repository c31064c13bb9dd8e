"""Admin registration: the featured list snippet (moderators and administrators only)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FeaturedList


class FeaturedListViewSet(SnippetViewSet):
    model = FeaturedList
    icon = "pick"
    menu_label = _("Featured cases")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name"]


register_snippet(FeaturedListViewSet)

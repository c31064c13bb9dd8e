"""What the Wagtail admin lists to members: their own pages and the pages they may view, no more.

The explorer, its sidebar menu, the per-type listing and the page chooser call Wagtail's
construct_* hooks (lodestar.home.wagtail_hooks). The page search has no such hook, so the base
page viewset is replaced by one whose search view applies the same rule. The rule itself is
lodestar.permissions.explorable_pages.
"""

from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet

from lodestar.permissions import explorable_pages


class ExplorablePageSearchView(SearchView):
    def annotate_queryset(self, pages):
        # SearchView.get_queryset sets all_pages (its facet counts) before it annotates the pages.
        self.all_pages = explorable_pages(self.request.user, self.all_pages)
        return super().annotate_queryset(explorable_pages(self.request.user, pages))


class ExplorablePageViewSet(PageViewSet):
    search_view_class = ExplorablePageSearchView

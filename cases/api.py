"""The open-data API: Wagtail API v2, serving published public pages only (drafts are never listed).

Case studies: /api/v2/pages/?type=cases.CaseStudyPage&fields=*
Tools:        /api/v2/pages/?type=cases.ToolPage&fields=*

Open data is the same for everyone, signed in or not, like the CSV export: the pages come from
lodestar.permissions.open_data_pages (Wagtail's own filter would let any signed-in account read
"any logged-in user" pages, and would judge group restrictions differently from the site).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from lodestar.permissions import open_data_pages


class OpenDataPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        pages = super().get_base_queryset()
        return pages.filter(pk__in=open_data_pages(Page.objects.all()).values("pk"))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenDataPagesAPIViewSet)

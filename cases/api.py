"""The open-data API: Wagtail API v2, serving published pages only (drafts are never listed).

Case studies: /api/v2/pages/?type=cases.CaseStudyPage&fields=*
Tools:        /api/v2/pages/?type=cases.ToolPage&fields=*
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

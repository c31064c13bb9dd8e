"""The open-data API: Wagtail API v2, serving published public pages only (drafts are never listed).

Case studies: /api/v2/pages/?type=cases.CaseStudyPage&fields=*
Tools:        /api/v2/pages/?type=cases.ToolPage&fields=*

Open data is the same for everyone, signed in or not, like the CSV export: the pages come from
lodestar.permissions.open_data_pages (Wagtail's own filter would let any signed-in account read
"any logged-in user" pages, and would judge group restrictions differently from the site).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from lodestar.permissions import open_data_pages

MAX_OFFSET = 1_000_000  # far beyond the library's size; PostgreSQL refuses offsets past 2^63 - 1
MAX_ID = 2**31 - 1  # page ids are 32-bit integers
ID_PARAMETERS = ["child_of", "descendant_of", "ancestor_of", "translation_of", "id"]
MAX_SEARCH_WORDS = 32
MAX_SEARCH_CHARACTERS = 500


class ValidatedQueryMixin:
    """Query parameters out of range answer 400 with a message, before any query runs.

    Wagtail checks that offset and limit are whole numbers, not that the database can use them, and
    passes any search to its backend (NUL bytes are refused earlier, by lodestar.middleware).
    """

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        params = self.request.GET
        for name, highest in [("offset", MAX_OFFSET), *[(name, MAX_ID) for name in ID_PARAMETERS]]:
            value = params.get(name, "")
            if value.strip().lstrip("-").isdigit() and not 0 <= int(value) <= highest:
                raise BadRequestError(f"{name} must be a whole number from 0 to {highest}")
        search = params.get("search", "")
        if len(search) > MAX_SEARCH_CHARACTERS or len(search.split()) > MAX_SEARCH_WORDS:
            raise BadRequestError(
                f"search is limited to {MAX_SEARCH_WORDS} words and {MAX_SEARCH_CHARACTERS} characters"
            )


class OpenDataPagesAPIViewSet(ValidatedQueryMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        pages = super().get_base_queryset()
        return pages.filter(pk__in=open_data_pages(Page.objects.all()).values("pk"))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenDataPagesAPIViewSet)

"""The open-data API: Wagtail API v2, serving published public pages only (drafts are never listed).

Case studies: /api/v2/pages/?type=cases.CaseStudyPage&fields=*
Tools:        /api/v2/pages/?type=cases.ToolPage&fields=*

Listings answer `meta.total_count` and `meta.next`/`meta.previous` (absolute links on the public
address, null at either end), also as an RFC 8288 `Link` header; `limit` is at most
WAGTAILAPI_LIMIT_MAX. Described in site/openapi.yaml, served at /api/schema/.

Open data is the same for everyone, signed in or not, like the CSV export: the pages come from
lodestar.permissions.open_data_pages (Wagtail's own filter would let any signed-in account read
"any logged-in user" pages, and would judge group restrictions differently from the site).
"""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from lodestar.links import absolute_url
from lodestar.permissions import open_data_pages

from .selectors import api_page_bodies, api_pages

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


class LinkedPagination(WagtailPagination):
    """Wagtail's offset and limit, with links to the next and previous pages, so that a client can
    walk the whole library without computing offsets."""

    def paginate_queryset(self, queryset, request, view=None):
        items = super().paginate_queryset(queryset, request, view)  # validates offset and limit
        self.request = request
        self.offset = int(request.GET.get("offset", 0))
        self.limit = int(request.GET.get("limit", min(20, settings.WAGTAILAPI_LIMIT_MAX)))
        return items

    def _link(self, offset: int) -> str:
        query = self.request.GET.copy()
        query["offset"], query["limit"] = str(offset), str(self.limit)
        return absolute_url(f"{self.request.path}?{query.urlencode(safe='*,')}")

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        after, total, limit = self.offset + self.limit, self.total_count, self.limit
        following = self._link(after) if limit and after < total else None  # limit=0 has no pages
        preceding = self._link(max(0, min(self.offset, total) - limit)) if limit and self.offset else None
        response.data["meta"].update(next=following, previous=preceding)
        links = [f'<{url}>; rel="{rel}"' for url, rel in [(following, "next"), (preceding, "prev")] if url]
        if links:
            response["Link"] = ", ".join(links)
        return response


class OpenDataPagesAPIViewSet(ValidatedQueryMixin, PagesAPIViewSet):
    pagination_class = LinkedPagination

    def get_base_queryset(self):
        pages = super().get_base_queryset()
        # Aliases are copies of an English page in the French and Spanish trees (cases.translation):
        # open data lists the original and its real translations, each with its `meta.locale`. (Inside
        # the id filter: a filter on the queryset itself would make `search=` fail, as not indexed.)
        originals = open_data_pages(Page.objects.filter(alias_of__isnull=True))
        return pages.filter(pk__in=originals.values("pk"))

    def get_queryset(self):
        return api_pages(super().get_queryset())

    def paginate_queryset(self, queryset):
        return api_page_bodies(list(super().paginate_queryset(queryset)))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", OpenDataPagesAPIViewSet)

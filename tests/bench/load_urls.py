"""Lodestar's addresses plus the cheapest Django answer, the load benchmark's yardstick."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from lodestar.urls import urlpatterns as lodestar_urlpatterns


@never_cache  # through every middleware, like a page, but never from the visitors' page cache
def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal), *lodestar_urlpatterns]

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cases.api import api_router

from . import media

urlpatterns = [
    # /health/, /health/live and /health/ready: lodestar.health.HealthCheckMiddleware answers them.
    path("accounts/", include("allauth.urls")),
    path("members/", include("lodestar.members.urls")),
    path("forum/", include("forum.urls")),
    path("", include("search.urls")),  # /search/ and /api/search/, before Wagtail's catch-all
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("", include("cases.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    urlpatterns += [path("media/<path:path>", media.public_media, name="public_media")]

# Wagtail's page tree serves everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

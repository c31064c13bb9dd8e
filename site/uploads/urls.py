"""Wagtail's two document addresses (same names, so `document.url` is unchanged) and /media/."""

from django.conf import settings
from django.urls import path
from wagtail.documents.views.serve import authenticate_with_password

from . import views

urlpatterns = [
    path(
        "documents/<int:document_id>/<str:document_filename>", views.serve_document, name="wagtaildocs_serve"
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.serve_media, name="media"),
]

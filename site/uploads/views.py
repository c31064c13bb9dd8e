"""Serving uploaded files, each only to those the permission module lets see it (404 otherwise).

/media/<path> is what `{% image %}`, `profile.avatar.url` and old links point at. It finds what the
path belongs to (an original image, a rendition, an avatar) and asks lodestar.permissions; a
document's raw path always answers 404, because documents are served only by the view below, as
sandboxed attachments.
"""

import mimetypes
import os
import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model

from lodestar.members.models import Profile
from lodestar.permissions import can_view_avatar, can_view_image

from .sendfile import sendfile

# Uploaded documents can hold HTML or script: whatever the browser makes of them, they must not run
# in the site's origin. `sandbox` gives the document an opaque origin of its own, with no scripts.
DOCUMENT_CSP = "default-src 'none'; sandbox"
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}


def _owner(path: str):
    """(permission check, object) for the file at this path under MEDIA_ROOT, or None."""
    folder = path.split("/", 1)[0]
    Image = get_image_model()
    if folder == "original_images":
        image = Image.objects.filter(file=path).first()
        return (can_view_image, image) if image else None
    if folder == "images":
        rendition = Image.get_rendition_model().objects.filter(file=path).select_related("image").first()
        return (can_view_image, rendition.image) if rendition else None
    if folder == "avatars":
        profile = Profile.objects.filter(avatar=path).select_related("user").first()
        return (can_view_avatar, profile) if profile else None
    return None  # documents/ and anything else: never from this address


@require_safe
def serve_media(request, path: str):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or "\\" in path:
        raise Http404
    owner = _owner(path)
    if owner is None:
        raise Http404
    check, obj = owner
    if not check(request.user, obj):
        raise Http404
    filename = os.path.join(settings.MEDIA_ROOT, path)
    if not os.path.isfile(filename):
        raise Http404
    content_type = mimetypes.guess_type(filename)[0]
    if content_type not in IMAGE_TYPES:
        raise Http404  # only pictures are ever shown from /media/
    not_modified = get_conditional_response(request, last_modified=int(os.stat(filename).st_mtime))
    response = not_modified or sendfile(request, filename)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOCUMENT_CSP
    # Who may see it depends on the session: no shared cache may keep it for someone else.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def serve_document(request, document_id: int, document_filename: str):
    """Wagtail's document view (its before_serve_document hooks ask lodestar.permissions), always
    as a download, never sniffed, and sandboxed should a browser render it anyway."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code in (200, 304):
        response["Content-Security-Policy"] = DOCUMENT_CSP
        response["X-Content-Type-Options"] = "nosniff"
        if not response.get("Content-Disposition", "").startswith("attachment"):
            response["Content-Disposition"] = "attachment"
        if response.has_header("X-Accel-Redirect") and response.has_header("Content-Length"):
            del response["Content-Length"]  # this body is empty: nginx sends the file and its length
        patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
    return response

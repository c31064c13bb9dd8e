"""Uploaded files that every visitor may see (avatars, image renditions), served in production.

With MEDIA_X_ACCEL_REDIRECT set (the nginx stack, deploy/nginx.conf.template) Django only answers
X-Accel-Redirect and nginx sends the file from its internal location; without it (no proxy) Django
sends the file itself. Anything else under MEDIA_ROOT (documents, original images) is 404 here:
Wagtail serves documents through /documents/ with its own permission checks.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.views.decorators.http import require_GET

PUBLIC_FOLDERS = ("avatars/", "images/")


@require_GET
def public_media(request, path: str):
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        full_path = Path(safe_join(root, path)).resolve()
    except ValueError as error:  # an attempt to leave MEDIA_ROOT
        raise Http404("No such file") from error
    relative = full_path.relative_to(root).as_posix() if full_path.is_relative_to(root) else ""
    if not relative.startswith(PUBLIC_FOLDERS) or not full_path.is_file():
        raise Http404("No such file")
    path = relative  # what was asked for, without any "..": nginx gets the same file
    content_type = mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
    if settings.MEDIA_X_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_X_ACCEL_REDIRECT + path
    else:
        response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response

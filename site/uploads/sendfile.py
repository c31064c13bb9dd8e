"""How a permitted file's bytes leave: streamed by Django, or handed to nginx (X-Accel-Redirect).

With MEDIA_X_ACCEL_REDIRECT set (for example "/protected-media/"), the response carries no body,
only `X-Accel-Redirect: /protected-media/<path under MEDIA_ROOT>`, and nginx sends the file from
its `internal` location aliasing MEDIA_ROOT. Also Wagtail's SENDFILE_BACKEND, so documents served
by Wagtail's view take the same way out.
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.http import http_date


def accel_path(filename: str) -> str | None:
    """The internal address nginx serves `filename` from, or None when Django streams it."""
    prefix = getattr(settings, "MEDIA_X_ACCEL_REDIRECT", "")
    if not prefix:
        return None
    relative = os.path.relpath(os.path.realpath(filename), os.path.realpath(settings.MEDIA_ROOT))
    return prefix.rstrip("/") + "/" + quote(relative.replace(os.sep, "/"))


def sendfile(request, filename, **kwargs):
    """Wagtail's sendfile backend interface: a response for the file at this local path."""
    internal = accel_path(filename)
    if internal is not None:
        response = HttpResponse()
        response["X-Accel-Redirect"] = internal
    else:
        response = FileResponse(open(filename, "rb"))  # noqa: SIM115 - FileResponse closes it
    response["Last-Modified"] = http_date(os.stat(filename).st_mtime)
    return response

"""/api/schema/: the OpenAPI description of the public JSON interfaces (open data, search, suggest).

The description is a file written by hand (site/openapi.yaml, why there) and served as it is, in
YAML (application/yaml, RFC 9512); its server is relative, so it names whichever address served it.
"""

from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from lodestar.permissions import can_read_api_description
from lodestar.permissions.http import permission_required

DESCRIPTION = Path(__file__).resolve().parent / "openapi.yaml"
MEDIA_TYPE = "application/yaml"


@cache
def description() -> bytes:
    return DESCRIPTION.read_bytes()


@require_GET
@permission_required(can_read_api_description)
def api_schema(request):
    response = HttpResponse(description(), content_type=f"{MEDIA_TYPE}; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lodestar-openapi.yaml"'
    return response

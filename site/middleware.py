"""Request guards that answer before any view: malformed input, and the admin's reports."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render

from lodestar.permissions import can_view_admin_reports

NUL = "\x00"
NUL_MESSAGE = "The request contains a NUL character (\\x00), which no address, parameter or field accepts."


def _has_nul(request) -> bool:
    if NUL in request.path:
        return True
    for data in [request.GET, *([request.POST] if request.method == "POST" else [])]:
        for key, values in data.lists():
            if NUL in key or any(NUL in value for value in values):
                return True
    return False


class RefuseNulBytesMiddleware:
    """PostgreSQL cannot store a NUL byte: refuse it with a 400 instead of a database error (500).

    Uploaded files are not looked at (they may hold anything); their names and every other field are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            if request.path.startswith("/api/"):
                # Wagtail's API says "message", Lodestar's search API "error": both, for either.
                return JsonResponse({"message": NUL_MESSAGE, "error": NUL_MESSAGE}, status=400)
            return render(request, "400.html", {"message": NUL_MESSAGE}, status=400)
        return self.get_response(request)


class AdminReportsForModeratorsMiddleware:
    """The Wagtail admin's reports list every page's title and everyone's actions (site history):
    only lodestar.permissions.can_view_admin_reports may open them. Their menu is trimmed by a hook."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match
            and match.namespace == "wagtailadmin_reports"
            and request.user.is_authenticated  # visitors are sent to log in by the admin itself
            and not can_view_admin_reports(request.user)
        ):
            raise PermissionDenied
        return None

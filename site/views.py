"""Project-wide views."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import OK, check_dependencies


@never_cache
@require_GET
def health(request):
    """Report each dependency: 200 when all are ok, 503 (naming the failures) when any is not."""
    dependencies = check_dependencies()
    healthy = all(state == OK for state in dependencies.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "dependencies": dependencies},
        status=200 if healthy else 503,
    )


def rate_limited(request, exception=None):
    """Shown by django-ratelimit when someone has done something too often."""
    return render(request, "429.html", status=429)

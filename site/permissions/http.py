"""How views turn a `can_*` answer into a response."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def deny(request):
    """Visitors are sent to log in; signed-in people who may not are told 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def permission_required(predicate):
    """Guard a view with a `can_*(user)` function from lodestar.permissions."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                return deny(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

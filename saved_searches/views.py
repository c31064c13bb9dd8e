"""Saving, listing, running, changing and deleting saved searches, and the emails' unsubscribe link.

Thin: forms read the request, services write, selectors read, lodestar.permissions decides.
"""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from lodestar.permissions import can_manage_saved_search, can_save_search
from lodestar.permissions.http import deny, permission_required

from . import selectors, services
from .forms import FrequencyForm, SaveSearchForm
from .models import SavedSearch


def _own(request, pk) -> SavedSearch:
    """The member's own saved search; someone else's is a 404, as if it did not exist."""
    saved = get_object_or_404(SavedSearch, pk=pk)
    if not can_manage_saved_search(request.user, saved):
        raise Http404(_("No such saved search."))
    return saved


@require_POST
@permission_required(can_save_search)
def save(request):
    form = SaveSearchForm(request.POST)
    if form.is_valid():
        try:
            saved = services.saved_search_create(
                owner=request.user,
                name=form.cleaned_data["name"],
                query=form.cleaned_data["query"],
                filters=form.cleaned_data["filters"],
                frequency=form.cleaned_data["frequency"],
            )
        except ValidationError as error:
            form.add_error(None, error)  # a dict names the field (a taken name), else the whole form
        else:
            messages.success(
                request,
                _("Saved “%(name)s”. You find it under Saved searches in your profile.")
                % {"name": saved.name},
            )
            return redirect(saved.search_url())
    return render(request, "saved_searches/save_failed.html", {"form": form}, status=400)


@require_GET
@permission_required(can_save_search)
def saved_list(request):
    saved_searches = list(selectors.saved_searches_for(request.user))
    missing = selectors.missing_terms(saved_searches, request.user)
    entries = [
        {
            "saved": saved,
            "notice": selectors.missing_notice(missing[saved.pk]) if saved.pk in missing else "",
            "form": FrequencyForm(initial={"frequency": saved.frequency}, prefix=f"s{saved.pk}"),
        }
        for saved in saved_searches
    ]
    return render(request, "saved_searches/list.html", {"entries": entries})


@require_GET
def run(request, pk):
    """Open a saved search on the search page, without any term that no longer exists (and say so)."""
    if not request.user.is_authenticated:
        return deny(request)
    saved = _own(request, pk)
    search, gone = selectors.search_request_of(saved, request.user)
    if gone:
        messages.warning(request, f"“{saved.name}”: {selectors.missing_notice(gone)}")
    kept = SavedSearch(query=search.query, filters={k: list(v) for k, v in search.filters.items()})
    return redirect(kept.search_url())


@require_POST
def set_frequency(request, pk):
    if not request.user.is_authenticated:
        return deny(request)
    saved = _own(request, pk)
    form = FrequencyForm(request.POST, prefix=f"s{saved.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose daily, weekly or no alerts."))
        return render(request, "saved_searches/save_failed.html", {"form": form}, status=400)
    services.saved_search_set_frequency(saved=saved, frequency=form.cleaned_data["frequency"])
    messages.success(
        request,
        _("Alerts for “%(name)s”: %(frequency)s.")
        % {"name": saved.name, "frequency": str(saved.get_frequency_display()).lower()},
    )
    return redirect("saved_searches:list")


@require_POST
def delete(request, pk):
    if not request.user.is_authenticated:
        return deny(request)
    saved = _own(request, pk)
    name = saved.name
    services.saved_search_delete(saved=saved)
    messages.success(request, _("Deleted the saved search “%(name)s”.") % {"name": name})
    return redirect("saved_searches:list")


@csrf_exempt  # the signed token is the proof; mail clients POST here for one-click unsubscribe (RFC 8058)
def unsubscribe(request, token):
    """Works without logging in. GET asks to confirm (link scanners must not unsubscribe anyone)."""
    try:
        saved_search_id, owner_id = services.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "saved_searches/unsubscribe.html", {"invalid": True}, status=400)
    saved = SavedSearch.objects.filter(pk=saved_search_id, owner_id=owner_id).first()
    if saved is None:
        return render(request, "saved_searches/unsubscribe.html", {"gone": True}, status=404)
    if request.method == "POST":
        services.saved_search_unsubscribe(saved_search_id=saved_search_id, owner_id=owner_id)
        return render(request, "saved_searches/unsubscribe.html", {"done": True, "saved": saved})
    if request.method != "GET":
        return render(request, "saved_searches/unsubscribe.html", {"invalid": True}, status=405)
    return render(request, "saved_searches/unsubscribe.html", {"saved": saved, "token": token})

"""Serving pages, and listing them in the admin: Lodestar's permission module decides.

Wagtail's own check (`wagtail.wagtail_hooks.check_view_restrictions`) reads a group restriction as
"is in one of these groups", so a moderator, who is not in the Members group, could not read a
members-only page that the search index and every list offer them. It is replaced here by the
same check asking `lodestar.permissions.restriction_admits`, so pages, search, the API and
documents share one meaning of each restriction. Shared passwords are still Wagtail's (per session).

The admin lists to members only their own pages and those they may view (explorer, page search,
chooser), and its reports only to moderators (lodestar.home.admin_listings, lodestar.middleware).

Refusals: visitors are asked to log in when an account could pass; everyone else gets 404, so a
page restricted to another group does not even show that it exists.
"""

import wagtail.wagtail_hooks as wagtail_core_hooks
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import PageViewRestriction

from lodestar.permissions import can_view_admin_reports, explorable_pages, restriction_admits
from lodestar.permissions.library import restriction_audience

from .admin_listings import ExplorablePageViewSet


def _password_form(page, request, restriction):
    form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.get_full_path()})
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    return page.serve_password_required_response(request, form, action_url)


def check_view_restrictions(callback):
    def inner(page, request, serve_args, serve_kwargs):
        restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
        for restriction in restrictions:
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                if not restriction.accept_request(request):
                    response = _password_form(page, request, restriction)
                    add_never_cache_headers(response)
                    return response
            elif not restriction_admits(request.user, restriction):
                if not request.user.is_authenticated and restriction_audience(restriction) is not None:
                    response = wagtail_core_hooks.require_wagtail_login(next=request.get_full_path())
                    add_never_cache_headers(response)
                    return response
                raise Http404
        response = callback(page, request, serve_args, serve_kwargs)
        if restrictions:
            add_never_cache_headers(response)
        return response

    return inner


# Replace Wagtail's check (registered when wagtail.wagtail_hooks was imported above) with this one.
# Wagtail has no public way to unregister a hook; its registry is a dict of (function, order).
hooks._hooks["on_serve_page"] = [
    (fn, order)
    for fn, order in hooks._hooks.get("on_serve_page", [])
    if fn is not wagtail_core_hooks.check_view_restrictions
]
hooks.register("on_serve_page", check_view_restrictions)


# --- The Wagtail admin: members see their own drafts and the pages they may view -----------------------


@hooks.register("construct_explorer_page_queryset")
def explore_only_explorable_pages(parent_page, pages, request):
    return explorable_pages(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def choose_only_explorable_pages(pages, request):
    return explorable_pages(request.user, pages)


@hooks.register("register_admin_viewset")
def page_search_only_explorable_pages():
    # Registered after Wagtail's base page viewset (order -1), so it replaces it for every page type.
    return ExplorablePageViewSet()


MODERATOR_REPORTS = {"site-history", "workflows", "workflow-tasks", "aging-pages", "page-types-usage"}


@hooks.register("construct_reports_menu")
def reports_for_the_secretariat(request, menu_items):
    if not can_view_admin_reports(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in MODERATOR_REPORTS]

"""The library: case studies, tools, featured cases and open data.

Page editing itself happens in Wagtail's admin, which enforces the page permissions that the
`cases` data migration grants (Members: add under the library and tool indexes, hence edit their
own pages only; Moderators: add, edit, publish). These functions say the same thing to Lodestar's
own views and templates, so links and buttons match what the admin will allow.
"""

from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from wagtail.models import Page, PageViewRestriction

from .roles import ADMINISTRATORS_GROUP, MEMBERS_GROUP, MODERATORS_GROUP, is_member, is_moderator
from .search import (
    ADMINISTRATORS_ONLY,
    AUDIENCES,
    MEMBERS_ONLY,
    MODERATORS_ONLY,
    PUBLIC,
    SIGNED_IN,
    searchable_audiences,
)

# --- Page view restrictions (Wagtail's "Privacy" setting), in Lodestar's roles ------------------------
#
# One meaning everywhere (pages, search, the API, documents):
# - "any logged-in user" (LOGIN): any signed-in account, member or not (the admin says so);
# - "users in specific groups" (GROUPS) with a role group: that role and every role above it, so
#   Members means members, moderators and administrators, and Moderators excludes members;
#   other groups: their own members (Wagtail's meaning), and such pages are never found in search;
# - a shared password: whoever typed it (per session); never found in search.
# A page's restrictions are its own and its ancestors': a person must pass all of them.

AUDIENCE_OF_GROUP = {
    MEMBERS_GROUP: MEMBERS_ONLY,
    MODERATORS_GROUP: MODERATORS_ONLY,
    ADMINISTRATORS_GROUP: ADMINISTRATORS_ONLY,
}


def restriction_audience(restriction) -> str | None:
    """The search audience of one view restriction; None when no audience can express it."""
    kind = restriction.restriction_type
    if kind == PageViewRestriction.NONE:
        return PUBLIC
    if kind == PageViewRestriction.LOGIN:
        return SIGNED_IN
    if kind == PageViewRestriction.GROUPS:
        audiences = [
            AUDIENCE_OF_GROUP[group.name]
            for group in restriction.groups.all()
            if group.name in AUDIENCE_OF_GROUP
        ]
        return min(audiences, key=AUDIENCES.index) if audiences else None
    return None  # a shared password: no account says who typed it


def restriction_admits(user, restriction) -> bool:
    """Whether this signed-in identity (or a visitor) passes one view restriction.

    Passwords are remembered per session, not per account: this says False for them, and page
    serving asks Wagtail's own password check instead (lodestar.home.wagtail_hooks).
    """
    kind = restriction.restriction_type
    if kind == PageViewRestriction.NONE:
        return True
    signed_in = getattr(user, "is_authenticated", False) and user.is_active
    if kind == PageViewRestriction.LOGIN:
        return bool(signed_in)
    if kind == PageViewRestriction.GROUPS and signed_in:
        if user.is_superuser:
            return True
        audience = restriction_audience(restriction)
        if audience is not None and audience in searchable_audiences(user):
            return True
        other_groups = {group.pk for group in restriction.groups.all() if group.name not in AUDIENCE_OF_GROUP}
        return bool(other_groups) and user.groups.filter(pk__in=other_groups).exists()
    return False


def can_view_page(user, page, *, restrictions=None) -> bool:
    """A live page whose every view restriction (its own and its ancestors') admits this person."""
    if not page.live:
        return False
    if restrictions is None:
        restrictions = page.get_view_restrictions().prefetch_related("groups")
    return all(restriction_admits(user, restriction) for restriction in restrictions)


def _restrictions() -> list:
    """Every view restriction with its page and groups (there are few: read them, then filter by path)."""
    return list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))


def _below(paths) -> Q:
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def viewable_pages(user, queryset: QuerySet) -> QuerySet:
    """The live pages of `queryset` this person may open: can_view_page() as a queryset filter."""
    refused = [r.page.path for r in _restrictions() if not restriction_admits(user, r)]
    queryset = queryset.live()
    return queryset.exclude(_below(refused)) if refused else queryset


def open_data_pages(queryset: QuerySet) -> QuerySet:
    """What the CSV export, the Wagtail API, the library's Atom feeds and the sitemap serve: public
    live pages, whoever asks.

    Open data, feed readers and crawlers fetch without a session: what they get never depends on one.
    """
    return viewable_pages(AnonymousUser(), queryset)


def findable_pages(queryset: QuerySet) -> QuerySet:
    """Live pages that search may return, each annotated with its `audience` (see AUDIENCES).

    The narrowest restriction above a page decides; a page under a restriction that no audience
    expresses (a password, a group other than the role groups) is left out of search altogether.
    Aliases are left out too: they are copies of a page in the French and Spanish trees until it is
    translated (cases.translation), so the page is found once, as itself or as a translation.
    """
    hidden, by_audience = [], defaultdict(list)
    for restriction in _restrictions():
        audience = restriction_audience(restriction)
        if audience is None:
            hidden.append(restriction.page.path)
        else:
            by_audience[audience].append(restriction.page.path)
    queryset = queryset.live().filter(alias_of__isnull=True)
    if hidden:
        queryset = queryset.exclude(_below(hidden))
    narrowest_first = [
        When(_below(by_audience[audience]), then=Value(audience))
        for audience in reversed(AUDIENCES)
        if by_audience.get(audience)
    ]
    audience = Case(*narrowest_first, default=Value(PUBLIC), output_field=CharField())
    return queryset.annotate(
        audience=audience if narrowest_first else Value(PUBLIC, output_field=CharField())
    )


def can_view_library(user) -> bool:
    """The library's listings are public: anyone may read them (each page decides its own audience)."""
    return True


def can_submit_case_study(user) -> bool:
    """Members (and the secretariat) may write case studies and tools, as drafts for review."""
    return is_member(user)


def can_edit_case_study(user, page) -> bool:
    """Authors edit their own pages; the secretariat edits every page."""
    if is_moderator(user):
        return True
    return is_member(user) and page.owner_id is not None and page.owner_id == user.pk


def can_publish_case_study(user, page=None) -> bool:
    """Only the secretariat publishes, by approving a submission or publishing directly."""
    return is_moderator(user)


def can_translate_pages(user) -> bool:
    """Only the secretariat translates pages into French and Spanish (wagtail-localize's "Translate
    this page": home's migration 0003 grants its `submit_translation` to Moderators and
    Administrators only) and publishes the translations; members' pages follow in those languages
    as aliases of what the secretariat published in English."""
    return is_moderator(user)


def can_verify_figures(user) -> bool:
    """Only the secretariat marks a case study's figures as verified; contributors' are self-reported."""
    return is_moderator(user)


def can_feature_cases(user) -> bool:
    return is_moderator(user)


def can_export_library(user) -> bool:
    """Open data: the CSV export and the API serve published pages to everyone."""
    return True


def can_read_api_description(user) -> bool:
    """The OpenAPI description of the public JSON interfaces is public, like the open data it describes."""
    return True


# --- The Wagtail admin ---------------------------------------------------------------------------------


def explorable_pages(user, queryset: QuerySet) -> QuerySet:
    """Pages the Wagtail admin lists to this person (explorer, page search, page chooser).

    Moderators see every page. Everyone else sees the pages they may view on the site and their
    own pages (drafts included): never another member's draft, title or status.
    """
    if is_moderator(user):
        return queryset
    viewable = viewable_pages(user, Page.objects.all()).values("pk")
    return queryset.filter(Q(pk__in=viewable) | Q(owner_id=user.pk))


def can_view_admin_reports(user) -> bool:
    """The admin's reports (site history, workflows, aging pages, page types) list every page's
    title and every person's actions: for the secretariat only."""
    return is_moderator(user)

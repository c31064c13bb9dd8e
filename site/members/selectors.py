"""Reads about people and organisations, with the joins each page needs."""

from itertools import groupby

from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Greatest

from lodestar.permissions import Role, role_of

from .models import MembershipApplication, Organisation, Profile


def preferred_language(user) -> str:
    """The language Lodestar writes to a member in (their profile's), English when they have none.

    For what is sent to them (emails, whoever's action caused them); pages follow their address.
    """
    profile = getattr(user, "profile", None) if user is not None else None
    language = getattr(profile, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def visible_profiles(viewer) -> QuerySet[Profile]:
    """Profiles the viewer may see, following each member's choice (lodestar.permissions rules)."""
    profiles = Profile.objects.filter(user__is_active=True)
    if role_of(viewer) >= Role.MEMBER:
        return profiles
    own = Q(user_id=viewer.pk) if viewer.is_authenticated else Q(pk__in=[])
    return profiles.filter(Q(visibility=Profile.Visibility.PUBLIC) | own)


def member_organisations() -> QuerySet[Organisation]:
    """Organisations with at least one member: the ones the directory shows."""
    return Organisation.objects.filter(
        profiles__user__groups__name__in=["Members", "Moderators", "Administrators"]
    ).distinct()


def sitemap_organisations() -> QuerySet[Organisation]:
    """For the sitemap: the directory's organisations, each with when its page last changed for a
    visitor (created, or a public profile of one of its people edited)."""
    public = Q(profiles__visibility=Profile.Visibility.PUBLIC, profiles__user__is_active=True)
    return (
        Organisation.objects.filter(pk__in=member_organisations().values("pk"))
        .annotate(lastmod=Greatest("created_at", Max("profiles__updated_at", filter=public)))
        .order_by("pk")
    )


def directory_organisations(*, viewer, actor_type: str = "", country: str = "") -> list[tuple]:
    """Member organisations grouped by actor type, then country: [(actor type, [(country, [orgs])])]."""
    organisations = (
        member_organisations()
        .select_related("actor_type")
        .annotate(member_count=Count("profiles", distinct=True))
        .order_by("actor_type__sort_order", "actor_type__name", "country", "name")
        .distinct()
    )
    if actor_type:
        organisations = organisations.filter(actor_type__slug=actor_type)
    if country:
        organisations = organisations.filter(country=country)
    grouped = []
    for kind, in_kind in groupby(organisations, key=lambda o: o.actor_type):
        by_country = [(c, list(orgs)) for c, orgs in groupby(in_kind, key=lambda o: o.country)]
        grouped.append((kind, by_country))
    return grouped


def organisation_with_members(*, slug: str, viewer) -> Organisation | None:
    profiles = visible_profiles(viewer).select_related("user").order_by("display_name")
    return (
        Organisation.objects.select_related("actor_type")
        .prefetch_related(Prefetch("profiles", queryset=profiles, to_attr="visible_members"))
        .filter(slug=slug)
        .first()
    )


def pending_applications() -> QuerySet[MembershipApplication]:
    return (
        MembershipApplication.objects.filter(status=MembershipApplication.Status.PENDING)
        .select_related("applicant__profile", "actor_type")
        .order_by("submitted_at")
    )


def recently_reviewed_applications(limit: int = 20) -> QuerySet[MembershipApplication]:
    return (
        MembershipApplication.objects.exclude(status=MembershipApplication.Status.PENDING)
        .select_related("applicant", "reviewed_by__profile", "actor_type")
        .order_by("-reviewed_at")[:limit]
    )

"""The member directory's search document: organisations with active members."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import Integer

from lodestar.members.models import Organisation, Profile
from lodestar.permissions.roles import ADMINISTRATORS_GROUP, MEMBERS_GROUP, MODERATORS_GROUP
from lodestar.permissions.search import PUBLIC

from .base import SearchDocument, register

MEMBER_GROUPS = [MEMBERS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP]


@register
class OrganisationDocument(SearchDocument):
    """A member organisation, as the public directory shows it: who takes part in the Coalition."""

    document_type = "organisation"
    label = _("Member organisation")
    model = Organisation
    member_count = Integer()

    @classmethod
    def get_queryset(cls) -> QuerySet:
        member_profiles = Profile.objects.filter(
            organisation=OuterRef("pk"), user__is_active=True, user__groups__name__in=MEMBER_GROUPS
        )
        member_count = (
            member_profiles.order_by()
            .values("organisation")
            .annotate(n=Count("pk", distinct=True))
            .values("n")
        )
        return (
            Organisation.objects.filter(Exists(member_profiles))
            .select_related("actor_type")
            .annotate(member_count=Coalesce(Subquery(member_count), 0))
            .order_by("pk")
        )

    @staticmethod
    def prepare_title(org) -> str:
        return org.name

    @staticmethod
    def prepare_summary(org) -> str:
        members = f"{org.member_count} member" + ("" if org.member_count == 1 else "s")
        return f"{org.actor_type.name} in {org.country.name}. {members} on Lodestar."

    @staticmethod
    def prepare_url(org) -> str:
        return reverse("members:organisation_detail", kwargs={"slug": org.slug})

    @staticmethod
    def prepare_actor_type(org) -> str:
        return org.actor_type.slug

    @staticmethod
    def prepare_countries(org) -> list[str]:
        return [org.country.code]

    @staticmethod
    def prepare_date(org):
        return org.created_at

    @staticmethod
    def prepare_member_count(org) -> int:
        return org.member_count

    @staticmethod
    def prepare_visibility(org) -> str:
        return PUBLIC  # the directory of member organisations is public

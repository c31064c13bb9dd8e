"""Data for search tests: member organisations (the content type that exists on this branch)."""

from django.contrib.auth.models import Group
from django.db import transaction

from lodestar.members.models import Organisation
from lodestar.permissions.roles import MEMBERS_GROUP
from lodestar.vocabularies.models import ActorType
from search.models import SynonymGroup
from tests.members.factories import OrganisationFactory, ProfileFactory

ACTOR_TYPES = {
    "national-government": "National government",
    "city": "City",
    "business": "Business",
    "ngo-civil-society": "NGO / civil society",
}


def actor_type(slug: str) -> ActorType:
    """The seeded term; re-created when a transactional test emptied the tables."""
    return ActorType.objects.get_or_create(
        slug=slug, defaults={"name": ACTOR_TYPES.get(slug, slug.title()), "definition": "(illustrative)"}
    )[0]


def members_group() -> Group:
    return Group.objects.get_or_create(name=MEMBERS_GROUP)[0]


def member_organisation(
    name: str, *, country: str = "PT", kind: str = "national-government", members: int = 1
):
    """An organisation with `members` approved members, saved in one transaction as services do."""
    with transaction.atomic():
        organisation = OrganisationFactory(name=name, country=country, actor_type=actor_type(kind))
        for _ in range(members):
            profile = ProfileFactory(organisation=organisation)
            profile.user.groups.add(members_group())
    return organisation


def rename(organisation: Organisation, name: str) -> Organisation:
    with transaction.atomic():
        organisation.name = name
        organisation.save()
    return organisation


def synonyms(*terms: str) -> SynonymGroup:
    return SynonymGroup.objects.create(terms="\n".join(terms))

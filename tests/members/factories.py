import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from lodestar.members.models import MembershipApplication, Organisation, Profile, User
from lodestar.permissions.roles import ADMINISTRATORS_GROUP, MEMBERS_GROUP, MODERATORS_GROUP
from lodestar.vocabularies.models import ActorType


def actor_type(slug: str = "city") -> ActorType:
    """A seeded actor type (the vocabulary migration creates them)."""
    return ActorType.objects.get(slug=slug)


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Illustrative Agency {n}")
    actor_type = factory.LazyFunction(lambda: actor_type("national-government"))
    country = "PT"

    class Meta:
        model = Organisation


class EmailAddressFactory(factory.django.DjangoModelFactory):
    primary = True
    verified = True

    class Meta:
        model = EmailAddress


class UserFactory(factory.django.DjangoModelFactory):
    """A person who signed up; with `verified=False` they have not confirmed their address yet."""

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("a long passphrase for tests")
    email_address = factory.RelatedFactory(
        EmailAddressFactory,
        factory_related_name="user",
        email=factory.SelfAttribute("..email"),
        verified=factory.SelfAttribute("..verified"),
    )

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        verified = True


class ProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    slug = factory.Sequence(lambda n: f"person-{n}")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    actor_type = factory.LazyAttribute(lambda o: o.organisation.actor_type if o.organisation else None)
    country = "PT"
    city = "Lisbon"
    role_title = "Climate policy officer"
    bio = "Works on the long-term strategy."
    visibility = Profile.Visibility.PUBLIC

    class Meta:
        model = Profile


def member_factory(group_name: str | None, **profile_fields) -> User:
    """A verified person with a profile (fields as ProfileFactory takes them), in a role group."""
    profile = ProfileFactory(**profile_fields)
    user = profile.user
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def make_member(**kwargs) -> User:
    return member_factory(MEMBERS_GROUP, **kwargs)


def make_moderator(**kwargs) -> User:
    return member_factory(MODERATORS_GROUP, **kwargs)


def make_administrator(**kwargs) -> User:
    return member_factory(ADMINISTRATORS_GROUP, **kwargs)


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    applicant = factory.SubFactory(UserFactory)
    organisation_name = "Illustrative Ministry of Environment"
    actor_type = factory.LazyFunction(lambda: actor_type("national-government"))
    country = "PT"
    statement = "I coordinate our long-term strategy and want to learn from peers."

    class Meta:
        model = MembershipApplication

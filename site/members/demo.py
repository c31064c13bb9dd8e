"""Demo accounts and organisations. Every person and organisation here is illustrative.

The accounts below are documented in the README so a new user can try each role on `make run`.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from lodestar.permissions.roles import MEMBERS_GROUP, MODERATORS_GROUP
from lodestar.vocabularies.models import ActorType

from .models import Organisation, Profile, User

DEMO_PASSWORD = "lodestar-demo"  # noqa: S105 - demo accounts on a local development site only

ORGANISATIONS = [
    # name, actor type slug, country
    ("Ministry of Environment of Portugal (illustrative)", "national-government", "PT"),
    ("Climate Change Directorate of Costa Rica (illustrative)", "national-government", "CR"),
    ("Ministry of Natural Resources of the Marshall Islands (illustrative)", "national-government", "MH"),
    ("Federal Climate Office of Germany (illustrative)", "national-government", "DE"),
    ("Regional Energy Agency of Catalonia (illustrative)", "subnational-region", "ES"),
    ("City of Oslo Climate Agency (illustrative)", "city", "NO"),
    ("Nordic Green Investors (illustrative)", "investor", "DK"),
    ("Low Carbon Research Institute (illustrative)", "academia", "FR"),
    ("Pacific Climate Action Network (illustrative)", "ngo-civil-society", "NZ"),
    ("Sustainable Cement Company (illustrative)", "business", "MX"),
    ("Coalition Secretariat (illustrative)", "international-organisation", "NZ"),
]

PEOPLE = [
    # email local part, display name, organisation index, role title, group
    ("moderator", "Demo Moderator", 10, "Knowledge manager, secretariat", MODERATORS_GROUP),
    ("ana", "Ana (demo member)", 0, "Long-term strategy coordinator", MEMBERS_GROUP),
    ("carlos", "Carlos (demo member)", 1, "Decarbonisation plan analyst", MEMBERS_GROUP),
    ("lijon", "Lijon (demo member)", 2, "Climate policy officer", MEMBERS_GROUP),
    ("jonas", "Jonas (demo member)", 3, "Energy modeller", MEMBERS_GROUP),
    ("marta", "Marta (demo member)", 4, "Regional energy planner", MEMBERS_GROUP),
    ("ingrid", "Ingrid (demo member)", 5, "Climate budget lead", MEMBERS_GROUP),
    ("freja", "Freja (demo member)", 6, "Transition finance analyst", MEMBERS_GROUP),
    ("louis", "Louis (demo member)", 7, "Research fellow, pathways", MEMBERS_GROUP),
    ("aroha", "Aroha (demo member)", 8, "Network coordinator", MEMBERS_GROUP),
    ("diego", "Diego (demo member)", 9, "Head of sustainability", MEMBERS_GROUP),
    ("newcomer", "Newcomer (demo, not yet a member)", None, "Sustainability consultant", None),
]

DEMO_DOMAIN = "lodestar.localhost"


# Who reads Lodestar in French or Spanish (their emails and notifications come in it); others, English.
LANGUAGES = {"carlos": "es", "diego": "es", "marta": "es", "louis": "fr"}


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


def _account(local_part: str, *, superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        email=demo_email(local_part),
        defaults={"username": local_part, "is_superuser": superuser, "is_staff": superuser},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def load(*, out, scale: int = 0) -> None:
    organisations = []
    for name, actor_slug, country in ORGANISATIONS:
        actor_type = ActorType.objects.get(slug=actor_slug)
        organisation, _ = Organisation.objects.get_or_create(
            name=name, country=country, defaults={"actor_type": actor_type}
        )
        organisations.append(organisation)

    _account("admin", superuser=True)
    for local_part, display_name, org_index, role_title, group_name in PEOPLE:
        user = _account(local_part)
        organisation = organisations[org_index] if org_index is not None else None
        Profile.objects.get_or_create(
            user=user,
            defaults={
                "slug": local_part,
                "display_name": display_name,
                "organisation": organisation,
                "actor_type": organisation.actor_type if organisation else None,
                "country": organisation.country if organisation else "",
                "role_title": role_title,
                "bio": "An illustrative member of the demo site.",
                "visibility": Profile.Visibility.PUBLIC,
                "language": LANGUAGES.get(local_part, "en"),
            },
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    out.write(f"  {len(organisations)} organisations, {len(PEOPLE) + 1} accounts (password: {DEMO_PASSWORD})")

"""Writes about people: profiles, membership applications and their review, privacy requests."""

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lodestar.mail.models import OutgoingEmail
from lodestar.mail.services import email_queue
from lodestar.permissions.roles import MEMBERS_GROUP, forget_role

from .models import MembershipApplication, Organisation, Profile, User
from .privacy import exporters
from .selectors import preferred_language


def _unique_profile_slug(name: str) -> str:
    base = slugify(name)[:60] or "member"
    slug, n = base, 2
    while Profile.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def profile_get_or_create(*, user: User) -> Profile:
    """Everyone who signs in has a profile; its first display name is their address's local part."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        display_name = user.email.split("@", 1)[0][:80]
        return Profile.objects.create(
            user=user,
            display_name=display_name,
            slug=_unique_profile_slug(display_name),
            language=translation.get_language() or settings.LANGUAGE_CODE,  # the one they signed up in
        )


@transaction.atomic
def profile_update(*, profile: Profile, data: dict, avatar=None, remove_avatar: bool = False) -> Profile:
    """Save the profile; `avatar` is the re-encoded picture from ProfileForm (members.avatars).

    The old picture's file is deleted only once the new one and the profile are saved (committed).
    """
    for field, value in data.items():
        setattr(profile, field, value)
    old_avatar = profile.avatar.name if profile.avatar else ""
    if avatar is not None:
        # A random folder name (lodestar.uploads.storage): the address cannot be guessed.
        profile.avatar.save("avatar.png", avatar, save=False)
    elif remove_avatar:
        profile.avatar = ""
    profile.full_clean()
    profile.save()
    if old_avatar and old_avatar != (profile.avatar.name if profile.avatar else ""):
        storage = profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return profile


def _email_member(user: User, *, subject, template: str, context: dict) -> None:
    """Queue an email to a member in their preferred language (`subject` is a lazy translation),
    whatever language the moderator's or applicant's request was in."""
    with translation.override(preferred_language(user)):
        email_queue(
            to=[user.email], subject=f"[Lodestar] {subject}", text=render_to_string(template, context)
        )


@transaction.atomic
def membership_apply(*, user: User, organisation_name: str, actor_type, country, statement: str):
    application = MembershipApplication.objects.create(
        applicant=user,
        organisation_name=organisation_name.strip(),
        actor_type=actor_type,
        country=country,
        statement=statement.strip(),
    )
    _email_member(
        user,
        subject=_("We received your membership application"),
        template="members/email/application_received.txt",
        context={"application": application},
    )
    return application


@transaction.atomic
def membership_approve(*, application: MembershipApplication, reviewer: User) -> MembershipApplication:
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != MembershipApplication.Status.PENDING:
        return application
    organisation, _created = Organisation.objects.get_or_create(
        name=application.organisation_name,
        country=application.country,
        defaults={"actor_type": application.actor_type},
    )
    applicant = application.applicant
    profile = profile_get_or_create(user=applicant)
    profile.organisation = organisation
    profile.actor_type = profile.actor_type or application.actor_type
    profile.country = profile.country or application.country
    profile.save()
    applicant.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    forget_role(applicant)
    application.status = MembershipApplication.Status.APPROVED
    application.reviewed_by = reviewer
    application.reviewed_at = timezone.now()
    application.save()
    _email_member(
        applicant,
        subject=_("Welcome: your membership is approved"),
        template="members/email/application_approved.txt",
        context={"application": application},
    )
    return application


@transaction.atomic
def membership_reject(
    *, application: MembershipApplication, reviewer: User, reason: str
) -> MembershipApplication:
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != MembershipApplication.Status.PENDING:
        return application
    application.status = MembershipApplication.Status.REJECTED
    application.rejection_reason = reason.strip()
    application.reviewed_by = reviewer
    application.reviewed_at = timezone.now()
    application.save()
    _email_member(
        application.applicant,
        subject=_("About your membership application"),
        template="members/email/application_rejected.txt",
        context={"application": application},
    )
    return application


def account_export(*, user: User) -> dict:
    """Everything Lodestar holds about this person, and nothing about anyone else."""
    profile = Profile.objects.filter(user=user).select_related("organisation", "actor_type").first()
    data = {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
        },
        "profile": None,
        "membership_applications": [
            {
                "organisation": a.organisation_name,
                "actor_type": str(a.actor_type),
                "country": a.country.code,
                "statement": a.statement,
                "status": a.status,
                "submitted_at": a.submitted_at.isoformat(),
                "rejection_reason": a.rejection_reason,
            }
            for a in user.membership_applications.select_related("actor_type")
        ],
    }
    if profile:
        data["profile"] = {
            "display_name": profile.display_name,
            "organisation": profile.organisation.name if profile.organisation else None,
            "actor_type": str(profile.actor_type) if profile.actor_type else None,
            "country": profile.country.code or None,
            "city": profile.city,
            "role_title": profile.role_title,
            "bio": profile.bio,
            "visibility": profile.visibility,
            "has_avatar": bool(profile.avatar),
        }
    for section, exporter in exporters().items():
        data[section] = exporter(user)
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove the person and their personal data; what they wrote stays, under "former member".

    Content that others reply to (forum posts, case studies) points at its author with
    on_delete=SET_NULL, and templates show a missing author as "former member".
    """
    profile = Profile.objects.filter(user=user).first()
    if profile and profile.avatar:
        profile.avatar.delete(save=False)
    identifiers = [user.email, user.username]
    OutgoingEmail.objects.filter(to__contains=[user.email]).delete()
    AccessAttempt.objects.filter(username__in=identifiers).delete()
    AccessLog.objects.filter(username__in=identifiers).delete()
    AccessFailureLog.objects.filter(username__in=identifiers).delete()
    # Other sessions of this account only hold its id: they become anonymous once the row is gone.
    user.delete()

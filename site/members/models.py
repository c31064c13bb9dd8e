"""Who the people on Lodestar are, which organisation they speak for, and how they became members."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from lodestar.vocabularies.models import ActorType


class User(AbstractUser):
    """An account. People log in with their email address, which is never shown to others."""

    email = models.EmailField("email address", unique=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"


class Organisation(models.Model):
    """A government, city, business or other body whose people are members of the Coalition."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    actor_type = models.ForeignKey(ActorType, on_delete=models.PROTECT, related_name="organisations")
    country = CountryField()
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="unique_organisation_per_country")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.name}-{self.country.code}")[:200] or "organisation"
            slug, n = base, 2
            while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)


class Profile(models.Model):
    """What a person tells others about themselves; they choose who may see it."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone, including visitors")
        MEMBERS = "members", _("Members only")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    slug = models.SlugField(max_length=80, unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
        verbose_name=_("organisation"),
    )
    actor_type = models.ForeignKey(
        ActorType, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("actor type")
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    role_title = models.CharField(_("role"), max_length=120, blank=True)
    bio = models.TextField(_("bio"), max_length=1000, blank=True, validators=[MaxLengthValidator(1000)])
    avatar = models.ImageField(upload_to="avatars/", blank=True)
    visibility = models.CharField(
        _("who can see my profile"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    show_organisation = models.BooleanField(_("show my organisation"), default=True)
    show_location = models.BooleanField(_("show my city and country"), default=True)
    show_bio = models.BooleanField(_("show my bio"), default=True)
    # What Lodestar writes to them in (emails, notifications) and opens in after they sign in.
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name


class MembershipApplication(models.Model):
    """A verified person's request to join as a member, reviewed by a moderator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_applications"
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    actor_type = models.ForeignKey(ActorType, on_delete=models.PROTECT, verbose_name=_("actor type"))
    country = CountryField(_("country"))
    statement = models.TextField(
        _("why you want to join"),
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
        help_text=_("Your role and how you work on long-term strategies (up to 2,000 characters)."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["submitted_at"]
        permissions = [("review_membershipapplication", "Can review membership applications")]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant"],
                condition=models.Q(status="pending"),
                name="one_pending_application_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.get_status_display()})"

"""Choice lists of the library's fixed (non-editable) fields, and a multiple-choice array field."""

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("nl", _("Dutch")),
    ("da", _("Danish")),
    ("sv", _("Swedish")),
    ("no", _("Norwegian")),
    ("fi", _("Finnish")),
    ("is", _("Icelandic")),
    ("ja", _("Japanese")),
    ("mh", _("Marshallese")),
    ("mi", _("Māori")),
    ("am", _("Amharic")),
    ("tet", _("Tetum")),
    ("other", _("Other")),
]


class GovernanceLevel(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional / subnational")
    LOCAL = "local", _("Local (city or municipality)")
    ORGANISATION = "organisation", _("Organisation (company, investor, NGO)")


class Focus(models.TextChoices):
    MITIGATION = "mitigation", _("Mitigation")
    ADAPTATION = "adaptation", _("Adaptation")
    BOTH = "both", _("Mitigation and adaptation")


class TargetType(models.TextChoices):
    NET_ZERO_GHG = "net-zero-ghg", _("Net zero greenhouse gases")
    CARBON_NEUTRAL_CO2 = "carbon-neutral-co2", _("Carbon neutral (CO2)")
    PERCENT_REDUCTION = "percent-reduction", _("Percentage reduction")


class LegalStatus(models.TextChoices):
    IN_LAW = "in-law", _("In law")
    POLICY = "policy", _("Policy document")
    PROPOSED = "proposed", _("Proposed")
    DECLARATION = "declaration", _("Political declaration")
    VOLUNTARY = "voluntary", _("Voluntary commitment")


class FiguresStatus(models.TextChoices):
    SELF_REPORTED = "self-reported", _("Self-reported")
    VERIFIED = "verified", _("Verified")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    FREEMIUM = "freemium", _("Freemium")
    PAID = "paid", _("Paid")


class SkillLevel(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    EXPERT = "expert", _("Expert")


class ChoiceArrayField(ArrayField):
    """An array of choices edited as a list of checkboxes (ArrayField alone offers a comma list)."""

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.base_field.choices,
            "coerce": self.base_field.to_python,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        # Skip ArrayField.formfield, which would force its comma-separated SimpleArrayField.
        return super(ArrayField, self).formfield(**defaults)


def language_names(codes) -> list[str]:
    names = dict(LANGUAGES)
    return [names.get(code, code) for code in codes]

"""Choice lists of the library's fixed (non-editable) fields, and a multiple-choice array field."""

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models

LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("de", "German"),
    ("it", "Italian"),
    ("nl", "Dutch"),
    ("da", "Danish"),
    ("sv", "Swedish"),
    ("no", "Norwegian"),
    ("fi", "Finnish"),
    ("is", "Icelandic"),
    ("ja", "Japanese"),
    ("mh", "Marshallese"),
    ("mi", "Māori"),
    ("am", "Amharic"),
    ("tet", "Tetum"),
    ("other", "Other"),
]


class GovernanceLevel(models.TextChoices):
    INTERNATIONAL = "international", "International"
    NATIONAL = "national", "National"
    REGIONAL = "regional", "Regional / subnational"
    LOCAL = "local", "Local (city or municipality)"
    ORGANISATION = "organisation", "Organisation (company, investor, NGO)"


class Focus(models.TextChoices):
    MITIGATION = "mitigation", "Mitigation"
    ADAPTATION = "adaptation", "Adaptation"
    BOTH = "both", "Mitigation and adaptation"


class TargetType(models.TextChoices):
    NET_ZERO_GHG = "net-zero-ghg", "Net zero greenhouse gases"
    CARBON_NEUTRAL_CO2 = "carbon-neutral-co2", "Carbon neutral (CO2)"
    PERCENT_REDUCTION = "percent-reduction", "Percentage reduction"


class LegalStatus(models.TextChoices):
    IN_LAW = "in-law", "In law"
    POLICY = "policy", "Policy document"
    PROPOSED = "proposed", "Proposed"
    DECLARATION = "declaration", "Political declaration"
    VOLUNTARY = "voluntary", "Voluntary commitment"


class FiguresStatus(models.TextChoices):
    SELF_REPORTED = "self-reported", "Self-reported"
    VERIFIED = "verified", "Verified"


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC0 = "cc0-1.0", "CC0 1.0 (public domain)"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", "All rights reserved"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    FREEMIUM = "freemium", "Freemium"
    PAID = "paid", "Paid"


class SkillLevel(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    EXPERT = "expert", "Expert"


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

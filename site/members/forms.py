from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from lodestar.vocabularies.models import ActorType

from .avatars import avatar_from_upload
from .models import MembershipApplication, Profile


class ProfileForm(forms.ModelForm):
    avatar = forms.FileField(
        required=False,
        label=_("Picture"),
        help_text=_("A square picture works best. JPEG, PNG, WebP or GIF, up to 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_avatar = forms.BooleanField(required=False, label=_("Remove my picture"))

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "role_title",
            "actor_type",
            "country",
            "city",
            "bio",
            "visibility",
            "show_organisation",
            "show_location",
            "show_bio",
            "language",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}
        help_texts = {
            "display_name": _("How other people see your name."),
            "bio": _("What you work on, in a few lines (up to 1,000 characters)."),
        }

    def clean_avatar(self):
        """The re-encoded picture (a PNG), so a file that fails does so here, as a form error."""
        avatar = self.cleaned_data.get("avatar")
        return avatar_from_upload(avatar) if avatar else None


class MembershipApplicationForm(forms.ModelForm):
    class Meta:
        model = MembershipApplication
        fields = ["organisation_name", "actor_type", "country", "statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 6, "maxlength": 2000})}
        labels = {"actor_type": _("Type of organisation")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor_type"].queryset = ActorType.objects.all()
        self.fields["actor_type"].empty_label = _("Choose one")


class RejectionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        max_length=2000,
        label=_("Reason"),
        help_text=_("Sent to the applicant. Say what is missing or why, kindly."),
    )


class DirectoryFilterForm(forms.Form):
    actor_type = forms.ModelChoiceField(
        queryset=ActorType.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any type"),
        label=_("Actor type"),
    )
    country = LazyTypedChoiceField(
        choices=[("", _("Any country")), *countries], required=False, label=_("Country")
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type DELETE to confirm"),
        help_text=_(
            "Your profile and personal data are removed. What you wrote stays, shown as by a former member."
        ),
    )

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip() != "DELETE":
            raise forms.ValidationError(_("Type DELETE, in capitals, to delete your account."))
        return self.cleaned_data["confirm"]

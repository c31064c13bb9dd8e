"""allauth's log-in and sign-up forms in Lodestar's words (ACCOUNT_FORMS).

Labels are shown above each field (templates/components/form_field.html), so allauth's placeholders,
which repeat them, go; "Password (again)" becomes "Confirm password". The log-in page links to the
password reset itself, so the password field carries no help text for screen readers to read out.
"""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _


def _without_placeholders(form) -> None:
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email")
        self.fields["password"].help_text = ""
        self.fields["remember"].label = _("Keep me logged in on this device")
        _without_placeholders(self)


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email")
        self.fields["email"].help_text = _("We send a link to this address to confirm it is yours.")
        if "password2" in self.fields:
            self.fields["password2"].label = _("Confirm password")
        _without_placeholders(self)

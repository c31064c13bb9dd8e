from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Category, Flag, NotificationPreference

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, [link](https://…), > quote, - list, `code`. "
    "Mention a member with @ and their profile name, for example @ana."
)


def _body_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=settings.FORUM_POST_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": settings.FORUM_POST_MAX_LENGTH}),
    )


def _language_field() -> forms.ChoiceField:
    """The language a post is written in; the views start it at the author's preferred language."""
    return forms.ChoiceField(
        label=_("Written in"),
        choices=settings.LANGUAGES,
        required=False,  # left out: the author's preferred language (forum.services)
        initial=settings.LANGUAGE_CODE,
        help_text=_("Readers' browsers and screen readers use it to read your post right."),
    )


class TopicForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        min_length=5,
        help_text=_("A question or subject other members will recognise."),
    )
    body = _body_field(_("Your question or post"))
    language = _language_field()
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=200,
        help_text=_("Up to five keywords, separated by commas (for example: finance, buildings)."),
    )

    def clean_tags(self) -> list[str]:
        tags = [t.strip()[:50] for t in self.cleaned_data.get("tags", "").split(",") if t.strip()]
        if len(tags) > 5:
            raise forms.ValidationError(_("Please use at most five tags."))
        return list(dict.fromkeys(tags))


class ReplyForm(forms.Form):
    body = _body_field(_("Your reply"))
    language = _language_field()


class PostEditForm(forms.Form):
    body = _body_field(_("Text"))
    language = _language_field()


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        choices=Flag.Reason.choices, widget=forms.RadioSelect, label=_("What is wrong?")
    )
    detail = forms.CharField(
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Anything to add?"),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=500, label=_("Reason (shown to the author)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(queryset=Category.objects.all(), label=_("Move to category"))


class MergeForm(forms.Form):
    target = forms.IntegerField(
        min_value=1,
        label=_("Merge into topic number"),
        help_text=_(
            "The number in the other topic's address (/forum/t/NUMBER/…). This topic's posts move there."
        ),
    )


class SuspendForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=3650, initial=7, label=_("Days"))
    reason = forms.CharField(max_length=500, label=_("Reason (shown to the member)"))


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = [
            "email_frequency",
            "email_replies",
            "email_new_topics",
            "email_mentions",
            "email_accepted",
            "email_moderation",
            "watch_own_topics",
        ]
        widgets = {"email_frequency": forms.RadioSelect}

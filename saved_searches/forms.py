"""Saving a search: its name and alert frequency, and the search itself as the search page reads it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.forms import SearchForm

from .models import SavedSearch


class SaveSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of this search"), max_length=100, strip=True)
    frequency = forms.ChoiceField(
        label=_("Email me new matches"),
        choices=SavedSearch.Frequency.choices,
        initial=SavedSearch.Frequency.WEEKLY,
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # The words and filters come as the search page's own parameters (q, sectors, ...).
        self.search = SearchForm(data) if data is not None else None

    def clean(self):
        cleaned = super().clean()
        if self.search is not None and not self.search.is_valid():
            self.add_error(None, self.search.error_message())
        elif self.search is not None:
            cleaned["query"] = self.search.cleaned_data.get("q") or ""
            cleaned["filters"] = {k: list(v) for k, v in self.search.filters.items()}
            if not cleaned["query"] and not cleaned["filters"]:
                self.add_error(None, _("Search for some words or choose a filter before saving the search."))
        return cleaned

    def error_message(self) -> str:
        return " ".join(str(e) for errors in self.errors.values() for e in errors)


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Email me new matches"), choices=SavedSearch.Frequency.choices)

"""Reading a search from the URL: the words, filters, sort order and page."""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .selectors import FACET_NAMES, MAX_QUERY_LENGTH, SORTS, QueryRejected, SearchRequest, clean_query

FILTER_VALUE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
MAX_VALUES_PER_FILTER = 20


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    sort = forms.ChoiceField(label=_("Sort by"), choices=list(SORTS.items()), required=False)
    page = forms.IntegerField(min_value=1, required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.filters: dict[str, tuple[str, ...]] = {}

    def clean_q(self):
        try:
            return clean_query(self.cleaned_data.get("q") or "")
        except QueryRejected as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self):
        cleaned = super().clean()
        if self.data is None:
            return cleaned
        for name in FACET_NAMES:
            values = [v for v in self.data.getlist(name) if v]
            if len(values) > MAX_VALUES_PER_FILTER:
                self.add_error(
                    None,
                    gettext("Choose at most %(count)s values of one filter.")
                    % {"count": MAX_VALUES_PER_FILTER},
                )
            elif any(not FILTER_VALUE.match(v) for v in values):
                self.add_error(
                    None,
                    gettext("A filter value in the address is not valid; clear the filters and try again."),
                )
            elif values:
                self.filters[name] = tuple(dict.fromkeys(values))
        return cleaned

    def to_request(self, per_page: int | None = None) -> SearchRequest:
        data = self.cleaned_data
        extra = {"per_page": per_page} if per_page else {}
        return SearchRequest(
            query=data.get("q") or "",
            filters=self.filters,
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            **extra,
        )

    def error_message(self) -> str:
        messages = [str(e) for errors in self.errors.values() for e in errors]
        return " ".join(messages) or gettext("This search is not valid.")


__all__ = ["MAX_QUERY_LENGTH", "SearchForm"]

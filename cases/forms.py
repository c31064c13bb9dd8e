"""Filter forms of the library and tool listings (GET forms: bad values become form errors).

Their fields are the listing filters of cases.filters, in its order, then the sort order.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .filters import CASE_STUDY, TOOL, listing_filters

SORTS = [("newest", _("Newest first")), ("title", _("Title (A to Z)"))]


class FilterForm(forms.Form):
    """A listing's filters (from cases.filters for `kind`): valid filters as a dict, and the order."""

    kind = ""

    def __init__(self, *args, country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        for spec in listing_filters(self.kind):
            self.fields[spec.param] = spec.form_field(country_codes=country_codes)
        self.fields["sort"] = forms.ChoiceField(choices=SORTS, required=False, label=_("Sort by"))

    @property
    def filters(self) -> dict:
        """The valid filters, or none at all when any is invalid (the page then says why)."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value and key != "sort"}

    @property
    def filter_params(self) -> dict[str, str]:
        """The valid filters as query parameters (terms by slug), in the form's order: what a link to
        the same filtered list (its feed, its RSS reader's subscription) carries."""
        return {name: getattr(value, "slug", value) for name, value in self.filters.items()}

    def filter_labels(self) -> list[str]:
        """The valid filters as people read them ("Sector: Transport"), in the form's order."""
        labels = []
        for name, value in self.filters.items():
            field = self.fields[name]
            shown = value.name if hasattr(value, "slug") else dict(field.choices).get(value, value)
            labels.append(f"{field.label}: {shown}")
        return labels

    @property
    def sort_order(self) -> str:
        return (self.is_valid() and self.cleaned_data.get("sort")) or "newest"

    def problems(self) -> str:
        """The form's errors in one line, for a 400 answer to a bad export address."""
        return "; ".join(f"{field}: {' '.join(errors)}" for field, errors in self.errors.items())

    def show_counts(self, counts: dict[str, dict[str, int]] | None) -> None:
        """Add to each option how many results it would give with the other filters kept."""
        if not counts:
            return
        for name, field in self.fields.items():
            if name not in counts:
                continue
            per_value = counts[name]
            if isinstance(field, forms.ModelChoiceField):
                field.label_from_instance = lambda term, n=per_value: f"{term.label} ({n.get(term.slug, 0)})"
            else:
                field.choices = [
                    (value, f"{label} ({per_value.get(value, 0)})" if value else label)
                    for value, label in field.choices
                ]


class LibraryFilterForm(FilterForm):
    kind = CASE_STUDY


class ToolFilterForm(FilterForm):
    kind = TOOL


FORMS = {CASE_STUDY: LibraryFilterForm, TOOL: ToolFilterForm}

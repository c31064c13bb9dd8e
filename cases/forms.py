"""Filter forms of the library and tool listings (GET forms: bad values become form errors)."""

from django import forms
from django_countries import countries as all_countries

from lodestar.vocabularies.models import ActorType, Sector, StrategyStage, ToolType

from .fields import Cost

SORTS = [("newest", "Newest first"), ("title", "Title (A to Z)")]


def _term_field(model, label):
    return forms.ModelChoiceField(
        queryset=model.objects.all(), to_field_name="slug", required=False, label=label, empty_label="Any"
    )


class FilterForm(forms.Form):
    """Shared by both listings: valid filters as a dict, and the chosen order."""

    @property
    def filters(self) -> dict:
        """The valid filters, or none at all when any is invalid (the page then says why)."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value and key != "sort"}

    @property
    def sort_order(self) -> str:
        return (self.is_valid() and self.cleaned_data.get("sort")) or "newest"

    def show_counts(self, counts: dict[str, dict[str, int]] | None) -> None:
        """Add to each option how many results it would give with the other filters kept."""
        if not counts:
            return
        for name, field in self.fields.items():
            if name not in counts:
                continue
            per_value = counts[name]
            if isinstance(field, forms.ModelChoiceField):
                field.label_from_instance = lambda term, n=per_value: f"{term.name} ({n.get(term.slug, 0)})"
            else:
                field.choices = [
                    (value, f"{label} ({per_value.get(value, 0)})" if value else label)
                    for value, label in field.choices
                ]


class LibraryFilterForm(FilterForm):
    sector = _term_field(Sector, "Sector")
    actor_type = _term_field(ActorType, "Actor type")
    country = forms.ChoiceField(required=False, label="Country")
    stage = _term_field(StrategyStage, "Strategy stage")
    sort = forms.ChoiceField(choices=SORTS, required=False, label="Sort by")

    def __init__(self, *args, country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(all_countries)
        choices = sorted(((code, names.get(code, code)) for code in country_codes), key=lambda c: c[1])
        self.fields["country"].choices = [("", "Any"), *choices]


class ToolFilterForm(FilterForm):
    sector = _term_field(Sector, "Sector")
    tool_type = _term_field(ToolType, "Tool type")
    stage = _term_field(StrategyStage, "Strategy stage")
    cost = forms.ChoiceField(choices=[("", "Any"), *Cost.choices], required=False, label="Cost")
    sort = forms.ChoiceField(choices=SORTS, required=False, label="Sort by")

"""The case study's editor form in the Wagtail admin: figure checks with their milestones, and trust.

Why a form of its own: the page's clean() cannot see the milestones being edited (they live in
an inline formset until saved), and who may verify figures depends on the editor, which only the
form knows. The rules themselves live in cases/figures.py and lodestar.permissions.
"""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from lodestar.permissions import can_verify_figures

from .fields import FiguresStatus
from .figures import PATHWAY_FIELDS, Figures, milestone_errors

# Changing any of these makes verified figures self-reported again, unless the secretariat edits.
FIGURE_FIELDS = [*PATHWAY_FIELDS, "emissions_unit", "emissions_source"]


class CaseStudyPageForm(WagtailAdminPageForm):
    def _milestone_forms(self):
        formset = self.formsets.get("milestones")
        if formset is None or not formset.is_valid():
            return []
        rows = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or data.get("year") is None or data.get("value") is None:
                continue
            rows.append((form, data["year"], data["value"]))
        return rows

    def clean(self):
        cleaned = super().clean()
        rows = self._milestone_forms()
        figures = Figures(
            target_type=cleaned.get("target_type") or "",
            target_year=cleaned.get("target_year"),
            target_base_year=cleaned.get("target_base_year"),
            target_percentage=cleaned.get("target_percentage"),
            base_year=cleaned.get("emissions_base_year"),
            base_value=cleaned.get("emissions_base_value"),
            latest_year=cleaned.get("emissions_latest_year"),
            latest_value=cleaned.get("emissions_latest_value"),
            net_removals=bool(cleaned.get("emissions_net_removals")),
        )
        for form, year, value in rows:
            for field, message in milestone_errors(figures, year, value).items():
                form.add_error(field, message)
        # The page's clean() checks the rest against these milestones instead of the stored ones.
        self.instance._milestones_from_form = [(year, value) for _, year, value in rows]
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        self._apply_trust()

    def _apply_trust(self) -> None:
        """Only the secretariat verifies; who and when are recorded; a contributor's change resets it."""
        page = self.instance
        before = self.initial.get("figures_status", FiguresStatus.SELF_REPORTED)
        if self.for_user is not None and can_verify_figures(self.for_user):
            if page.figures_status == FiguresStatus.VERIFIED and (
                before != FiguresStatus.VERIFIED or page.figures_verified_at is None
            ):
                page.figures_verified_by = self.for_user
                page.figures_verified_at = timezone.now()
                if page.last_reviewed is None:
                    page.last_reviewed = timezone.localdate()
        elif page.figures_status == FiguresStatus.VERIFIED:
            changed = [name for name in FIGURE_FIELDS if name in self.fields and name in self.changed_data]
            if changed or self._milestones_changed():
                page.figures_status = FiguresStatus.SELF_REPORTED
        if page.figures_status != FiguresStatus.VERIFIED:
            page.figures_verified_by = None
            page.figures_verified_at = None

    def _milestones_changed(self) -> bool:
        formset = self.formsets.get("milestones")
        return formset is not None and formset.has_changed()

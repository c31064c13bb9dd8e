"""Trust signals: only the secretariat verifies figures, who and when is recorded and shown, and a
contributor's change to verified figures makes them self-reported again."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseStudyPage

from .factories import CaseStudyPageFactory
from .test_validation import case_study_form, post_new_case_study

pytestmark = pytest.mark.django_db

FIGURES = {
    "target_type": "net-zero-ghg",
    "target_year": "2050",
    "emissions_base_year": "2005",
    "emissions_base_value": "80",
    "emissions_latest_year": "2022",
    "emissions_latest_value": "60",
}


def trust_text(client, page) -> str:
    html = client.get(page.url).content.decode()
    return BeautifulSoup(html, "html.parser").select_one(".trust").get_text(" ", strip=True)


def test_a_member_cannot_mark_figures_verified(client, member, library):
    client.force_login(member)
    add = reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])

    form = client.get(add).content.decode()
    response = post_new_case_study(client, library, **FIGURES, figures_status="verified")

    assert 'name="figures_status"' not in form
    assert response.status_code == 302
    draft = CaseStudyPage.objects.get(
        slug="aligning-budgets", locale__language_code="en"
    ).get_latest_revision_as_object()
    assert draft.figures_status == "self-reported"
    assert draft.figures_verified_by is None and draft.figures_verified_at is None


def test_a_moderator_verifies_and_the_page_says_who_and_when(client, moderator, library):
    moderator.profile.display_name = "Secretariat Reviewer"
    moderator.profile.save()
    client.force_login(moderator)
    assert (
        'name="figures_status"'
        in client.get(
            reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])
        ).content.decode()
    )

    response = post_new_case_study(
        client, library, **FIGURES, figures_status="verified", **{"action-publish": "1"}
    )

    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    assert page.figures_status == "verified" and page.figures_verified_by == moderator
    assert page.figures_verified_at.date() == timezone.localdate()
    assert page.last_reviewed == timezone.localdate(), "verifying the figures is a review"
    text = trust_text(client.__class__(), page)
    assert f"Figures verified by Secretariat Reviewer on {timezone.localdate():%-d %B %Y}" in text
    assert "Not reviewed" not in text


def test_a_contributor_changing_verified_figures_makes_them_self_reported(client, member, moderator, library):
    page = CaseStudyPageFactory(
        parent=library,
        owner=member,
        emissions_base_year=2005,
        emissions_base_value=80,
        emissions_latest_year=2022,
        emissions_latest_value=60,
        target_type="net-zero-ghg",
        target_year=2050,
        figures_status="verified",
        figures_verified_by=moderator,
        figures_verified_at=timezone.now(),
        last_reviewed=timezone.localdate(),
    )
    client.force_login(member)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = case_study_form(title=page.title, slug=page.slug, **{**FIGURES, "emissions_latest_value": "50"})

    response = client.post(edit, data)

    assert response.status_code == 302
    draft = CaseStudyPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.figures_status == "self-reported" and draft.figures_verified_by is None
    assert draft.emissions_latest_value == 50


def test_an_unreviewed_self_reported_case_says_so(client, library):
    page = CaseStudyPageFactory(
        parent=library,
        emissions_base_year=2005,
        emissions_base_value=80,
        emissions_latest_year=2022,
        emissions_latest_value=60,
    )

    text = trust_text(client, page)

    assert "Not reviewed by the secretariat yet" in text
    assert "Figures self-reported by the contributor" in text

"""Emails in each recipient's preferred language, whatever language the action that sends them was
taken in: membership decisions and case-study reviews, delivered by the worker to the Maildir."""

import re

import pytest
from django.urls import reverse

from cases.models import CaseStudyPage
from tests.cases.factories import ensure_library_structure
from tests.cases.test_validation import case_study_form
from tests.cases.test_workflow import workflow_action
from tests.members.factories import MembershipApplicationFactory, ProfileFactory, make_member, make_moderator

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_spanish_applicant_approved_from_the_english_site_is_welcomed_in_spanish(
    client, home_page, tasks, mail
):
    applicant = ProfileFactory(organisation=None, language="es").user
    application = MembershipApplicationFactory(applicant=applicant)
    client.force_login(make_moderator(language="en"))

    response = client.post(f"/members/applications/{application.pk}/approve/", follow=True)

    assert b"The applicant is told by email." in response.content  # the moderator's page: English
    tasks.wait()
    (message,) = mail.to(applicant.email)
    assert message["Subject"].strip() == "[Lodestar] Bienvenida: tu adhesión está aprobada"
    text = mail.text(message)
    assert text.startswith("Hola:")
    assert f"tu adhesión en nombre de {application.organisation_name} está aprobada" in text
    assert "El equipo de Lodestar" in text


def test_review_emails_reach_each_person_in_their_language_with_the_page_in_it(
    home_page, client, tasks, mail
):
    library, _ = ensure_library_structure()
    author = make_member(language="fr")
    spanish_reviewer, english_reviewer = make_moderator(language="es"), make_moderator(language="en")
    author_client, reviewer_client = client, client.__class__()
    author_client.force_login(author)
    reviewer_client.force_login(english_reviewer)

    add = reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])
    assert author_client.post(add, {**case_study_form(), "action-submit": "1"}).status_code == 302
    page = CaseStudyPage.objects.get(slug="aligning-budgets", locale__language_code="en")
    tasks.wait()
    (to_spanish,) = mail.to(spanish_reviewer.email)
    assert to_spanish["Subject"].strip() == "Para revisar: Aligning budgets"
    assert "envió «Aligning budgets» a revisión" in mail.text(to_spanish)
    (to_english,) = mail.to(english_reviewer.email)
    assert to_english["Subject"] == "For review: Aligning budgets"

    workflow_action(reviewer_client, page, "approve", comment="")
    tasks.wait()
    (published,) = mail.to(author.email)
    assert published["Subject"].strip() == "Publiée : Aligning budgets"
    text = mail.text(published)
    assert "Le secrétariat a approuvé «\u00a0Aligning budgets\u00a0»" in text
    public = [link for link in re.findall(r"https?://\S+", text) if "/admin/" not in link]
    assert public and all("/fr/library/" in link for link in public), public

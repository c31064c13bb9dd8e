"""The editor's validation messages, as a moderator or member sees them in the Wagtail admin form."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cases.models import CaseStudyPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage

pytestmark = pytest.mark.django_db


def case_study_form(**overrides):
    data = {
        "title": "Aligning budgets",
        "slug": "aligning-budgets",
        "summary": "What we did.",
        "actor_type": ActorType.objects.get(slug="city").pk,
        "governance_level": "local",
        "countries": ["PT"],
        "sectors": [Sector.objects.get(slug="transport").pk],
        "focus": "mitigation",
        "strategy_stage": StrategyStage.objects.get(slug="adopted").pk,
        "figures_status": "self-reported",
        "licence": "cc-by-4.0",
        "emissions_unit": "MtCO2e",
        "body": streamfield([]),
        "milestones": inline_formset([]),
        "documents": inline_formset([]),
    }
    data.update(overrides)
    form = nested_form_data({k: v for k, v in data.items() if not isinstance(v, list)})
    form.update({k: v for k, v in data.items() if isinstance(v, list)})
    return form


def post_new_case_study(client, library, **overrides):
    url = reverse("wagtailadmin_pages:add", args=["cases", "casestudypage", library.pk])
    return client.post(url, case_study_form(**overrides))


def field_errors(response) -> dict[str, str]:
    """Error text shown next to each field of the editor form."""
    soup = BeautifulSoup(response.content, "html.parser")
    errors = {}
    for wrapper in soup.select("[data-field-wrapper], .w-field__wrapper"):
        error = wrapper.select_one(".error-message, .w-field__errors")
        field = wrapper.select_one("input, select, textarea")
        if error and field is not None and error.get_text(strip=True):
            errors[field.get("name")] = error.get_text(" ", strip=True)
    return errors


@pytest.fixture
def editor(client, moderator):
    client.force_login(moderator)
    return client


def test_a_valid_case_study_is_saved(editor, library):
    response = post_new_case_study(editor, library)

    assert response.status_code == 302
    assert CaseStudyPage.objects.get(slug="aligning-budgets").get_parent().pk == library.pk


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"target_type": "net-zero-ghg", "target_base_year": "2030", "target_year": "2030"},
            "target_year",
            "The target year must be after the target base year.",
        ),
        (
            {"target_type": "percent-reduction", "target_year": "2050", "target_percentage": "120"},
            "target_percentage",
            "The reduction must be a percentage between 0 and 100.",
        ),
        (
            {"target_type": "percent-reduction", "target_year": "2050", "target_percentage": "-5"},
            "target_percentage",
            "The reduction must be a percentage between 0 and 100.",
        ),
        (
            {
                "emissions_base_year": "2015",
                "emissions_base_value": "10",
                "emissions_latest_year": "2010",
                "emissions_latest_value": "9",
            },
            "emissions_latest_year",
            "The latest year cannot be before the base year.",
        ),
        (
            {"emissions_latest_value": "9"},
            "emissions_latest_year",
            "Give the year of the latest emissions.",
        ),
    ],
)
def test_inconsistent_figures_are_refused_with_a_message_on_the_field(
    editor, library, fields, field, message
):
    response = post_new_case_study(editor, library, **fields)

    assert response.status_code == 200
    assert field_errors(response).get(field) == message
    assert not CaseStudyPage.objects.filter(slug="aligning-budgets").exists()


def test_negative_emissions_are_accepted_as_sinks(editor, library):
    response = post_new_case_study(
        editor,
        library,
        emissions_base_year="2005",
        emissions_base_value="12.5",
        emissions_latest_year="2022",
        emissions_latest_value="-3.25",
    )

    assert response.status_code == 302
    assert str(CaseStudyPage.objects.get(slug="aligning-budgets").emissions_latest_value) == "-3.250"


def test_publishing_requires_the_fields_every_case_study_needs(editor, library):
    response = post_new_case_study(
        editor,
        library,
        summary="",
        actor_type="",
        sectors=[],
        focus="",
        strategy_stage="",
        **{"action-publish": "1"},
    )

    assert response.status_code == 200
    errors = field_errors(response)
    for field in ["summary", "actor_type", "sectors", "focus", "strategy_stage"]:
        assert "This field is required" in errors.get(field, ""), field
    assert not CaseStudyPage.objects.filter(slug="aligning-budgets").exists()


def test_a_tool_needs_a_link_or_a_document(editor, tool_index):
    url = reverse("wagtailadmin_pages:add", args=["cases", "toolpage", tool_index.pk])
    data = nested_form_data(
        {
            "title": "Calculator",
            "slug": "calculator",
            "summary": "Computes emissions.",
            "tool_type": "",
            "cost": "free",
            "skill_level": "beginner",
            "maintainer": "Someone",
            "link": "",
        }
    )
    data["sectors"] = [Sector.objects.get(slug="waste").pk]

    response = editor.post(url, data)

    assert response.status_code == 200
    assert field_errors(response).get("link") == "Give a link to the tool or upload its document."

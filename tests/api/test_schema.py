"""The OpenAPI description itself: valid, served, linked, and in step with the settings."""

import copy

import pytest
import yaml
from django.conf import settings
from jsonschema.exceptions import ValidationError
from openapi_core.exceptions import OpenAPIError
from openapi_spec_validator import validate

from tests.conftest import REPO

pytestmark = pytest.mark.django_db


def test_the_description_is_valid_openapi_3_1(description):
    assert description["openapi"].startswith("3.1")
    validate(description)  # raises on any error


def test_the_description_is_served_as_yaml_to_anyone(client, description):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    assert yaml.safe_load(response.content) == description
    assert client.post("/api/schema/").status_code == 405


def test_the_readme_names_the_description_and_the_limit():
    readme = (REPO / "README.md").read_text()
    assert "/api/schema/" in readme and "site/openapi.yaml" in readme
    assert f"at most {settings.WAGTAILAPI_LIMIT_MAX}" in readme


def test_the_described_limit_is_the_enforced_one(description):
    limit = description["components"]["parameters"]["limit"]["schema"]
    assert limit["maximum"] == settings.WAGTAILAPI_LIMIT_MAX == 100
    listing = description["components"]["schemas"]["PageListing"]["properties"]["items"]
    assert listing["maxItems"] == settings.WAGTAILAPI_LIMIT_MAX


def test_an_undescribed_or_missing_field_fails_the_check(client, check, component):
    """The schema tests can fail: the description forbids fields it does not list."""
    response = client.get("/api/search/suggest/", {"q": "x"})
    body = check(response)
    extra, missing = copy.deepcopy(body), copy.deepcopy(body)
    extra["internal_score"] = 1.0
    del missing["suggestions"]
    for broken in (extra, missing):
        with pytest.raises(ValidationError):
            component(broken, "Suggestions")
    response.content = b'{"query": "x", "suggestions": [], "internal_score": 1}'
    with pytest.raises(OpenAPIError):
        check(response)


def test_the_library_and_the_tools_link_the_description_beside_their_open_data(client, library, tool_index):
    for index in (library, tool_index):
        html = client.get(index.url).content.decode()
        assert 'href="/api/schema/">Open-data API (OpenAPI description)</a>' in html
        assert 'href="/open-data/datapackage.json"' in html

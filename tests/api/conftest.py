"""The API description (site/openapi.yaml) and a check of real answers against it.

Answers are checked with openapi-core against the operation of their path, status and media type;
the description's schemas forbid properties they do not list, so an undocumented field fails too.
"""

import json

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from lodestar.api_schema import DESCRIPTION
from tests.cases.conftest import library, library_indexes, tool_index  # noqa: F401 (the library's pages)


@pytest.fixture(scope="session")
def description() -> dict:
    return yaml.safe_load(DESCRIPTION.read_text())


@pytest.fixture(scope="session")
def openapi(description) -> OpenAPI:
    return OpenAPI.from_dict(description)


@pytest.fixture(scope="session")
def check(openapi):
    """Validate a test client's answer against its operation in the description; returns its JSON
    (None for an answer without a body, such as a redirect)."""

    def check(response):
        request = response.wsgi_request
        openapi.validate_response(
            MockRequest(
                "http://testserver",
                request.method.lower(),
                request.path,
                args=[(key, value) for key in request.GET for value in request.GET.getlist(key)],
            ),
            MockResponse(
                data=response.content,
                status_code=response.status_code,
                content_type=response["Content-Type"],
                headers=dict(response.headers.items()),
            ),
        )
        return json.loads(response.content) if response.content else None

    return check


@pytest.fixture(scope="session")
def component(description):
    """Validate data against one of the description's component schemas (JSON Schema 2020-12, the
    dialect of OpenAPI 3.1), every $ref resolved within the description."""
    resource = Resource.from_contents(description, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:lodestar-api", resource)

    def validate(data, name: str) -> None:
        schema = {"$ref": f"urn:lodestar-api#/components/schemas/{name}"}
        Draft202012Validator(schema, registry=registry).validate(data)

    return validate

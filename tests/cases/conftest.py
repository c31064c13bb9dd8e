import pytest

from .factories import ensure_library_structure


@pytest.fixture
def library_indexes(home_page):
    return ensure_library_structure()


@pytest.fixture
def library(library_indexes):
    return library_indexes[0]


@pytest.fixture
def tool_index(library_indexes):
    return library_indexes[1]

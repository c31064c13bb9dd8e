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


@pytest.fixture(autouse=True)
def _database_listings():
    """The library's own tests check the listings' database path: the one they take when search is
    down (or not installed). tests/search/test_library.py checks the same listings served by search.
    """
    from cases import selectors

    search = selectors._listing_search
    selectors.use_listing_search(None)
    yield
    selectors.use_listing_search(search)

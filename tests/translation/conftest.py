from tests.cases.conftest import _database_listings, library, library_indexes, tool_index  # noqa: F401

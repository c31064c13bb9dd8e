import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request under /fr/ leaves French active in the test's thread (LocaleMiddleware does not
    reset it): later tests would build French addresses. Production activates per request."""
    yield
    translation.deactivate()

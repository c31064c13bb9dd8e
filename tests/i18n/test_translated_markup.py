"""The library's key pages in French and Spanish are valid HTML too (the W3C Nu checker), on the
demo content: translated words bring other punctuation, quotes and longer accessible names."""

import pytest

from tests.markup.conftest import key_pages, nu_check

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LIBRARY_PAGES = ("home", "library", "case study", "tool", "glossary", "search results")


def test_the_translated_library_pages_have_no_nu_checker_error(client, demo_content, tmp_path):
    english = key_pages()
    pages, documents = {}, {}
    for name in LIBRARY_PAGES:
        for prefix in ("/fr", "/es"):
            url = prefix + english[name]
            response = client.get(url)
            assert response.status_code == 200, f"{url} answered {response.status_code}"
            pages[f"{name} ({prefix[1:]})"] = url
            documents[f"{name} ({prefix[1:]})"] = response.content.decode()
    missing = client.get("/es/no-such-page/")
    assert missing.status_code == 404
    pages["404 (es)"], documents["404 (es)"] = "/es/no-such-page/", missing.content.decode()

    messages = nu_check(documents, tmp_path)

    failing = {
        name: [m for m in found if m.type not in ("warning", "info")] for name, found in messages.items()
    }
    failing = {name: found for name, found in failing.items() if found}
    report = "\n".join(
        f"{name} ({pages[name]}):\n" + "\n".join(f"  - {m}" for m in found) for name, found in failing.items()
    )
    assert not failing, f"The Nu HTML checker found errors:\n{report}"

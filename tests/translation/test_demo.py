"""`load_demo`'s French and Spanish pages: real translations (wagtail-localize), every text
translated, served under /fr/ and /es/; the other pages follow as English aliases."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from cases.demo_content.translations import PAGES
from cases.models import CaseStudyPage, ToolPage

from .test_pages import soup

pytestmark = pytest.mark.django_db

# Segments that stay as they are in every language: addresses, units, the site's name.
KEPT = {"MtCO2e", "ktCO2e", "Lodestar"}


def untranslated(page, language: str) -> list[str]:
    """Source strings of the page that have no translation in `language` (slugs aside)."""
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    source = TranslationSource.objects.get_for_instance(page)
    locale = Locale.objects.get(language_code=language)
    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.context.path == "slug" or segment.string.data in KEPT:
            continue
        translated = StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=locale
        ).exists()
        if not translated:
            missing.append(segment.string.data)
    return missing


def test_the_demo_has_real_strategies_in_french_and_spanish(demo_content, client):
    call_command("load_demo", stdout=io.StringIO())  # repeatable: nothing translated twice

    for language, pages in PAGES.items():
        for slug, fields in pages.items():
            english = (
                CaseStudyPage.objects.filter(slug=slug, locale__language_code="en").first()
                or ToolPage.objects.filter(slug=slug, locale__language_code="en").get()
            )
            versions = english.get_translations().filter(locale__language_code=language)
            assert versions.count() == 1, (slug, language)
            version = versions.get()
            assert version.alias_of_id is None and version.live, (slug, language)
            assert untranslated(english, language) == [], (slug, language)

            page = soup(client.get(version.url))
            assert page.html["lang"] == language
            assert page.find("h1").get_text(strip=True) == fields["title"]
            assert not page.find("h1").has_attr("lang") and not page.find(class_="notice--language")
            if "sections" in fields:
                text = page.find("main").get_text(" ", strip=True)
                first = next(iter(fields["sections"].values())).split("\n\n")[0]
                assert " ".join(first.split()[:8]) in text

    # The home page and the indexes are translated too; the other case studies follow as aliases.
    assert "Coalition pour la neutralité carbone" in soup(client.get("/fr/")).get_text()
    assert soup(client.get("/es/library/")).find("h1").get_text(strip=True) == "Estudios de caso"
    assert soup(client.get("/fr/tools/")).find("h1").get_text(strip=True) == "Outils et ressources"
    germany = soup(client.get("/es/library/germany-long-term-strategy-2016/"))
    assert germany.find("h1")["lang"] == "en" and germany.find(class_="notice--language")
    # Each English case study is in each tree once.
    english = CaseStudyPage.objects.live().filter(locale__language_code="en").count()
    for language in ("fr", "es"):
        assert CaseStudyPage.objects.live().filter(locale__language_code=language).count() == english

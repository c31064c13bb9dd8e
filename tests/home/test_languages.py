"""The interface in English, French and Spanish: chosen by the address, remembered for members."""

from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command

from lodestar.links import absolute_url
from lodestar.members.models import Profile

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("prefix", "language", "nav", "log_in"),
    [
        ("", "en", "Case studies", "Log in"),
        ("/fr", "fr", "Études de cas", "Se connecter"),
        ("/es", "es", "Estudios de caso", "Iniciar sesión"),
    ],
)
def test_the_address_prefix_chooses_the_interface_language(client, home_page, prefix, language, nav, log_in):
    soup = _soup(client.get(f"{prefix}/"))

    assert soup.html["lang"] == language
    main_nav = soup.find("nav", attrs={"aria-label": True, "class": False})
    links = {a.get_text(strip=True): a["href"] for a in main_nav.find_all("a")}
    assert links[nav] == f"{prefix}/library/"
    assert soup.find("a", string=log_in)["href"].startswith(f"{prefix}/accounts/login/")


def test_every_page_names_its_other_languages_for_search_engines_and_readers(client, home_page):
    soup = _soup(client.get("/fr/forum/"))

    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}
    assert alternates == {
        "en": absolute_url("/forum/"),
        "fr": absolute_url("/fr/forum/"),
        "es": absolute_url("/es/forum/"),
        "x-default": absolute_url("/forum/"),
    }
    switcher = soup.find("nav", class_="language-switcher")
    choices = {a.get_text(strip=True): a for a in switcher.find_all("a")}
    assert choices["Español"]["href"] == "/es/forum/"
    assert choices["Español"]["lang"] == "es"
    assert choices["Français"]["aria-current"] == "true"
    assert "aria-current" not in choices["English"].attrs


def test_english_pages_do_not_vary_by_the_browser_language_so_visitors_share_one_cached_copy(
    client, home_page
):
    french_browser = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")

    assert _soup(french_browser).html["lang"] == "en"
    assert "accept-language" not in french_browser.get("Vary", "").lower()
    assert french_browser["Content-Language"] == "en"
    assert client.get("/fr/")["Content-Language"] == "fr"


def test_a_page_not_yet_translated_keeps_its_content_under_the_translated_interface(client, home_page):
    soup = _soup(client.get("/es/"))

    assert soup.html["lang"] == "es"
    assert soup.find("h1").get_text(strip=True) == home_page.title


def test_addresses_outside_the_interface_have_no_language_prefix(client, home_page):
    assert client.get("/fr/robots.txt").status_code == 404
    assert client.get("/fr/admin/").status_code == 404
    assert client.get("/robots.txt").status_code == 200


def test_signing_up_in_spanish_makes_spanish_the_members_language_and_signing_in_opens_in_it(
    client, home_page
):
    response = client.post(
        "/es/accounts/signup/",
        {
            "email": "lucia@example.org",
            "password1": "a long Spanish passphrase",
            "password2": "a long Spanish passphrase",
        },
    )
    assert response.status_code == 302, response.content
    profile = Profile.objects.get(user__email="lucia@example.org")
    assert profile.language == "es"

    client.logout()
    profile.user.emailaddress_set.update(verified=True)
    signed_in = client.post(
        "/accounts/login/", {"login": "lucia@example.org", "password": "a long Spanish passphrase"}
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"].startswith("/es/")


def test_a_member_chooses_their_language_in_their_profile(client, member):
    client.force_login(member)
    form = _soup(client.get("/members/profile/"))
    choice = form.find("select", attrs={"name": "language"})
    label = form.find("label", attrs={"for": choice["id"]})

    assert label.get_text(strip=True).lower().startswith("preferred language")
    assert [option["value"] for option in choice.find_all("option")] == ["en", "fr", "es"]

    saved = client.post(
        "/members/profile/", {"display_name": "Ana", "visibility": "public", "language": "es"}
    )
    assert saved.status_code == 302
    assert Profile.objects.get(user=member).language == "es"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_interface_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_the_catalogues_hold_every_message_marked_in_the_code(tmp_path, settings):
    """What `make messages` would collect today is already in the committed catalogues."""
    marked = _collect_messages(tmp_path)

    for language in TRANSLATED:
        committed = {
            entry.msgid for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        }
        assert marked - committed == set(), f"run `make messages` and translate them into {language}"


def _collect_messages(tmp_path) -> set[str]:
    """Run makemessages on a copy of the catalogue folder, leaving the committed files alone."""
    import shutil

    from django.test import override_settings

    copy = tmp_path / "locale"
    shutil.copytree(LOCALE, copy)
    with override_settings(LOCALE_PATHS=[copy]):
        call_command(
            "makemessages",
            locale=["fr"],
            no_location=True,
            ignore_patterns=[".venv/*", ".services/*", "tests/*", "static_collected/*", "locale/*"],
            verbosity=0,
        )
    return {
        entry.msgid for entry in polib.pofile(str(copy / "fr" / "LC_MESSAGES" / "django.po")) if entry.msgid
    }


def test_an_error_page_offers_search_engines_no_other_languages(client, home_page):
    missing = client.get("/fr/no-such-page/")

    assert missing.status_code == 404
    soup = BeautifulSoup(missing.content, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.find_all("link", hreflang=True) == []
    assert soup.find("nav", class_="language-switcher") is None  # its links would repeat the address

"""Case studies under /fr/ and /es/: in their language when translated, in English with a notice
otherwise, each once in the listings, and new English pages following at once (cases.translation)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.demo import translate_page
from cases.models import CaseStudyPage
from lodestar.vocabularies.models import ActorType, Sector, StrategyStage
from tests.cases.factories import term

pytestmark = pytest.mark.django_db

NOT_IN_FRENCH = "Cette page n’est pas encore disponible en français ; la voici en anglais."
NOT_IN_SPANISH = "Esta página todavía no está disponible en español; aquí la tiene en inglés."


def publish_case_study(library, title, slug, **fields) -> CaseStudyPage:
    """An English case study published as the secretariat does (a revision, then publish)."""
    page = CaseStudyPage(
        title=title,
        slug=slug,
        summary=fields.pop("summary", f"What {title} did, and what came of it."),
        actor_type=term(ActorType, "city"),
        governance_level="local",
        countries=["CL"],
        focus="mitigation",
        strategy_stage=term(StrategyStage, "implementing"),
        **fields,
    )
    library.add_child(instance=page)
    page.sectors.set([term(Sector, "transport")])
    page.save_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response) -> list[str]:
    results = soup(response).find(id="results-title").find_parent("section")
    return [h.get_text(strip=True) for h in results.select(".case-card__title")]


@pytest.fixture
def buses(library):
    return publish_case_study(library, "Bus fleet electrification", "bus-fleet")


def test_a_new_english_case_study_is_reachable_in_french_and_spanish_at_once(client, buses):
    for prefix, notice in [("fr", NOT_IN_FRENCH), ("es", NOT_IN_SPANISH)]:
        page = soup(client.get(f"/{prefix}/library/bus-fleet/"))
        assert page.html["lang"] == prefix, "the interface (chrome) is in the visitor's language"
        title = page.find("h1")
        assert title.get_text(strip=True) == "Bus fleet electrification"
        assert title["lang"] == "en", "the content says it is English"
        assert page.find(class_="notice--language").get_text(strip=True) == notice
    # The English page itself carries neither a notice nor a lang of its own.
    english = soup(client.get("/library/bus-fleet/"))
    assert english.html["lang"] == "en" and not english.find(class_="notice--language")
    assert not english.find("h1").has_attr("lang")


def test_a_translated_case_study_is_served_in_its_language(client, buses):
    translate_page(
        buses,
        "es",
        {
            "Bus fleet electrification": "Electrificación de la flota de autobuses",
            buses.summary: "Lo que hizo la ciudad, y lo que resultó.",
        },
    )

    spanish = soup(client.get("/es/library/bus-fleet/"))
    assert spanish.find("h1").get_text(strip=True) == "Electrificación de la flota de autobuses"
    assert not spanish.find("h1").has_attr("lang") and not spanish.find(class_="notice--language")
    assert spanish.find(class_="lead").get_text(strip=True) == "Lo que hizo la ciudad, y lo que resultó."
    # French readers still get the English page, with the notice; English readers the original.
    french = soup(client.get("/fr/library/bus-fleet/"))
    assert french.find("h1").get_text(strip=True) == "Bus fleet electrification"
    assert french.find(class_="notice--language").get_text(strip=True) == NOT_IN_FRENCH
    assert (
        soup(client.get("/library/bus-fleet/")).find("h1").get_text(strip=True) == "Bus fleet electrification"
    )


def test_the_spanish_library_lists_each_case_once_with_its_spanish_title(client, library, buses):
    retrofits = publish_case_study(library, "Affordable retrofits", "retrofits")
    translate_page(retrofits, "es", {"Affordable retrofits": "Rehabilitaciones asequibles"})

    assert sorted(listed_titles(client.get("/library/"))) == [
        "Affordable retrofits",
        "Bus fleet electrification",
    ]
    assert sorted(listed_titles(client.get("/es/library/"))) == [
        "Bus fleet electrification",
        "Rehabilitaciones asequibles",
    ]
    assert sorted(listed_titles(client.get("/fr/library/"))) == [
        "Affordable retrofits",
        "Bus fleet electrification",
    ]
    cards = soup(client.get("/es/library/")).select(".case-card__title")
    languages = {card.get_text(strip=True): card.get("lang") for card in cards}
    assert languages == {"Bus fleet electrification": "en", "Rehabilitaciones asequibles": None}
    links = {card.get_text(strip=True): card.a["href"] for card in cards}
    assert links == {
        "Bus fleet electrification": "/es/library/bus-fleet/",
        "Rehabilitaciones asequibles": "/es/library/retrofits/",
    }


def test_the_spanish_listing_costs_no_query_per_case_study(client, library, buses):
    client.get("/es/library/")  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as two:
        listed_titles(client.get("/es/library/"))
    for n in range(4):
        page = publish_case_study(library, f"Case {n}", f"case-{n}")
        if n % 2:
            translate_page(page, "es", {f"Case {n}": f"Caso {n}"})
    with CaptureQueriesContext(connection) as six:
        titles = listed_titles(client.get("/es/library/"))

    assert sorted(titles) == ["Bus fleet electrification", "Case 0", "Case 2", "Caso 1", "Caso 3"]
    assert len(six) == len(two), [q["sql"] for q in six.captured_queries]


def test_english_pages_published_later_join_the_french_tree_under_their_parent(client, library, buses):
    french = CaseStudyPage.objects.get(translation_key=buses.translation_key, locale__language_code="fr")
    assert french.alias_of_id == buses.pk and french.live
    assert french.get_parent().specific.alias_of_id == library.pk
    assert french.url == "/fr/library/bus-fleet/"
    # A later change to the English page reaches its aliases when it is published.
    buses.title = "Electric buses for the whole fleet"
    buses.save_revision().publish()
    assert soup(client.get("/fr/library/bus-fleet/")).find("h1").get_text(strip=True) == (
        "Electric buses for the whole fleet"
    )


def test_a_restriction_set_later_reaches_the_french_and_spanish_versions(client, member, buses):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=buses, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Members")])

    for address in ("/library/bus-fleet/", "/fr/library/bus-fleet/", "/es/library/bus-fleet/"):
        response = client.get(address)
        assert response.status_code != 200 and b"Bus fleet electrification" not in response.content, address
    client.force_login(member)
    assert client.get("/es/library/bus-fleet/").status_code == 200
    # Lifting it on the English page lifts it everywhere.
    restriction.delete()
    client.logout()
    assert client.get("/fr/library/bus-fleet/").status_code == 200


def test_a_draft_restricted_to_moderators_keeps_its_groups_in_every_language_once_published(library):
    """Wagtail copies the restriction to each new alias before adding its groups: the copy must not
    be taken for the rule (it would leave every version restricted to no group, found by nobody)."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from tests.cases.factories import CaseStudyPageFactory

    draft = CaseStudyPageFactory(parent=library, title="Secretariat notes", slug="notes", live=False)
    restriction = PageViewRestriction.objects.create(page=draft, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Moderators")])
    draft.save_revision().publish()

    versions = CaseStudyPage.objects.filter(translation_key=draft.translation_key)
    assert versions.count() == 3
    for version in versions:
        groups = PageViewRestriction.objects.filter(page=version).values_list("groups__name", flat=True)
        assert list(groups) == ["Moderators"], version.locale.language_code

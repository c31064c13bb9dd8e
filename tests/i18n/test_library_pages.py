"""The library side of the interface in French and Spanish, as a visitor reads it.

Each key page is fetched at its English address and under /fr/ and /es/: the interface's words
(headings, labels, buttons, counts, dates, figures) are in the address's language and the English
ones are gone, `<html lang>` says which, and the translated page costs no more queries than the
English one. Content (titles, summaries, vocabulary terms) is not what these tests check.
"""

import datetime
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import CaseStudyMilestone
from lodestar.vocabularies.models import Sector
from search import maintenance
from tests.cases.factories import CaseStudyPageFactory, ToolPageFactory, ensure_library_structure, term
from tests.search.conftest import refresh

pytestmark = pytest.mark.django_db

LANGUAGES = [("", "en"), ("/fr", "fr"), ("/es", "es")]


@pytest.fixture(autouse=True)
def _database_listings():
    """Listings from PostgreSQL (as in tests/cases), so these tests need no index but the search page's."""
    from cases import selectors

    search = selectors._listing_search
    selectors.use_listing_search(None)
    yield
    selectors.use_listing_search(search)


@pytest.fixture
def library_content(home_page):
    library, tools = ensure_library_structure()
    tool = ToolPageFactory(parent=tools, title="Illustrative energy model", slug="energy-model")
    case = CaseStudyPageFactory(
        parent=library,
        title="Illustrative city budget alignment",
        slug="city-budget",
        target_type="percent-reduction",
        target_year=2050,
        target_base_year=2005,
        target_percentage=Decimal("80"),
        target_legal_status="in-law",
        emissions_base_year=2005,
        emissions_base_value=Decimal("1234.5"),
        emissions_latest_year=2020,
        emissions_latest_value=Decimal("987.25"),
        emissions_unit="ktCO2e",
        figures_status="self-reported",
        last_reviewed=datetime.date(2026, 3, 4),
        body=[("lessons_learnt", {"text": "<p>Start early.</p>"})],
        sectors=[term(Sector, "transport")],
        related_tools=[tool],
    )
    CaseStudyMilestone.objects.create(page=case, year=2030, value=Decimal("600"), label="")
    return {"library": library, "tools": tools, "case": case, "tool": tool}


def get(client, url, status=200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    """What a reader sees: the page's text and its accessible names, spaces collapsed."""
    names = [
        tag.get(attribute, "") for attribute in ("aria-label", "alt", "title") for tag in soup.find_all()
    ]
    words = soup.get_text(" ") + " " + " ".join(names)
    return re.sub(r"\s+", " ", words)


# What each page must say in each language, and English words that must be gone from its translations.
PAGES = {
    "home": (
        "/",
        {
            "en": ["Browse case studies", "Find tools", "Coalition pathways: who is on track"],
            "fr": ["Parcourir les études de cas", "Trouver des outils", "qui est en bonne voie"],
            "es": ["Explorar los estudios de caso", "Buscar herramientas", "quién va por buen camino"],
        },
        ["Browse case studies", "Find tools", "Search case studies, tools"],
    ),
    "library": (
        "/library/",
        {
            "en": ["All case studies", "1 case study", "Filter case studies", "Download this list as CSV"],
            "fr": ["Toutes les études de cas", "1 étude de cas", "Filtrer les études de cas", "Secteur"],
            "es": [
                "Todos los estudios de caso",
                "1 estudio de caso",
                "Filtrar los estudios de caso",
                "Tipo de actor",
            ],
        },
        ["All case studies", "Download this list as CSV", "Actor type", "Newest first", "Apply"],
    ),
    "case study": (
        "/library/city-budget/",
        {
            "en": [
                "At a glance",
                "Reviewed on 4 March 2026 by the secretariat",
                "Percentage reduction: 80 % below 2005",
                "1234.5 ktCO2e",
                "Lessons learnt",
                "Tools used",
            ],
            "fr": [
                "En bref",
                "Relue le 4 mars 2026 par le secrétariat",
                "80 % de moins qu’en 2005",
                "1234,5 ktCO2e",
                "Enseignements tirés",
                "Outils utilisés",
                "Suivi Lodestar",
            ],
            "es": [
                "De un vistazo",
                "Revisado el 4 de marzo de 2026 por la secretaría",
                "Reducción porcentual: 80 % menos que en 2005",
                "1234,5 ktCO2e",
                "Lecciones aprendidas",
                "Herramientas utilizadas",
                "Seguimiento de Lodestar",
            ],
        },
        ["At a glance", "Reviewed on", "Lessons learnt", "Tools used", "Lodestar tracker", "points a year"],
    ),
    "tools": (
        "/tools/",
        {
            "en": ["All tools", "1 tool", "Filter tools"],
            "fr": ["Tous les outils", "1 outil", "Filtrer les outils", "Coût", "Gratuit"],
            "es": [
                "Todas las herramientas",
                "1 herramienta",
                "Filtrar las herramientas",
                "Costo",
                "Gratuito",
            ],
        },
        ["All tools", "Filter tools", "Tool type", "Download this list as CSV"],
    ),
    "tool": (
        "/tools/energy-model/",
        {
            "en": ["Skill level", "Used in these case studies", "Go to the tool"],
            "fr": ["Niveau de compétence", "Utilisé dans ces études de cas", "Accéder à l’outil", "Débutant"],
            "es": ["Nivel de conocimientos", "Utilizada en estos estudios de caso", "Ir a la herramienta"],
        },
        ["Skill level", "Used in these case studies", "Go to the tool", "Beginner", "At a glance"],
    ),
    "glossary": (
        "/library/glossary/",
        {
            "en": ["Glossary", "The terms that describe case studies and tools"],
            "fr": ["Glossaire", "Les termes qui décrivent les études de cas"],
            "es": ["Glosario", "Los términos que describen los estudios de caso"],
        },
        ["The terms that describe case studies"],
    ),
    "pathways": (
        "/library/pathways/",
        {
            "en": ["Coalition pathways", "Where the strategies are", "By strategy stage", "Tracker verdict"],
            "fr": [
                "Trajectoires de la Coalition",
                "Où se trouvent les stratégies",
                "Par étape de la stratégie",
            ],
            "es": [
                "Trayectorias de la Coalición",
                "Dónde están las estrategias",
                "Por etapa de la estrategia",
            ],
        },
        ["Where the strategies are", "By strategy stage", "Tracker verdict", "By world region"],
    ),
}


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize(("prefix", "language"), LANGUAGES)
def test_each_library_page_speaks_the_language_of_its_address(
    client, library_content, name, prefix, language
):
    path, expected, english = PAGES[name]
    soup = get(client, prefix + _resolved(path))
    seen = text_of(soup)

    assert soup.html["lang"] == language
    for words in expected[language]:
        assert words in seen, (name, language, words)
    if language != "en":
        for words in english:
            assert words not in seen, (name, language, words)


def _resolved(path: str) -> str:
    """The fixed paths above, as this site names them (the glossary and pathways are Django views)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return {
            "/library/glossary/": reverse("cases:glossary"),
            "/library/pathways/": reverse("cases:pathways"),
        }.get(path, path)


@pytest.mark.parametrize(("prefix", "language"), LANGUAGES)
def test_a_page_title_and_description_are_in_the_language_of_the_address(
    client, library_content, prefix, language
):
    soup = get(client, f"{prefix}/")
    expected = {
        "en": "Lodestar · Knowledge exchange of the Carbon Neutrality Coalition",
        "fr": "Lodestar · Échange de connaissances de la Coalition pour la neutralité carbone",
        "es": "Lodestar · Intercambio de conocimientos de la Coalición para la Neutralidad de Carbono",
    }
    assert soup.title.get_text() == expected[language]

    glossary = get(client, prefix + _resolved("/library/glossary/"))
    description = glossary.find("meta", attrs={"name": "description"})["content"]
    assert glossary.title.get_text().startswith(
        {"en": "Glossary", "fr": "Glossaire", "es": "Glosario"}[language]
    )
    assert description.startswith(
        {
            "en": "The terms Lodestar uses",
            "fr": "Les termes qu’utilise Lodestar",
            "es": "Los términos que usa Lodestar",
        }[language]
    )


def test_the_pathway_chart_keeps_dots_in_its_coordinates_whatever_the_language(client, library_content):
    """A French decimal comma in an SVG attribute would break the drawing: only the words change."""
    soup = get(client, "/fr/library/city-budget/")

    chart = soup.find("svg", class_="pathway__svg")
    coordinates = [chart.find("circle")[a] for a in ("cx", "cy")] + [chart.find("line")["y1"]]
    assert all(re.fullmatch(r"-?\d+(\.\d)?", value) for value in coordinates), coordinates
    assert "Trajectoire des émissions de Illustrative city budget alignment, en ktCO2e" in text_of(soup)
    table = soup.find("table", class_="pathway__table")
    assert [th.get_text(strip=True) for th in table.find_all("th")] == [
        "Année",
        "Émissions (ktCO2e)",
        "Nature",
    ]
    assert "1234,5" in table.get_text()


@pytest.mark.parametrize(
    ("path", "filtered", "expected", "english"),
    [
        (
            "/fr/library/?sector=transport",
            "Études de cas correspondantes",
            "(1 actif)",
            "Matching case studies",
        ),
        (
            "/es/library/?sector=nowhere",
            "Algunos filtros no se entendieron",
            "Todos los estudios",
            "Some filters",
        ),
    ],
)
def test_filtering_the_library_answers_in_the_language_of_the_address(
    client, library_content, path, filtered, expected, english
):
    seen = text_of(get(client, path))

    assert filtered in seen
    assert expected in seen
    assert english not in seen


@pytest.mark.parametrize(("prefix", "language"), LANGUAGES)
def test_the_library_csv_is_the_same_open_data_in_every_language(client, library_content, prefix, language):
    """Open data has one language: headers and values in English, whatever the page it is linked from."""
    english = b"".join(client.get("/library/export/").streaming_content)
    translated = b"".join(client.get(f"{prefix}/library/export/").streaming_content)

    assert translated == english
    assert b"Percentage reduction" in english or b"percent-reduction" in english


@pytest.mark.parametrize("name", ["library", "case study", "tool", "tools"])
def test_a_translated_page_costs_at_most_one_query_more_for_its_content(client, library_content, name):
    path = PAGES[name][0]

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count(path)  # warm the per-process caches (vocabulary names, the site)
    english = count(path)
    french, spanish = count(f"/fr{path}"), count(f"/es{path}")
    # The interface's words cost nothing; a page under /fr/ or /es/ is the French or Spanish page
    # of the content (wagtail-localize), which reads one more row: its source page, for the notice.
    assert french == spanish <= english + 1


@pytest.mark.parametrize(
    ("prefix", "language", "title", "words"),
    [
        ("", "en", "Page not found", "Go to the home page"),
        ("/fr", "fr", "Page introuvable", "Aller à la page d’accueil"),
        ("/es", "es", "Página no encontrada", "Ir a la página de inicio"),
    ],
)
def test_an_unknown_address_answers_a_404_in_its_language(client, home_page, prefix, language, title, words):
    soup = get(client, f"{prefix}/no-such-page/", status=404)

    assert soup.html["lang"] == language
    assert soup.find("h1").get_text(strip=True) == title
    home_link = soup.find("a", string=words)
    assert home_link["href"] == f"{prefix}/"


@pytest.mark.integration
@pytest.mark.parametrize(
    ("prefix", "language", "heading", "labels", "english"),
    [
        ("", "en", "1 result for “budget”", ["Filter results", "Sort by", "Best match", "Case study"], None),
        (
            "/fr",
            "fr",
            "1 résultat pour « budget »",
            ["Filtrer les résultats", "Trier par", "Pertinence", "Étude de cas", "Type d’acteur", "Secteur"],
            ["Filter results", "Sort by", "Best match", "Actor type"],
        ),
        (
            "/es",
            "es",
            "1 resultado para «budget»",
            ["Filtrar los resultados", "Ordenar por", "Más relevantes", "Estudio de caso", "Tipo de actor"],
            ["Filter results", "Sort by", "Best match", "Actor type"],
        ),
    ],
)
def test_search_results_speak_the_language_of_the_address(
    client, library_content, search_index, prefix, language, heading, labels, english
):
    maintenance.repair(maintenance.check())
    refresh()

    soup = get(client, f"{prefix}/search/?q=budget")
    seen = text_of(soup)

    assert soup.html["lang"] == language
    assert soup.find("h2", id="results-title").get_text(" ", strip=True) == heading
    for words in labels:
        assert words in seen, words
    for words in english or []:
        assert words not in seen, words
    nothing = text_of(get(client, f"{prefix}/search/?q=zzqqxx"))
    assert {"en": "No results for", "fr": "Aucun résultat pour", "es": "No hay resultados para"}[
        language
    ] in nothing


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        ("", "please use at most 200 characters"),
        ("/fr", "utilisez-en 200 au plus"),
        ("/es", "use como máximo 200"),
    ],
)
def test_a_search_refused_says_why_in_the_language_of_the_address(client, home_page, prefix, message):
    response = client.get(f"{prefix}/search/", {"q": "x" * 2100})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert {"": "2,100", "/fr": "2\xa0100", "/es": "2\xa0100"}[prefix] in response.content.decode()


@pytest.mark.parametrize("prefix", ["", "/fr", "/es"])
def test_links_between_library_pages_keep_the_reader_in_their_language(client, library_content, prefix):
    listing = get(client, f"{prefix}/library/")
    case = get(client, f"{prefix}/library/city-budget/")
    tool = get(client, f"{prefix}/tools/energy-model/")

    assert listing.find("h3", class_="case-card__title").a["href"] == f"{prefix}/library/city-budget/"
    assert case.find("nav", class_="breadcrumb").a["href"] == f"{prefix}/library/"
    assert (
        case.find("a", href=re.compile(r"\?sector=transport$"))["href"]
        == f"{prefix}/library/?sector=transport"
    )
    assert case.find("a", string="Illustrative energy model")["href"] == f"{prefix}/tools/energy-model/"
    assert (
        tool.find("a", string="Illustrative city budget alignment")["href"]
        == f"{prefix}/library/city-budget/"
    )


@pytest.mark.parametrize("prefix", ["/fr", "/es"])
def test_a_member_saves_a_filtered_search_from_a_translated_page(client, member, library_content, prefix):
    """Facet values named in the interface's language are plain text where they are stored."""
    client.force_login(member)
    response = client.post(
        f"{prefix}/saved-searches/save/",
        {"name": "Outils gratuits", "frequency": "weekly", "content_type": "tool", "cost": "free"},
    )

    assert response.status_code == 302, response.content
    saved = member.saved_searches.get()
    assert saved.filter_labels["content_type"] == {"tool": {"/fr": "Outil", "/es": "Herramienta"}[prefix]}
    assert saved.filter_labels["cost"] == {"free": {"/fr": "Gratuit", "/es": "Gratuito"}[prefix]}


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Something went wrong"), ("fr", "Une erreur s’est produite"), ("es", "Algo ha salido mal")],
)
def test_the_error_page_speaks_the_language_the_request_was_in(rf, language, heading):
    """Django renders 500.html without a context, in the language the failed request activated."""
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override(language):
        soup = BeautifulSoup(server_error(rf.get(f"/{language}/")).content, "html.parser")

    assert soup.html["lang"] == language
    assert soup.find("h1").get_text(strip=True) == heading

from bs4 import BeautifulSoup
from wagtail.models import Page, Site

from lodestar.home.models import HomePage


def test_migrations_make_a_home_page_the_root_of_the_default_site(db):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live


def test_home_page_is_served_at_the_site_root_with_landmarks(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == home_page.title
    assert soup.find("main", id="main") is not None
    assert soup.find("nav", attrs={"aria-label": "Main"}) is not None
    assert soup.find("a", class_="skip-link")["href"] == "#main"
    assert soup.html["lang"] == "en"


def test_home_page_only_sits_at_the_top_of_the_tree(home_page):
    root = Page.get_first_root_node()
    assert HomePage.allowed_parent_page_models() == [Page]
    # There is one home page already: max_count forbids a second one anywhere.
    assert not HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home_page)


def test_an_unknown_address_answers_a_readable_404(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert b"Page not found" in response.content

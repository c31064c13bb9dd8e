"""One pagination component (templates/components/pagination.html) serves every paginated list."""

from pathlib import Path

from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
COMPONENT = "components/pagination.html"


def render(path: str, page_obj=None, **context) -> BeautifulSoup:
    if page_obj is not None:
        context.update(number=page_obj.number, num_pages=page_obj.paginator.num_pages)
    request = RequestFactory().get(path)
    return BeautifulSoup(render_to_string(COMPONENT, context, request=request), "html.parser")


def test_a_middle_page_links_both_ways_keeping_the_other_parameters():
    page_obj = Paginator(range(50), 10).page(3)

    html = render("/library/?sector=transport&page=3&sort=title", page_obj=page_obj)

    nav = html.find("nav")
    assert nav["aria-label"] == "Pages"
    assert nav.find(attrs={"aria-current": "page"}).get_text() == "Page 3 of 5"
    assert html.find("a", rel="prev")["href"] == "?sector=transport&page=2&sort=title"
    assert html.find("a", rel="next")["href"] == "?sector=transport&page=4&sort=title"
    assert [li.get_text(strip=True) for li in nav.find_all("li")] == ["Previous", "Page 3 of 5", "Next"]


def test_the_first_and_last_pages_offer_only_the_way_that_exists():
    first = render("/forum/", page_obj=Paginator(range(30), 10).page(1))
    last = render("/forum/?page=3", page_obj=Paginator(range(30), 10).page(3))

    assert first.find("a", rel="prev") is None and first.find("a", rel="next")["href"] == "?page=2"
    assert last.find("a", rel="next") is None and last.find("a", rel="prev")["href"] == "?page=2"


def test_a_single_page_shows_no_pagination():
    assert render("/forum/", page_obj=Paginator(range(5), 10).page(1)).find("nav") is None
    assert render("/search/?q=x", number=1, num_pages=1).find("nav") is None


def test_search_results_name_their_nav_and_keep_the_query():
    html = render("/search/?q=net+zero&sectors=energy&page=2", number=2, num_pages=4, label="Result pages")

    assert html.find("nav")["aria-label"] == "Result pages"
    assert html.find(attrs={"aria-current": "page"}).get_text() == "Page 2 of 4"
    assert html.find("a", rel="next")["href"] == "?q=net+zero&sectors=energy&page=3"


def test_every_template_paginates_through_the_component():
    others = [
        path.relative_to(TEMPLATES).as_posix()
        for path in TEMPLATES.rglob("*.html")
        if 'class="pagination"' in path.read_text() and path.relative_to(TEMPLATES).as_posix() != COMPONENT
    ]
    users = sorted(
        path.relative_to(TEMPLATES).as_posix()
        for path in TEMPLATES.rglob("*.html")
        if f'include "{COMPONENT}"' in path.read_text()
    )

    assert others == [], "a template builds its own pagination instead of including the component"
    assert {"cases/library_index_page.html", "forum/topic_detail.html", "search/search_page.html"} <= set(
        users
    )

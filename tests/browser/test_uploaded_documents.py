"""An uploaded document never runs script in the site's origin: HTML and SVG are refused at upload,
and a document that holds script anyway (uploaded before the allow-list) is a download that, even
when a browser renders it, runs in a sandbox with no scripts."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from cases.models import CaseStudyDocument
from tests.browser.helpers import log_in
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What the probe uploaded: it marks the origin it ran in, and the page's title.
SCRIPT = "document.title='pwned'; localStorage.setItem('pwned','1'); document.cookie='pwned=1; path=/';"
HTML = f"<!doctype html><title>report</title><script>{SCRIPT}</script><p>Quarterly report</p>"
SVG = f'<svg xmlns="http://www.w3.org/2000/svg"><script>{SCRIPT}</script><rect width="9" height="9"/></svg>'


def _origin_untouched(page) -> None:
    page.goto("/")
    assert page.evaluate("localStorage.getItem('pwned')") is None
    assert "pwned" not in {cookie["name"] for cookie in page.context.cookies()}


@pytest.mark.parametrize(("name", "body"), [("report.html", HTML), ("logo.svg", SVG)])
def test_a_member_cannot_upload_an_html_or_svg_document(page, home_page, member, tmp_path, name, body):
    upload = tmp_path / name
    upload.write_text(body)
    log_in(page, member.email)

    page.goto("/admin/documents/add/")
    page.get_by_label("Title").fill("Quarterly report")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()

    expect(page.get_by_text(re.compile(r"is not allowed\. Allowed extensions are: pdf"))).to_be_visible()
    assert not get_document_model().objects.filter(title="Quarterly report").exists()
    _origin_untouched(page)


@pytest.fixture
def legacy_html_document(home_page):
    """An HTML document stored before the allow-list, attached to a public case study."""
    library, _ = ensure_library_structure()
    case_study = CaseStudyPageFactory(parent=library, title="Harbour electrification")
    document = get_document_model()(title="Quarterly report")
    document.file.save("report.html", ContentFile(HTML.encode()), save=False)
    document.save()
    CaseStudyDocument.objects.create(page=case_study, document=document)
    return document


def test_a_document_holding_script_is_a_download_and_never_runs(page, legacy_html_document):
    document = legacy_html_document

    # (Its raw /media/ address answers 404 from the site, tests/security/test_private_files.py; the
    # test server's own media handler, which only tests use, would serve it from disk.)
    # Its address is a download: the browser saves it and stays where it was.
    page.goto("/")
    with page.expect_download() as download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.click(); }", document.url
        )
    assert download.value.suggested_filename == "report.html"

    # A browser that renders it anyway (here: told to ignore the attachment header) runs it in a
    # sandbox with no scripts, in no origin of ours.
    def inline(route):
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-disposition"}
        assert headers["content-security-policy"] == "default-src 'none'; sandbox"
        route.fulfill(response=response, headers={**headers, "content-type": "text/html"})

    page.route(re.compile(r".*/documents/\d+/report\.html$"), inline)
    page.goto(document.url)
    expect(page.get_by_text("Quarterly report")).to_be_visible()
    assert page.title() == "report"  # the script would have renamed it
    page.unroute(re.compile(r".*/documents/\d+/report\.html$"))
    _origin_untouched(page)

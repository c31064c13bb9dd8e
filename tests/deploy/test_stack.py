"""Smoke test of the production-like stack: nginx (TLS) -> gunicorn (production settings) -> services.

What a visitor and a member do, over HTTPS through nginx from Debian's packages, with a real Celery
worker: the home page, static files (compressed, cached for a year), log-in, a reply, an avatar
upload then fetching it from the address the profile page shows (nginx sends it after Django's
X-Accel-Redirect), a search, and the health checks through the proxy. Its own database, index
prefix, Redis database and ports (below the ephemeral range), derived from LODESTAR_TEST_SLOT.
"""

import io
import logging
import os
import re
import time

import psycopg
import pytest
import requests
from bs4 import BeautifulSoup
from PIL import Image

from tests.deploy import stack
from tests.deploy.content import MEMBER_EMAIL
from tests.members.test_security import PASSWORD

pytestmark = pytest.mark.integration

logger = logging.getLogger(__name__)

SLOT = int(os.environ.get("LODESTAR_TEST_SLOT") or 10)  # 10: no slot
# Redis databases nobody else uses (0-2 development, 10-49 the test slots, 50-58 the benches):
# the broker and the cache share one (the cache's keys have their own prefix).
REDIS_DB = [3, 4, 5, 6, 7, 8, 9, 13, 14, 15, 16][SLOT]
DATABASE = f"lodestar_stack_{SLOT}"
INDEX_PREFIX = f"lodestar-stack-{SLOT}"
PORT_BASE = 24000 + 20 * SLOT
CONTENT = ["shell", "-c", "from tests.deploy.content import create; create()"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("stack")
    gunicorn_port, http_port, https_port = stack.ports_from(PORT_BASE, 3)
    base = f"https://localhost:{https_port}"
    env = stack.production_environment(
        database=DATABASE, index_prefix=INDEX_PREFIX, redis_dbs=(REDIS_DB, REDIS_DB), base_url=base, root=root
    )
    started = time.monotonic()
    stack.recreate_database(DATABASE)
    stack.drop_indexes(INDEX_PREFIX)
    stack.flush_redis([REDIS_DB])
    processes = stack.Processes(root)
    try:
        stack.prepare_site(
            env,
            content=CONTENT,
            progress=lambda step: logger.warning("stack: %s at %.1f s", step, time.monotonic() - started),
        )
        conf = stack.render_nginx(
            root, upstream=f"127.0.0.1:{gunicorn_port}", http_port=http_port, https_port=https_port, env=env
        )
        stack.start_gunicorn(processes, env, gunicorn_port)
        stack.start_worker(processes, env, f"stack-{SLOT}-{os.getpid()}@lodestar")
        stack.start_nginx(processes, conf)
        certificate = str(root / "lodestar.crt")
        stack.wait_for(f"{base}/health/ready", what="the stack", processes=processes, verify=certificate)
        logger.warning("stack: up at %.1f s", time.monotonic() - started)
        yield {"base": base, "http": f"http://localhost:{http_port}", "verify": certificate, "env": env}
    finally:
        processes.stop()
        stack.drop_indexes(INDEX_PREFIX)
        stack.flush_redis([REDIS_DB])
        stack.drop_database(DATABASE)


def session_for(site) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # loopback only: no proxy, and our certificate, not REQUESTS_CA_BUNDLE
    session.verify = site["verify"]
    session.headers["Referer"] = site["base"] + "/"  # as a browser sends on HTTPS (Django's CSRF check)
    return session


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def query(site, sql: str, *params):
    with psycopg.connect(site["env"]["DATABASE_URL"]) as conn:
        return conn.execute(sql, params).fetchone()


def csrf(session, url) -> str:
    return soup(session.get(url, timeout=10)).select_one("input[name=csrfmiddlewaretoken]")["value"]


def test_health_through_the_proxy_over_https_and_plain_http(site):
    visitor = session_for(site)
    timings = []
    for _ in range(5):
        started = time.monotonic()
        response = visitor.get(f"{site['base']}/health/ready", timeout=5)
        timings.append(time.monotonic() - started)
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
    logger.warning("/health/ready through nginx: %s s", ", ".join(f"{t:.3f}" for t in timings))
    assert sorted(timings)[2] < 0.2
    # Container and load-balancer probes use plain HTTP: health answers, everything else goes to HTTPS.
    assert visitor.get(f"{site['http']}/health/live", timeout=5).json() == {"status": "ok"}
    assert visitor.get(f"{site['http']}/health/ready", timeout=5).status_code == 200
    redirect = visitor.get(f"{site['http']}/library/", timeout=5, allow_redirects=False)
    assert redirect.status_code == 301
    assert redirect.headers["Location"] == f"{site['base']}/library/"


def test_home_page_is_compressed_and_its_static_files_are_cached_for_a_year(site):
    visitor = session_for(site)
    home = visitor.get(f"{site['base']}/", timeout=10, headers={"Accept-Encoding": "gzip"})

    assert home.status_code == 200
    assert home.headers["Content-Encoding"] == "gzip"
    assert "Lodestar" in home.text
    stylesheets = [link["href"] for link in soup(home).select("link[rel=stylesheet]")]
    hashed = [href for href in stylesheets if re.search(r"\.[0-9a-f]{12}\.css$", href)]
    assert hashed, stylesheets
    css = visitor.get(f"{site['base']}{hashed[0]}", timeout=10, headers={"Accept-Encoding": "gzip"})
    assert css.status_code == 200
    assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert css.headers["Content-Encoding"] == "gzip"
    assert css.headers["Content-Type"].startswith("text/css")


def test_a_member_logs_in_replies_uploads_an_avatar_and_everyone_sees_them(site):
    base = site["base"]
    member = session_for(site)
    response = member.post(
        f"{base}/accounts/login/",
        data={"login": MEMBER_EMAIL, "password": PASSWORD,
              "csrfmiddlewaretoken": csrf(member, f"{base}/accounts/login/")},
        timeout=10, allow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 302, response.text[:500]
    assert "Log out" in member.get(f"{base}/", timeout=10).text

    (topic_id,) = query(site, "SELECT id FROM forum_topic WHERE NOT is_locked ORDER BY id LIMIT 1")
    topic_url = member.get(f"{base}/forum/t/{topic_id}/", timeout=10).url
    response = member.post(
        f"{base}/forum/t/{topic_id}/reply/",
        data={"body": "Through nginx: our heat network took four years.",
              "csrfmiddlewaretoken": csrf(member, topic_url)},
        timeout=10, allow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 302, response.text[:500]
    visitor = session_for(site)
    assert (
        "Through nginx: our heat network took four years."
        in visitor.get(base + response.headers["Location"], timeout=10).text
    )

    edit = soup(member.get(f"{base}/members/profile/", timeout=10))
    form = edit.select_one("form[enctype='multipart/form-data']")
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field.get("type") not in ("file", "checkbox")
    }
    data |= {field["name"]: "on" for field in form.select("input[type=checkbox][checked]")}
    data |= {
        select["name"]: (select.select_one("option[selected]") or {"value": ""})["value"]
        for select in form.select("select")
    }
    data |= {area["name"]: area.text for area in form.select("textarea")}
    data.pop("remove_avatar", None)
    picture = io.BytesIO()
    Image.new("RGB", (300, 300), (20, 120, 80)).save(picture, format="PNG")
    response = member.post(
        f"{base}/members/profile/", data=data, files={"avatar": ("me.png", picture.getvalue(), "image/png")},
        timeout=20, allow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 302, soup(response).select(".error")

    (slug,) = query(site, "SELECT slug FROM members_profile p JOIN members_user u ON u.id = p.user_id "
                          "WHERE u.email = %s", MEMBER_EMAIL)  # fmt: skip
    profile = visitor.get(f"{base}/members/people/{slug}/", timeout=10)
    image_src = soup(profile).select_one("img.avatar")["src"]
    picture_response = visitor.get(
        f"{base}{image_src}" if image_src.startswith("/") else image_src, timeout=10
    )
    assert picture_response.status_code == 200
    assert picture_response.headers["Content-Type"] == "image/png"
    assert "X-Accel-Redirect" not in picture_response.headers  # nginx sent the file itself
    assert picture_response.headers["X-Content-Type-Options"] == "nosniff"
    assert picture_response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert Image.open(io.BytesIO(picture_response.content)).size == (256, 256)


def test_a_search_finds_the_case_studies(site):
    visitor = session_for(site)
    response = visitor.get(f"{site['base']}/search/?q=energy+strategy", timeout=10)

    assert response.status_code == 200
    titles = sorted(hit.text.strip() for hit in soup(response).select(".search-hit__title"))
    assert titles == [f"Illustrative energy strategy {n}" for n in range(3)]


def test_media_outside_django_s_answers_is_never_served_from_disk(site):
    visitor = session_for(site)
    media_root = site["env"]["MEDIA_ROOT"]
    os.makedirs(f"{media_root}/documents", exist_ok=True)
    for name in ("documents/secret.txt", "secret.txt"):
        with open(f"{media_root}/{name}", "w") as handle:
            handle.write("not for visitors")
    for path in ("/media/documents/secret.txt", "/protected-media/documents/secret.txt",
                 "/protected-media/secret.txt", "/media/secret.txt"):  # fmt: skip
        response = visitor.get(f"{site['base']}{path}", timeout=10)
        assert response.status_code == 404, path
        assert "not for visitors" not in response.text

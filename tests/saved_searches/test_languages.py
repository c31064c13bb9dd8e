"""A saved search's alert in its owner's language: the email, its links and the in-app notice."""

import re

import pytest
from django.utils import translation

from forum.models import Notification
from saved_searches.models import SavedSearch
from tests.cases.factories import CaseStudyPageFactory, ensure_library_structure
from tests.members.factories import make_member
from tests.saved_searches.test_alerts import a_day_passes, publish, run_alerts, worker_test

pytestmark = pytest.mark.integration


@worker_test
def test_a_spanish_member_gets_the_alert_in_spanish_with_links_to_the_spanish_site(
    client, tasks, mail, search_index, home_page
):
    library, _ = ensure_library_structure()
    member = make_member(language="es")
    saved = SavedSearch.objects.create(
        owner=member, name="Calor geotérmico", query="geothermal", frequency="daily"
    )
    a_day_passes(saved)
    matching = CaseStudyPageFactory(
        parent=library, title="Geothermal district heating in Lisbon", slug="geo", live=False
    )
    publish(matching)
    tasks.wait()

    assert run_alerts(tasks) == 1
    (message,) = mail.to(member.email)
    assert (
        message["Subject"].strip()
        == "[Lodestar] 1 resultado nuevo para tu búsqueda guardada «Calor geotérmico»"
    )
    text = mail.text(message)
    assert "Novedades en Lodestar para tu búsqueda guardada «Calor geotérmico»" in text
    assert "Detener estas alertas:" in text
    links = re.findall(r"https?://\S+", text)
    assert any(f"/es{matching.url}" in link for link in links), links
    assert all("/es/" in link for link in links), links

    (notice,) = Notification.objects.filter(recipient=member, kind="saved_search")
    with translation.override("es"):
        assert notice.text == "1 resultado nuevo para tu búsqueda guardada «Calor geotérmico»"
    assert notice.text == "1 new match for your saved search “Calor geotérmico”"
    client.force_login(member)
    opened = client.get(f"/es/forum/notifications/{notice.pk}/")
    assert opened["Location"] == f"/es/saved-searches/{saved.pk}/"

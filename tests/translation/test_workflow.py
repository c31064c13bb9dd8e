"""Who translates: moderators (and administrators) with wagtail-localize's "Translate this page",
publishing as they publish any page; members neither translate nor publish translations
(lodestar.permissions.can_translate_pages, the group rights of home's migration 0003)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from cases.models import CaseStudyPage
from lodestar.permissions import can_translate_pages

from .test_pages import publish_case_study, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def buses(library, member):
    page = publish_case_study(library, "Bus fleet electrification", "bus-fleet", owner=member)
    return page


def french_version(page):
    return CaseStudyPage.objects.get(translation_key=page.translation_key, locale__language_code="fr")


def test_moderators_translate_pages_and_members_do_not(member, moderator, administrator, registered_user):
    assert can_translate_pages(moderator) and can_translate_pages(administrator)
    assert not can_translate_pages(member) and not can_translate_pages(registered_user)
    # The admin's own check (wagtail-localize's views) agrees with the project's rule.
    assert moderator.has_perm("wagtail_localize.submit_translation")
    assert not member.has_perm("wagtail_localize.submit_translation")


def test_a_moderator_translates_a_case_study_and_publishes_it(client, moderator, buses):
    client.force_login(moderator)
    french = Locale.objects.get(language_code="fr")
    submit = reverse("wagtail_localize:submit_page_translation", args=[buses.pk])

    response = client.post(submit, {"locales": [french.pk]})

    assert response.status_code == 302
    translation = french_version(buses)
    assert translation.alias_of_id is None, "the alias became a translation"
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    assert client.get(response["Location"]).status_code == 200  # wagtail-localize's editor

    # The moderator's translated title, saved as the editor does, then published.
    from wagtail_localize.models import String, StringSegment, Translation

    target = Translation.objects.get(source__object_id=buses.translation_key, target_locale=french)
    title = StringSegment.objects.get(source=target.source, context__path="title")
    String.objects.get(pk=title.string_id).translations.create(
        locale=french, context=title.context, data="Électrification de la flotte de bus"
    )
    published = client.post(reverse("wagtailadmin_pages:edit", args=[translation.pk]), {"action": "publish"})
    assert published.status_code in (200, 302)

    client.logout()
    page = soup(client.get("/fr/library/bus-fleet/"))
    assert page.find("h1").get_text(strip=True) == "Électrification de la flotte de bus"
    assert not page.find(class_="notice--language")


def test_members_cannot_translate_or_publish_translations(client, member, buses):
    client.force_login(member)
    french = Locale.objects.get(language_code="fr")
    submit = reverse("wagtail_localize:submit_page_translation", args=[buses.pk])

    assert client.get(submit).status_code in (302, 403)
    response = client.post(submit, {"locales": [french.pk]})
    assert response.status_code in (302, 403)
    assert french_version(buses).alias_of_id == buses.pk, "still the English page's alias"
    # Their own page's French counterpart is the secretariat's to edit and publish.
    alias = french_version(buses)
    assert not alias.permissions_for_user(member).can_publish()
    assert not alias.permissions_for_user(member).can_edit()


def test_the_notice_offers_moderators_the_translate_action(client, moderator, member, buses):
    action = reverse("wagtail_localize:submit_page_translation", args=[buses.pk])
    client.force_login(moderator)
    notice = soup(client.get("/fr/library/bus-fleet/")).find(class_="notice--language")
    assert notice.find("a", href=action).get_text(strip=True) == "Traduire cette page"

    client.force_login(member)
    notice = soup(client.get("/es/library/bus-fleet/")).find(class_="notice--language")
    assert notice is not None and notice.find("a") is None

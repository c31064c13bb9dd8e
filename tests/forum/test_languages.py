"""The forum in several languages: each post's language, notifications written in the reader's
language when shown, and emails in each recipient's preferred language (on the real worker)."""

import importlib
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils import translation

from forum import services
from forum.models import Notification, Post
from forum.notifications import post_published_fan_out, saved_search_notify
from lodestar.mail.tasks import deliver_pending_emails
from tests.forum.factories import CategoryFactory
from tests.forum.test_notifications import settle, worker_test
from tests.members.factories import make_member, make_moderator


def _soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _links(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


# --- Emails, through the real worker and the Maildir ------------------------------------------


@pytest.mark.integration
@worker_test
def test_one_reply_reaches_a_spanish_member_in_spanish_and_an_english_member_in_english(client, tasks, mail):
    category = CategoryFactory(name="Finance and investment", slug="finance-and-investment")
    spanish = make_member(language="es")
    english = make_member(language="en")
    replier = make_member(language="fr", display_name="Louis Martin")
    topic = services.topic_create(
        author=spanish, category=category, title="Finance ministry buy-in", body="How did you do it?"
    )
    services.topic_watch(topic=topic, user=english, watching=True)

    # The replier writes from the French interface: neither email follows that request's language.
    client.force_login(replier)
    response = client.post(
        f"/fr/forum/t/{topic.pk}/reply/",
        {"body": "Un comité de pilotage commun nous a aidés.", "language": "fr"},
    )
    assert response.status_code == 302
    settle(tasks)

    (to_spanish,) = mail.to(spanish.email)
    assert to_spanish["Subject"].strip() == "[Lodestar] Louis Martin respondió a «Finance ministry buy-in»"
    text = mail.text(to_spanish)
    assert "Novedades del foro de Lodestar:" in text
    assert "Dejar de recibir correos del foro:" in text
    links = _links(text)
    assert any("/es/forum/p/" in link for link in links)
    assert all("/es/" in link for link in links), links
    html = to_spanish.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="es">' in html
    assert "Todas tus notificaciones" in html

    (to_english,) = mail.to(english.email)
    assert to_english["Subject"].strip() == "[Lodestar] Louis Martin replied to “Finance ministry buy-in”"
    english_text = mail.text(to_english)
    assert "News from the Lodestar forum:" in english_text
    english_links = _links(english_text)
    assert any("/forum/p/" in link for link in english_links)
    assert not any(re.search(r"/(es|fr)/", link) for link in english_links), english_links
    assert mail.to(replier.email) == []


@pytest.mark.integration
@worker_test
def test_a_spanish_member_asking_from_the_english_site_gets_the_password_reset_in_spanish(
    client, home_page, tasks, mail
):
    spanish = make_member(language="es")

    client.post("/accounts/password/reset/", {"email": spanish.email})
    tasks.wait()
    deliver_pending_emails.delay()
    tasks.wait()

    (message,) = mail.to(spanish.email)
    text = mail.text(message)
    assert "contraseña" in message["Subject"].lower()
    assert "contraseña" in text.lower()
    assert "password" not in re.sub(r"https?://\S+", "", text).lower()  # no English outside the link
    (reset,) = [link for link in _links(text) if "/password/reset/key/" in link]
    assert "/es/accounts/password/reset/key/" in reset
    path = re.sub(r"^https?://[^/]+", "", reset)
    assert client.get(path, follow=True).status_code == 200


# --- In-app notifications, written when shown ---------------------------------------------------


@pytest.mark.django_db
def test_the_notification_list_speaks_the_page_language_with_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    category = CategoryFactory(name="Finance and investment", slug="finance-and-investment")
    reader, moderator = make_member(language="es"), make_moderator()
    topic = services.topic_create(author=reader, category=category, title="Green bonds", body="Who issued?")
    for n in range(6):
        author = make_member(display_name=f"Replier {n}")
        post_published_fan_out(
            post_id=services.post_create(author=author, topic=topic, body=f"Answer {n}").pk
        )
    services.post_hide(post=topic.posts.get(position=1), moderator=moderator, reason="Off topic")
    saved_search_notify(recipient_id=reader.pk, name="Geothermal heat", count=3, url="/search/?q=heat")
    client.force_login(reader)

    with django_assert_max_num_queries(6):  # as many for 1 notification as for 25 (measured)
        french = _soup(client.get("/fr/forum/notifications/"))
    english = _soup(client.get("/forum/notifications/"))

    french_items = [a.get_text(strip=True) for a in french.select(".notification a")]
    english_items = [a.get_text(strip=True) for a in english.select(".notification a")]
    assert len(french_items) == len(english_items) == 8
    assert (
        "3 nouveaux résultats pour votre recherche enregistrée «\u00a0Geothermal heat\u00a0»" in french_items
    )
    assert "3 new matches for your saved search “Geothermal heat”" in english_items
    assert "Replier 5 a répondu à «\u00a0Green bonds\u00a0»" in french_items
    assert "Replier 5 replied to “Green bonds”" in english_items
    assert any(item.startswith("Un modérateur a masqué votre message") for item in french_items)
    assert any(item.startswith("A moderator hid your post") for item in english_items)
    assert french.html["lang"] == "fr"
    assert french.find("h1").get_text(strip=True) == "Notifications"
    assert "Tout marquer comme lu" in french.get_text()


@pytest.mark.django_db
def test_notifications_recorded_in_english_before_become_readable_in_every_language(member):
    """The data migration turns old English texts back into what happened, or keeps them as written."""
    category = CategoryFactory(name="Finance and investment", slug="finance-and-investment")
    replier = make_member(display_name="Ana")
    topic = services.topic_create(author=member, category=category, title="Green bonds", body="Who?")
    reply = services.post_create(author=replier, topic=topic, body="We did.")
    old = [
        Notification.objects.create(
            recipient=member,
            kind="reply",
            actor=replier,
            topic=topic,
            post=reply,
            message="Ana replied to “Green bonds”",
        ),
        Notification.objects.create(
            recipient=member,
            kind="moderation",
            topic=topic,
            message="You cannot post in the forum until 11 December 2026 18:00 UTC. Reason: Spam",
        ),
        Notification.objects.create(
            recipient=member, kind="saved_search", message="2 new matches for your saved search “Heat”"
        ),
        Notification.objects.create(recipient=member, kind="moderation", message="Something a person wrote"),
    ]
    migration = importlib.import_module("forum.migrations.0008_notifications_written_when_shown")

    migration.forward(apps, None)

    for row in old:
        row.refresh_from_db()
    with translation.override("es"):
        assert [row.text for row in old] == [
            "Ana respondió a «Green bonds»",
            "No puedes publicar en el foro hasta el 11 de diciembre de 2026 18:00 UTC. Motivo: Spam",
            "2 resultados nuevos para tu búsqueda guardada «Heat»",
            "Something a person wrote",
        ]
    with translation.override("en"):
        assert old[1].text == "You cannot post in the forum until 11 December 2026 18:00 UTC. Reason: Spam"


# --- A post's language --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_post_records_the_language_it_is_written_in_and_the_page_marks_it(client):
    category = CategoryFactory(name="Finance and investment", slug="finance-and-investment")
    spanish = make_member(language="es")
    client.force_login(spanish)

    # The composer starts at the author's preferred language.
    form = _soup(client.get(f"/forum/c/{category.slug}/new/"))
    assert form.find("select", attrs={"name": "language"}).find("option", selected=True)["value"] == "es"
    response = client.post(
        f"/forum/c/{category.slug}/new/",
        {"title": "Bonos verdes municipales", "body": "¿Quién los ha emitido?", "language": "es"},
    )
    assert response.status_code == 302
    question = Post.objects.get(topic__title="Bonos verdes municipales")
    assert question.language == "es"
    client.post(f"/forum/t/{question.topic_id}/reply/", {"body": "Nous, à Lyon.", "language": "fr"})
    client.post(f"/forum/t/{question.topic_id}/reply/", {"body": "Sin elegir idioma."})
    reply, unmarked = Post.objects.filter(topic=question.topic).order_by("position")[1:]
    assert (reply.language, unmarked.language) == ("fr", "es")  # left out: the author's preference

    english_page = _soup(client.get(question.topic.get_absolute_url()))
    bodies = english_page.select("article .post-body")
    assert [body.get("lang") for body in bodies] == ["es", "fr", "es"]
    assert english_page.find("h1")["lang"] == "es"
    spanish_page = _soup(client.get(f"/es{question.topic.get_absolute_url()}"))
    assert [body.get("lang") for body in spanish_page.select("article .post-body")] == [None, "fr", None]
    assert spanish_page.find("h1").get("lang") is None


@pytest.mark.django_db
def test_a_post_in_a_language_the_site_does_not_offer_is_a_form_error(client, member):
    category = CategoryFactory(name="Finance and investment", slug="finance-and-investment")
    client.force_login(member)
    response = client.post(
        f"/forum/c/{category.slug}/new/", {"title": "Green bonds", "body": "Who issued?", "language": "xx"}
    )
    assert response.status_code == 400
    error = BeautifulSoup(response.content, "html.parser").select_one(".field--error")
    assert error.find("select", attrs={"name": "language"})
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_daily_digest_counts_its_updates_in_the_members_language():
    """In-process, as tests/forum/test_notifications.py batches: no task races the direct calls."""
    from forum.notifications import notification_email_send, preferences_for
    from lodestar.mail.models import OutgoingEmail

    category = CategoryFactory(name="Finance and investment", slug="finance-and-investment")
    spanish = make_member(language="es")
    prefs = preferences_for(spanish.pk)
    prefs.email_frequency = "daily"
    prefs.save()
    topic = services.topic_create(author=spanish, category=category, title="Green bonds", body="Who issued?")
    for text in ("We did.", "So did we."):
        post_published_fan_out(post_id=services.post_create(author=make_member(), topic=topic, body=text).pk)

    assert notification_email_send(recipient_id=spanish.pk, digest=True) is True
    (email,) = OutgoingEmail.objects.filter(to__contains=[spanish.email])
    assert email.subject == "[Lodestar] Tu resumen diario del foro: 2 novedades"
    assert email.body_text.startswith("Tu resumen diario del foro de Lodestar:")
    assert "/es/forum/settings/" in email.body_text

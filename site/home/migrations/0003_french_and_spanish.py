"""French and Spanish pages (issue 15): their locales, following the English tree, and who translates.

The fr and es locales follow en (wagtail-localize's LocaleSynchronization): every English page gets
an alias in their trees, replaced by a translation when a moderator makes one (cases.translation).
The aliases themselves are made with the real page models, after migrating: by `load_demo`, by
wagtail-localize's `sync_locale_trees`, and for each page as it is published.

Moderators and Administrators may submit translations (wagtail-localize's "Translate this page");
Members may not: the French or Spanish version of a case study is the secretariat's text.
"""

from django.db import migrations

FOLLOWING = ["fr", "es"]
TRANSLATORS = ["Moderators", "Administrators"]


def apply(apps) -> None:
    Locale = apps.get_model("wagtailcore.Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize.LocaleSynchronization")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")

    english, _ = Locale.objects.get_or_create(language_code="en")
    for code in FOLLOWING:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": english})

    # wagtail-localize's migration 0006 creates the permission on a "translation" type of its own
    # (and grants it to Wagtail's default groups; Members was never one of them).
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    for name in TRANSLATORS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def forwards(apps, schema_editor):
    apply(apps)


def backwards(apps, schema_editor):
    apps.get_model("wagtail_localize.LocaleSynchronization").objects.filter(
        locale__language_code__in=FOLLOWING
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("cases", "0003_figures_trust_and_notices"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Create the role groups and give each its model permissions.

Wagtail's own "Moderators" group is reused as the secretariat's group. Visitors and registered people need no group: their rights follow from being signed in with a
verified address (lodestar.permissions.roles). Later migrations (library, forum) add the page and
snippet permissions of their own areas to these groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Members": [],
    "Moderators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("members", "membershipapplication", "review_membershipapplication"),
        ("members", "membershipapplication", "view_membershipapplication"),
        *[
            ("vocabularies", model, f"{action}_{model}")
            for model in ["sector", "actortype", "strategystage", "cobenefit", "tooltype", "policyinstrument"]
            for action in ["add", "change", "delete", "view"]
        ],
    ],
    "Administrators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("members", "membershipapplication", "review_membershipapplication"),
        ("members", "membershipapplication", "view_membershipapplication"),
        *[("members", "user", f"{action}_user") for action in ["add", "change", "delete", "view"]],
        *[("auth", "group", f"{action}_group") for action in ["add", "change", "delete", "view"]],
        *[
            ("vocabularies", model, f"{action}_{model}")
            for model in ["sector", "actortype", "strategystage", "cobenefit", "tooltype", "policyinstrument"]
            for action in ["add", "change", "delete", "view"]
        ],
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    # Wagtail's first migration makes an "Editors" group; Lodestar's roles have no such thing.
    # (Its "Moderators" group, with page publishing rights, is the secretariat's group here.)
    Group.objects.filter(name="Editors").delete()
    Permission = apps.get_model("auth", "Permission")
    for group_name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, model, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("vocabularies", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

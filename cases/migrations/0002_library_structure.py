"""Create the library and tool index pages under the home page, and give each role its rights.

Members: access to the admin, "add" on the two indexes only (so they create drafts there and, by
Wagtail's owner rule, edit only their own pages; no publish), and add/choose images and documents
for their pages. Moderators (the secretariat, Wagtail's own group) keep their publish rights on the
whole tree, approve in the "Moderators approval" workflow, set review dates and edit the featured
list; Administrators get the same. `apply` takes an app registry so tests that empty the database
can apply it again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

INDEXES = [
    # model, slug, title, intro
    (
        "libraryindexpage",
        "library",
        "Case studies",
        "How members of the Coalition build and carry out long-term low-emission strategies.",
    ),
    (
        "toolindexpage",
        "tools",
        "Tools and resources",
        "Models, datasets, guidebooks and other tools practitioners use to build their strategies.",
    ),
]
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4

MEMBER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
STAFF_COLLECTION_PERMISSIONS = [
    *MEMBER_COLLECTION_PERMISSIONS,
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
STAFF_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("cases", "review_casestudypage"),
    *[("cases", f"{action}_featuredlist") for action in ["add", "change", "delete", "view"]],
]


def _next_child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    )
    step = int(last.path[-STEPLEN:], 36) + 1 if last else 1
    encoded = ""
    while step:
        step, digit = divmod(step, 36)
        encoded = ALPHABET[digit] + encoded
    return parent.path + encoded.rjust(STEPLEN, "0")


def create_indexes(apps) -> dict:
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    home = HomePage.objects.order_by("pk").first()
    if home is None:
        return {}
    now = timezone.now()
    indexes = {}
    for model_name, slug, title, intro in INDEXES:
        model = apps.get_model("cases", model_name)
        existing = model.objects.first()
        if existing is not None:
            indexes[model_name] = existing
            continue
        content_type, _ = ContentType.objects.get_or_create(app_label="cases", model=model_name)
        indexes[model_name] = model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            intro=intro,
            content_type=content_type,
            path=_next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
        home.numchild += 1
    return indexes


def _permission(Permission, app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_permissions(apps, indexes: dict) -> None:
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    members, _ = Group.objects.get_or_create(name="Members")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    administrators, _ = Group.objects.get_or_create(name="Administrators")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    members.permissions.add(_permission(Permission, "wagtailadmin", "access_admin"))
    add_page = _permission(Permission, "wagtailcore", "add_page")
    for index in indexes.values():
        GroupPagePermission.objects.get_or_create(group=members, page_id=index.pk, permission=add_page)

    for group in (moderators, administrators):
        for app_label, codename in STAFF_MODEL_PERMISSIONS:
            group.permissions.add(_permission(Permission, app_label, codename))
        if root_page is not None:
            for codename in STAFF_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=_permission(Permission, "wagtailcore", codename)
                )

    if root_collection is not None:
        for group, permissions in [
            (members, MEMBER_COLLECTION_PERMISSIONS),
            (moderators, STAFF_COLLECTION_PERMISSIONS),
            (administrators, STAFF_COLLECTION_PERMISSIONS),
        ]:
            for app_label, codename in permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(Permission, app_label, codename)
                )


def ensure_review_workflow(apps) -> None:
    """Submissions anywhere in the tree go to Wagtail's "Moderators approval" workflow."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root_page = Page.objects.filter(depth=1).first()
    if root_page is None:
        return
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderators approval", active=True)
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name="Moderators approval", content_type=content_type, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # Administrators have every right of moderators, so they may approve too.
    task.groups.add(*Group.objects.filter(name__in=["Moderators", "Administrators"]))
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})


def apply(apps) -> None:
    # Permissions are normally created after all migrations; these grants need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    indexes = create_indexes(apps)
    grant_permissions(apps, indexes)
    ensure_review_workflow(apps)


def forwards(apps, schema_editor):
    apply(apps)


def backwards(apps, schema_editor):
    for model_name, *_ in INDEXES:
        apps.get_model("cases", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("members", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

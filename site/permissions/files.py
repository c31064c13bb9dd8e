"""Uploaded files: documents, images (and their renditions) and avatars.

A file is as private as the pages that use it. Wagtail's reference index (the admin's "Usage" tab)
records which pages use each document and image, through a field, an inline attachment or rich
text; it is built from each page's saved row, which is the published content of a live page.
So a file may be seen by:
- moderators and administrators (they manage every file, drafts included);
- the person who uploaded it (they have it already; authors preview their drafts);
- anyone who may view (library.can_view_page) at least one page that uses it.
A file no page uses yet, or only drafts and restricted pages use, is private to the first two.

Avatars follow their profile (members.can_view_profile): a members-only profile's picture is for
members only.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .library import viewable_pages
from .members import can_view_profile
from .roles import is_moderator


def _page_references(model) -> QuerySet:
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
    )


def _used_on_viewable_pages(user, model) -> QuerySet:
    """The ids (as a subquery) of `model` objects used by a page this person may view."""
    pages = viewable_pages(user, Page.objects.all()).annotate(key=Cast("pk", CharField())).values("key")
    return (
        _page_references(model)
        .filter(object_id__in=pages)
        .annotate(target=Cast("to_object_id", BigIntegerField()))
        .values("target")
    )


def _viewable(user, queryset: QuerySet) -> QuerySet:
    if is_moderator(user):
        return queryset
    visible = Q(pk__in=_used_on_viewable_pages(user, queryset.model))
    if getattr(user, "is_authenticated", False):
        visible |= Q(uploaded_by_user=user)
    return queryset.filter(visible)


def _can_view(user, obj) -> bool:
    if is_moderator(user):
        return True
    if getattr(user, "is_authenticated", False) and obj.uploaded_by_user_id == user.pk:
        return True
    using = _page_references(type(obj)).filter(to_object_id=str(obj.pk)).values("object_id")
    return viewable_pages(
        user,
        Page.objects.filter(pk__in=using.annotate(key=Cast("object_id", BigIntegerField())).values("key")),
    ).exists()


def can_view_document(user, document) -> bool:
    """Serve this document (at /documents/<id>/<name>) to this person? See the module docstring."""
    return _can_view(user, document)


def viewable_documents(user, queryset: QuerySet | None = None) -> QuerySet:
    """can_view_document() as a queryset filter (the admin's document chooser and listing)."""
    return _viewable(user, get_document_model().objects.all() if queryset is None else queryset)


def can_view_image(user, image) -> bool:
    """Serve this image, or any of its renditions, to this person? See the module docstring."""
    return _can_view(user, image)


def viewable_images(user, queryset: QuerySet | None = None) -> QuerySet:
    """can_view_image() as a queryset filter (the admin's image chooser and listing)."""
    return _viewable(user, get_image_model().objects.all() if queryset is None else queryset)


def can_view_avatar(user, profile) -> bool:
    """A profile's picture is shown to whoever may see the profile, and to nobody else."""
    return bool(profile.avatar) and can_view_profile(user, profile)

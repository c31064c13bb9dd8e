"""Documents and images in Wagtail ask lodestar.permissions: serving, and the admin's choosers."""

from django.http import Http404
from wagtail import hooks

from lodestar.permissions import can_view_document, viewable_documents, viewable_images


@hooks.register("before_serve_document")
def serve_only_to_those_who_may_see_it(document, request):
    # 404 rather than 403: a document of a draft or a restricted page does not show it exists.
    if not can_view_document(request.user, document):
        raise Http404("No such document")


@hooks.register("construct_document_chooser_queryset")
def choose_only_viewable_documents(documents, request):
    return viewable_documents(request.user, documents)


@hooks.register("construct_image_chooser_queryset")
def choose_only_viewable_images(images, request):
    return viewable_images(request.user, images)

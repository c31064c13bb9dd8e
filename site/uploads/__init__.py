"""Uploaded files: unguessable names in storage, and serving that asks the permission module.

Every file under MEDIA_ROOT is served by Django (lodestar.uploads.views.serve_media), never straight
by a web server: documents only at Wagtail's /documents/<id>/<name> (as attachments, sandboxed),
images, renditions and avatars at their /media/ address to those lodestar.permissions lets see
them. Behind nginx, MEDIA_X_ACCEL_REDIRECT hands the bytes back to nginx (see README, "Files").
"""

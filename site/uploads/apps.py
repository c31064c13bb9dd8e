from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "lodestar.uploads"
    label = "uploads"
    verbose_name = "Uploaded files"

from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "lodestar.home"
    label = "home"
    verbose_name = "Home page"

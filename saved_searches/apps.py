from django.apps import AppConfig


class SavedSearchesConfig(AppConfig):
    name = "saved_searches"
    verbose_name = "Saved searches"

    def ready(self):
        from lodestar.members.privacy import register_export

        from .selectors import saved_searches_export

        register_export("saved_searches", saved_searches_export)

from django.apps import AppConfig


class SavedSearchesConfig(AppConfig):
    name = "saved_searches"
    verbose_name = "Saved searches"

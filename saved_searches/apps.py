from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedSearchesConfig(AppConfig):
    name = "saved_searches"
    verbose_name = _("Saved searches")

    def ready(self):
        from lodestar.members.privacy import register_export

        from .selectors import saved_searches_export

        register_export("saved_searches", saved_searches_export)

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Library"

    def ready(self):
        from lodestar.members.privacy import register_export

        from . import notifications, translation
        from .privacy import export_case_studies

        notifications.connect()
        translation.connect()  # every published page follows in French and Spanish
        register_export("case_studies", export_case_studies)

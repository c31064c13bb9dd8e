from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Library"

    def ready(self):
        from lodestar.members.privacy import register_export

        from . import notifications
        from .privacy import export_case_studies

        notifications.connect()
        register_export("case_studies", export_case_studies)

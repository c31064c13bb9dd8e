from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # One elasticsearch-dsl connection for the whole process (web or worker).
        from elasticsearch_dsl import connections

        connections.configure(
            default={"hosts": [settings.ELASTICSEARCH_URL], "request_timeout": settings.ELASTICSEARCH_TIMEOUT}
        )

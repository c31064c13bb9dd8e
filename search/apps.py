from django.apps import AppConfig
from django.conf import settings


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # One elasticsearch.dsl connection for the whole process (web or worker); search code itself
        # uses the clients of search.client, which follow the settings at call time.
        from elasticsearch.dsl import connections

        from . import signals, synonyms  # noqa: F401 - synonyms connects its cache-clearing receiver

        connections.configure(
            default={"hosts": [settings.ELASTICSEARCH_URL], "request_timeout": settings.ELASTICSEARCH_TIMEOUT}
        )
        signals.connect()

        from cases.selectors import use_listing_search

        from .listings import search_listing

        use_listing_search(search_listing)

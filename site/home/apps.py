from django.apps import AppConfig
from django.db.models.signals import post_migrate

from lodestar.links import configure_site


class HomeConfig(AppConfig):
    name = "lodestar.home"
    label = "home"
    verbose_name = "Home page"

    def ready(self):
        # After every migrate (make run, deployments): the Site's address follows the setting.
        post_migrate.connect(configure_site, sender=self, dispatch_uid="lodestar-configure-site")
        # Writes that change what visitors see end the cached pages (lodestar.visitor_cache).
        from lodestar.visitor_cache import connect_invalidation

        connect_invalidation()

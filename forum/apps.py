from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from lodestar.members.privacy import register_export

        from .selectors import member_posts_export

        register_export("forum_posts", member_posts_export)

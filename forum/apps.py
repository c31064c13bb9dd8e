from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Forum"

    def ready(self):
        from lodestar.members.privacy import register_export

        from .selectors import member_posts_export

        register_export("forum_posts", member_posts_export)

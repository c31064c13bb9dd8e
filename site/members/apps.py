from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "lodestar.members"
    label = "members"
    verbose_name = "Members"

from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "lodestar.mail"
    label = "mail"
    verbose_name = "Outgoing email"

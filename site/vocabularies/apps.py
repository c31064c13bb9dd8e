from django.apps import AppConfig


class VocabulariesConfig(AppConfig):
    name = "lodestar.vocabularies"
    label = "vocabularies"
    verbose_name = "Vocabularies"

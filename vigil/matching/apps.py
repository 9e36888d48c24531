from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "vigil.matching"
    label = "matching"
    verbose_name = "Record matching"

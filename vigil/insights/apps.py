from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "vigil.insights"
    label = "insights"
    verbose_name = "Prevention insights"

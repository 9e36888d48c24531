from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "vigil.statistics"
    label = "statistics"

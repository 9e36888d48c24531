from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "vigil.tips"
    label = "tips"

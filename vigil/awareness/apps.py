from django.apps import AppConfig


class AwarenessConfig(AppConfig):
    name = "vigil.awareness"

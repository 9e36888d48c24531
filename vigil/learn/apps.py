from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "vigil.learn"

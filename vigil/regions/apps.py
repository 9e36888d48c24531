from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "vigil.regions"
    label = "regions"

from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "vigil.triage"
    label = "triage"

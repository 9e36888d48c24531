from django.apps import AppConfig


class TracingConfig(AppConfig):
    name = "vigil.tracing"
    label = "tracing"
    verbose_name = "Possible duplicates and family tracing"

from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "vigil.screening"
    label = "screening"
    verbose_name = "Screening"

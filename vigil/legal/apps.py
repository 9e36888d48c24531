from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "vigil.legal"
    label = "legal"
    verbose_name = "Legal aid and advocacy"

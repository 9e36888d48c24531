from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for a fictional country: never part of a real deployment's records."""

    name = "vigil.demo"
    label = "demo"

from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "vigil.exchange"
    label = "exchange"
    verbose_name = "Data exchange"

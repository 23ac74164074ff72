from django.apps import AppConfig


class RegimeConfig(AppConfig):
    name = "mtcr.regime"
    label = "regime"
    verbose_name = "Regime (project)"

from django.apps import AppConfig


class StatesConfig(AppConfig):
    name = "mtcr.states"
    label = "states"
    verbose_name = "Governments and people"

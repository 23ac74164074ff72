from django.apps import AppConfig


class CapabilityWebConfig(AppConfig):
    name = "mtcr.capability_web"
    label = "capability_web"
    verbose_name = "Capability assessment (public page and API)"

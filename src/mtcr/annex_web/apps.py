from django.apps import AppConfig


class AnnexWebConfig(AppConfig):
    name = "mtcr.annex_web"
    label = "annex_web"
    verbose_name = "The Annex (public pages and API)"

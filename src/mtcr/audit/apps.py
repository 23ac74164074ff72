"""The append-only, tamper-evident trail of every change."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "mtcr.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from mtcr.audit import checks  # noqa: F401  (registers the system check)

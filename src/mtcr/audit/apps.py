from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "mtcr.audit"
    label = "audit"
    verbose_name = "Audit trail"

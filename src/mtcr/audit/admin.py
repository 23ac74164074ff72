"""The audit trail in the admin site: to read, never to add, change or delete."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mtcr.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = (
        "seq",
        "occurred_at",
        "actor_label",
        "government_code",
        "verb",
        "target_label",
        "request_id",
    )
    list_filter = ("verb", "government_code")
    search_fields = ("actor_label", "target_label", "target_id", "request_id")
    date_hierarchy = "occurred_at"
    ordering = ("-seq",)
    actions = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

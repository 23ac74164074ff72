"""An exporter organisation registered with one government (national data)."""

import uuid

from django.db import models


class ExporterOrganisation(models.Model):
    """A company or institution that applies to one government for export licences."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    government = models.ForeignKey(
        "states.Government", on_delete=models.PROTECT, related_name="exporter_organisations"
    )
    name = models.CharField(max_length=200)
    registration_number = models.CharField(max_length=64, help_text="The government's registration number.")
    address = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["government", "registration_number"], name="unique_registration_per_government"
            )
        ]

    def __str__(self) -> str:
        return self.name

"""A state, identified by its ISO 3166-1 alpha-2 code."""

from django.db import models


class Government(models.Model):
    """A state as reference data; its standing in the regime lives in dated :class:`StandingChange` rows."""

    code = models.CharField(
        primary_key=True, max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. FR (stable identifier)."
    )
    alpha3 = models.CharField(max_length=3, unique=True, help_text="ISO 3166-1 alpha-3 code.")
    numeric = models.CharField(max_length=3, help_text="ISO 3166-1 numeric code.")
    name = models.CharField(max_length=120, help_text="Common short name in English.")
    official_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

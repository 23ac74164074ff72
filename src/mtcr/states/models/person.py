"""People: a user belongs to a government, or to an exporter organisation registered with one."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from mtcr.states.roles import OFFICIAL_ROLES, RoleCode


class Role(models.Model):
    """A role as reference data; its ``code`` is the stable identifier (:class:`RoleCode`)."""

    code = models.CharField(primary_key=True, max_length=40, choices=RoleCode.choices)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.get_code_display()


class User(AbstractUser):
    """A person. Officials have a ``government``; exporters have an ``organisation`` (and its government)."""

    government = models.ForeignKey(
        "states.Government", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    organisation = models.ForeignKey(
        "states.ExporterOrganisation", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    roles = models.ManyToManyField(Role, blank=True, related_name="holders")

    def clean(self) -> None:
        """An exporter's government is its organisation's government."""
        super().clean()
        if self.organisation_id and self.government_id != self.organisation.government_id:
            raise ValidationError(
                {"government": "An exporter belongs to the government of its organisation."}
            )

    @property
    def role_codes(self) -> frozenset[str]:
        return frozenset(self.roles.values_list("code", flat=True))

    @property
    def is_official(self) -> bool:
        """An official holds at least one official role for a government."""
        return self.government_id is not None and bool(self.role_codes & OFFICIAL_ROLES)

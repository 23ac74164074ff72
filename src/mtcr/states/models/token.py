"""A revocable API token for a machine client, scoped to one government and one role."""

import hashlib
import secrets
import uuid

from django.db import models

TOKEN_PREFIX = "mtcr_"


def hash_token(raw: str) -> str:
    """SHA-256 of the raw token; only the hash is stored."""
    return hashlib.sha256(raw.encode()).hexdigest()


def new_raw_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    """A bearer token for another government's system. The raw value is shown once and never stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=120, help_text="What the client is, e.g. 'FR licensing system'.")
    government = models.ForeignKey("states.Government", on_delete=models.PROTECT, related_name="api_tokens")
    role = models.ForeignKey("states.Role", on_delete=models.PROTECT, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    key_hint = models.CharField(
        max_length=12, help_text="The first characters of the token, to recognise it."
    )
    created_by = models.ForeignKey(
        "states.User", null=True, blank=True, on_delete=models.PROTECT, related_name="issued_tokens"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.government_id}, {self.role_id})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

"""The audit entry: one append-only, hash-chained record of one write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from mtcr.audit.errors import AppendOnlyError
from mtcr.audit.summaries import display_value
from mtcr.audit.verbs import verb_label

APPEND_ONLY = "audit entries are append-only"


def _refuse(what: str) -> NoReturn:
    raise AppendOnlyError(
        f"{APPEND_ONLY}: {what} is refused; record a new entry with mtcr.audit.services.record()"
    )


class AuditEntryQuerySet(models.QuerySet):
    """Refuses bulk changes and removals (defence in depth: the database refuses them too)."""

    def update(self, **kwargs: Any) -> NoReturn:
        _refuse("updating audit entries")

    def delete(self) -> NoReturn:
        _refuse("deleting audit entries")

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> NoReturn:
        _refuse("updating audit entries")

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse("creating audit entries in bulk (they would not be chained)")


@dataclass(frozen=True)
class Change:
    """One field of a before/after summary, as people read it."""

    field: str
    before: str | None  # None: the field was not in the summary before
    after: str | None  # None: the field is not in the summary after


class AuditEntry(models.Model):
    """Who did what to which object, acting for which government, when, in which request.

    ``seq`` is the primary key: 1, 2, 3... with no gaps, assigned under a lock by ``record()``. ``entry_hash``
    is ``sha256(prev_hash + canonical form)`` and ``prev_hash`` the previous entry's ``entry_hash`` (64 zeros
    for the first), so changing, removing or reordering entries breaks the chain (:mod:`mtcr.audit.chain`).
    """

    seq = models.PositiveBigIntegerField(primary_key=True, help_text="1, 2, 3... without gaps.")
    occurred_at = models.DateTimeField()
    actor_label = models.CharField(
        max_length=150, help_text='Username, "token:NAME", "system" or "anonymous".'
    )
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    government_code = models.CharField(  # noqa: DJ001  (None: acting for no government, e.g. the system)
        max_length=2, null=True, blank=True, help_text="The government acted for (a plain code, not a key)."
    )
    verb = models.CharField(max_length=40, help_text="A registered verb id (mtcr.audit.verbs).")
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True, default="")
    target_label = models.CharField(
        max_length=200, blank=True, default="", help_text="str(target) at the time."
    )
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    request_id = models.CharField(max_length=64, blank=True, default="")
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        constraints = [models.CheckConstraint(condition=models.Q(seq__gte=1), name="audit_seq_from_one")]
        indexes = [
            models.Index(fields=["target_type", "target_id", "seq"], name="audit_target_idx"),
            models.Index(fields=["government_code", "seq"], name="audit_government_idx"),
            models.Index(fields=["occurred_at"], name="audit_occurred_idx"),
        ]

    def __str__(self) -> str:
        target = f" {self.target_label}" if self.target_label else ""
        return f"#{self.seq} {self.actor_label} {self.verb}{target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only: an entry read from the database, or already saved, is never written again."""
        if not self._state.adding:
            _refuse(f"changing entry {self.seq}")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse(f"deleting entry {self.seq}")

    @property
    def verb_label(self) -> str:
        return verb_label(self.verb)

    @property
    def target_type_key(self) -> str | None:
        """The target's model as ``app_label.model`` (stable across databases, unlike the content type id)."""
        if self.target_type_id is None:
            return None
        content_type = ContentType.objects.get_for_id(self.target_type_id)
        return f"{content_type.app_label}.{content_type.model}"

    def changes(self) -> list[Change]:
        """Fields whose value differs between ``before`` and ``after``, in name order."""
        before = self.before if isinstance(self.before, dict) else {}
        after = self.after if isinstance(self.after, dict) else {}
        missing = object()
        rows = []
        for name in sorted(before.keys() | after.keys()):
            old, new = before.get(name, missing), after.get(name, missing)
            if old != new or type(old) is not type(new):
                rows.append(
                    Change(
                        name,
                        None if old is missing else display_value(old),
                        None if new is missing else display_value(new),
                    )
                )
        return rows

"""Errors of the audit trail, each with a sentence that says what rule was broken."""


class AuditError(Exception):
    """Base class of the audit trail's refusals."""


class AppendOnlyError(AuditError):
    """An attempt to change or remove an audit entry: the trail is append-only."""


class OutsideTransactionError(AuditError):
    """``record()`` called outside the caller's transaction: no entry without its change."""


class UnknownVerbError(AuditError, ValueError):
    """A verb that no app registered with :func:`mtcr.audit.verbs.register_verbs`."""

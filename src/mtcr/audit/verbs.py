"""Typed audit verbs with stable ids, and the registry that other apps extend.

Verbs are stored as plain strings (no database-level choices), so a verb added by a later app needs no
migration of the audit table; :func:`mtcr.audit.services.record` refuses any verb not registered here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import models

VERB_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class Verb(models.TextChoices):
    """The audit trail's own verbs and those of the states app. Ids are stable: never rename one."""

    CREATED = "created", "created"
    UPDATED = "updated", "updated"
    STANDING_CHANGED = "standing_changed", "changed standing"
    SIGNED_IN = "signed_in", "signed in"
    SIGNED_OUT = "signed_out", "signed out"
    SIGN_IN_FAILED = "sign_in_failed", "sign-in refused"
    SECOND_FACTOR_ENROLLED = "second_factor_enrolled", "enrolled a new authenticator"
    TOKEN_ISSUED = "token_issued", "issued API token"
    TOKEN_REVOKED = "token_revoked", "revoked API token"
    REFERENCE_LOADED = "reference_loaded", "loaded reference data"


_registry: dict[str, str] = {}


def register_verbs(verbs: type[models.TextChoices] | Iterable[tuple[str, str]]) -> None:
    """Make verbs known to the trail: a ``TextChoices`` class or ``(id, label)`` pairs.

    Call it from the registering app's ``AppConfig.ready()`` (or at import of its verbs module). Registering
    the same id with the same label again is harmless; the same id with another label is a programming error.
    """
    pairs = verbs.choices if isinstance(verbs, type) else list(verbs)
    for verb_id, label in pairs:
        verb_id, label = str(verb_id), str(label)
        if not VERB_ID.match(verb_id):
            raise ValueError(f"audit verb id {verb_id!r} must be 1-40 characters of a-z, 0-9 and _")
        known = _registry.get(verb_id)
        if known is not None and known != label:
            raise ValueError(f"audit verb {verb_id!r} is already registered as {known!r}, not {label!r}")
        _registry[verb_id] = label


def is_registered(verb: str) -> bool:
    return str(verb) in _registry


def verb_label(verb: str) -> str:
    """The label of a verb for people; an unregistered id (e.g. of a removed app) shows as itself."""
    return _registry.get(str(verb), str(verb))


def registered_verbs() -> dict[str, str]:
    """A copy of the registry: id -> label."""
    return dict(_registry)


register_verbs(Verb)

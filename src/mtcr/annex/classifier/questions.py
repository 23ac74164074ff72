"""What the classifier asks when a decisive criterion is unknown: a yes/no question or a missing value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Ask:
    """A question to put to the user.

    ``sort`` is ``yes_no`` (answer with ``answers: {id: true|false}`` or ``--answer id=yes``) or ``value``
    (give the parameter in ``parameters``; ``unit`` is its canonical unit).
    """

    id: str
    sort: Literal["yes_no", "value"]
    text: str
    help: str = ""
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """Something an assessor should look at although the result is decided (e.g. a trajectory analysis)."""

    id: str
    text: str

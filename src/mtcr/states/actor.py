"""The acting party of a request: a signed-in person or a machine client holding an API token.

Selectors and services take an :class:`Actor`, never a raw request, so that every read and write is scoped the
same way whichever door it came through.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from mtcr.states.roles import HCOC_ROLES, NATIONAL_ROLES, REGIME_ROLES, RoleCode
from mtcr.states.spaces import HCOC, PUBLIC, REGIME, Space

if TYPE_CHECKING:
    from mtcr.states.models import ApiToken, User


@dataclass(frozen=True)
class Actor:
    """Who acts, for which government, with which roles, seeing which spaces."""

    label: str
    government_code: str | None = None
    roles: frozenset[str] = frozenset()
    organisation_id: uuid.UUID | None = None
    spaces: frozenset[Space] = field(default_factory=lambda: frozenset({PUBLIC}))
    user: User | None = None
    token: ApiToken | None = None

    @property
    def is_anonymous(self) -> bool:
        return self.user is None and self.token is None

    @property
    def is_exporter(self) -> bool:
        return RoleCode.EXPORTER in self.roles and self.organisation_id is not None

    def sees(self, space: Space) -> bool:
        return space in self.spaces

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


ANONYMOUS = Actor(label="anonymous")


def spaces_for(
    government_code: str | None, roles: frozenset[str], standings: frozenset[str]
) -> frozenset[Space]:
    """The spaces a holder of ``roles`` for a government with current ``standings`` sees.

    - national space of its own government: national roles (exporters see only their own objects there);
    - regime space: regime roles, while the government is an MTCR partner;
    - HCoC space: HCoC roles, while the government subscribes to the Code;
    - public: everyone.
    """
    from mtcr.states.models.standing import Standing

    spaces: set[Space] = {PUBLIC}
    if government_code is None:
        return frozenset(spaces)
    if roles & (NATIONAL_ROLES | {RoleCode.EXPORTER}):
        spaces.add(Space.national(government_code))
    if roles & REGIME_ROLES and Standing.MTCR_PARTNER in standings:
        spaces.add(REGIME)
    if roles & HCOC_ROLES and Standing.HCOC_SUBSCRIBER in standings:
        spaces.add(HCOC)
    return frozenset(spaces)


def actor_for_user(user: User | None, on: date | None = None) -> Actor:
    """The actor for a signed-in person (``ANONYMOUS`` for nobody)."""
    from mtcr.states.selectors import current_standings

    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    roles = user.role_codes
    standings = current_standings(user.government_id, on) if user.government_id else frozenset()
    return Actor(
        label=user.get_username(),
        government_code=user.government_id,
        roles=roles,
        organisation_id=user.organisation_id,
        spaces=spaces_for(user.government_id, roles, standings),
        user=user,
    )


def actor_for_token(token: ApiToken, on: date | None = None) -> Actor:
    """The actor for a machine client: exactly one government and one role."""
    from mtcr.states.selectors import current_standings

    roles = frozenset({token.role_id})
    standings = current_standings(token.government_id, on)
    return Actor(
        label=f"token:{token.name}",
        government_code=token.government_id,
        roles=roles,
        spaces=spaces_for(token.government_id, roles, standings),
        token=token,
    )

"""The routes of every app, each declared as public, own-actor, national collection or national object.

A new route must be added here (``test_every_route_is_declared`` fails otherwise); a national route then gets
its cross-government isolation tests from ``test_isolation.py`` with no more code.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mtcr.states.roles import RoleCode
from tests import factories


@dataclass(frozen=True)
class ObjectRoute:
    """A route that reads or acts on one object of a government's national space."""

    key: str
    make: Callable[
        [str], Mapping[str, object]
    ]  # creates an object of government CODE, returns the path params
    missing: Mapping[str, object]  # path params of an object that does not exist
    body: Mapping[str, object] | None = None  # JSON body for unsafe methods
    owner_status: int = 200  # what an official of the owning government gets
    owner_roles: tuple[str, ...] = (RoleCode.LICENSING_OFFICER,)  # the roles of that official
    owner_may_act: bool = True  # False: acting would change the object, so the owner's check is skipped


@dataclass(frozen=True)
class CollectionRoute:
    """A route listing national objects: another government's objects must never appear in it."""

    key: str
    make: Callable[[str], str]  # creates an object of government CODE, returns a string that identifies it
    params: Mapping[str, object] = field(default_factory=dict)
    owner_roles: tuple[str, ...] = (RoleCode.LICENSING_OFFICER,)


def _organisation(code: str) -> dict[str, object]:
    return {"organisation_id": factories.organisation(code, name=f"Secret Works of {code}").id}


def _organisation_marker(code: str) -> str:
    return str(factories.organisation(code, name=f"Hidden Exporter {code} {uuid.uuid4().hex[:6]}").id)


def _token(code: str) -> dict[str, object]:
    return {"token_id": factories.api_token(code).id}


def _token_marker(code: str) -> str:
    return str(factories.api_token(code).id)


NO_ORGANISATION = {"organisation_id": uuid.UUID(int=0)}
NO_TOKEN = {"token_id": uuid.UUID(int=0)}

#: Anyone may read these; they hold no national data.
PUBLIC: dict[str, str] = {
    "page:public:home": "public home page",
    "page:public:partners": "public list of partners and adherents",
    "page:public:guidelines": "public summary of the Guidelines",
    "page:public:state": "public reference data of one state",
    "page:states:login": "sign-in form",
    "page:states:logout": "sign-out (POST)",
    "api:GET /api/v1/health": "liveness",
    "api:GET /api/v1/governments": "public reference data",
    "api:GET /api/v1/governments/{code}": "public reference data",
    "api:GET /api/v1/partners": "public reference data",
    "api:GET /api/v1/adherents": "public reference data",
    "api:GET /api/v1/governments/{code}/standings": "public reference data",
    "page:annex:tree": "the Annex in force, as a tree of Items and entries",
    "page:annex:entry": "one entry of the Annex",
    "page:annex:search": "search of the Annex",
    "page:annex:versions": "the versions of the Annex",
    "page:annex:diff": "differences between two versions of the Annex",
    "page:annex:introduction": "the Annex introduction and definitions",
    "page:annex:classify": "classify an item against the Annex (nothing is stored)",
    "api:GET /api/v1/annex/versions": "the versions of the Annex",
    "api:GET /api/v1/annex/entries": "the entries of an Annex version",
    "api:GET /api/v1/annex/entries/{entry_id}": "one entry of the Annex",
    "api:GET /api/v1/annex/search": "search of the Annex",
    "api:GET /api/v1/annex/diff": "differences between two versions of the Annex",
    "api:POST /api/v1/annex/classify": "classify an item against the Annex (nothing is stored)",
    "api:GET /api/v1/annex/classify/schema": "the JSON Schema of an item description",
    "page:capability:assess": "assess a rocket or UAV from its design (nothing is stored)",
    "api:POST /api/v1/capability/assess": "assess a rocket or UAV from its design (nothing is stored)",
    "api:GET /api/v1/capability/schema": "the JSON Schema of a system's design",
}

#: Regime office holders acting on public reference data: permission by role and space, no national object.
REGIME_ACTS: dict[str, str] = {
    "api:POST /api/v1/governments/{code}/standings": "the Chair, Point of Contact or ICC records a standing",
}

#: These act only on the actor itself or within the actor's own government; no object id is taken.
OWN_ACTOR: dict[str, str] = {
    "api:GET /api/v1/me": "describes the caller",
    "api:POST /api/v1/organisations": "registers with the caller's own government only",
    "api:POST /api/v1/tokens": "issues a token for the caller's own government only",
}

COLLECTIONS: list[CollectionRoute] = [
    CollectionRoute("page:states:dashboard", _organisation_marker),
    CollectionRoute("page:states:organisation-list", _organisation_marker),
    CollectionRoute("api:GET /api/v1/organisations", _organisation_marker),
    CollectionRoute("api:GET /api/v1/tokens", _token_marker, owner_roles=(RoleCode.SYSTEM_ADMINISTRATOR,)),
]

OBJECTS: list[ObjectRoute] = [
    ObjectRoute("page:states:organisation-detail", _organisation, NO_ORGANISATION),
    ObjectRoute("page:states:organisation-history", _organisation, NO_ORGANISATION),
    ObjectRoute("api:GET /api/v1/organisations/{organisation_id}", _organisation, NO_ORGANISATION),
    ObjectRoute("api:GET /api/v1/organisations/{organisation_id}/history", _organisation, NO_ORGANISATION),
    ObjectRoute(
        "api:GET /api/v1/tokens/{token_id}", _token, NO_TOKEN, owner_roles=(RoleCode.SYSTEM_ADMINISTRATOR,)
    ),
    ObjectRoute(
        "api:POST /api/v1/tokens/{token_id}/revoke",
        _token,
        NO_TOKEN,
        owner_roles=(RoleCode.SYSTEM_ADMINISTRATOR,),
        owner_may_act=False,
    ),
]


def declared_keys() -> set[str]:
    return (
        set(PUBLIC)
        | set(REGIME_ACTS)
        | set(OWN_ACTOR)
        | {r.key for r in COLLECTIONS}
        | {r.key for r in OBJECTS}
    )

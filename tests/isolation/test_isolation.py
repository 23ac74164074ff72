"""Confidentiality: a government's national data is invisible to every other government, on every route.

Each route of the project is declared in ``registry.py``. For every national object route, an object of
government GB is requested by outsiders of government FR (an official holding every official role, an
exporter, and a machine client's API token); each must get exactly the answer given for an object that
does not exist.
"""

from __future__ import annotations

import pytest
from django.test import Client

from mtcr.states.roles import OFFICIAL_ROLES, RoleCode
from tests import factories
from tests.isolation import registry
from tests.isolation.client import comparable, send
from tests.isolation.walker import all_routes

OWNER, OUTSIDER = "GB", "FR"
ROUTES = {route.key: route for route in all_routes()}


def test_every_route_is_declared() -> None:
    undeclared = sorted(set(ROUTES) - registry.declared_keys())
    assert not undeclared, f"declare these routes in tests/isolation/registry.py: {undeclared}"


def test_no_declaration_is_stale() -> None:
    stale = sorted(registry.declared_keys() - set(ROUTES))
    assert not stale, f"these declared routes no longer exist: {stale}"


def _token_headers(government_code: str, role: str) -> dict[str, str]:
    raw = factories.raw_token()
    factories.api_token(government_code, role, raw=raw)
    return {"Authorization": f"Bearer {raw}"}


def _kinds(key: str) -> list[str]:
    """Who tries: an official with every official role, an exporter, and (on the API) a machine client."""
    kinds = ["official-with-every-role", "exporter"]
    return [*kinds, "api-token"] if key.startswith("api:") else kinds


def _cases(declared: list) -> list:
    return [pytest.param(d, kind, id=f"{d.key} as {kind}") for d in declared for kind in _kinds(d.key)]


def _outsider(kind: str) -> tuple[Client, dict[str, str]]:
    if kind == "official-with-every-role":
        return factories.sign_in(Client(), factories.official(OUTSIDER, *sorted(OFFICIAL_ROLES))), {}
    if kind == "exporter":
        return factories.sign_in(Client(), factories.exporter(factories.organisation(OUTSIDER))), {}
    return Client(), _token_headers(OUTSIDER, RoleCode.LICENSING_OFFICER)


@pytest.mark.django_db
@pytest.mark.parametrize(("declared", "kind"), _cases(registry.OBJECTS))
def test_outsider_gets_the_answer_for_a_missing_object(declared: registry.ObjectRoute, kind: str) -> None:
    route = ROUTES[declared.key]
    params = declared.make(OWNER)
    if declared.owner_may_act:
        owner = factories.sign_in(Client(), factories.official(OWNER, *declared.owner_roles))
        assert send(owner, route, params, declared.body).status_code == declared.owner_status, (
            "owner must see it"
        )

    client, headers = _outsider(kind)
    theirs = send(client, route, params, declared.body, headers)
    missing = send(client, route, declared.missing, declared.body, headers)
    assert theirs.status_code == 404
    assert missing.status_code == 404
    assert comparable(theirs, params) == comparable(missing, declared.missing)


@pytest.mark.django_db
@pytest.mark.parametrize(("declared", "kind"), _cases(registry.COLLECTIONS))
def test_outsider_listing_never_shows_another_governments_objects(
    declared: registry.CollectionRoute, kind: str
) -> None:
    route = ROUTES[declared.key]
    own_marker = declared.make(OWNER)
    owner = factories.sign_in(Client(), factories.official(OWNER, *declared.owner_roles))
    own_view = send(owner, route, declared.params)
    assert own_view.status_code == 200
    assert own_marker in own_view.content.decode(), "the owner's listing must show its own object"

    client, headers = _outsider(kind)
    theirs = send(client, route, declared.params, headers=headers)
    assert theirs.status_code in (200, 404)
    assert own_marker not in theirs.content.decode()

"""API tokens for machine clients: issued by a system administrator, scoped, hashed, revocable (tokens.py)."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from mtcr.audit.selectors import history_for
from mtcr.regime.errors import ApiError
from mtcr.states.actor import actor_for_user
from mtcr.states.api_auth import actor_for_bearer
from mtcr.states.models import ApiToken
from mtcr.states.models.token import hash_token
from mtcr.states.roles import RoleCode
from mtcr.states.spaces import REGIME, Space
from mtcr.states.tokens import issue_token, revoke_token
from tests import factories

pytestmark = pytest.mark.django_db


ME = "/api/v1/me"


@pytest.fixture
def fr_admin():
    return actor_for_user(factories.official("FR", RoleCode.SYSTEM_ADMINISTRATOR, username="fr-admin"))


@pytest.fixture
def issued(fr_admin) -> tuple[ApiToken, str]:
    return issue_token(
        actor=fr_admin, name="FR licensing system", government_code="FR", role_code=RoleCode.LICENSING_OFFICER
    )


def bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_issued_token_is_stored_as_a_hash_only(issued) -> None:
    token, raw = issued
    assert raw.startswith("mtcr_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_token(raw)
    assert raw not in {stored.key_hash, stored.key_hint, stored.name}
    assert raw.startswith(stored.key_hint)
    assert stored.created_by.username == "fr-admin"


def test_token_authenticates_an_api_request(client: Client, issued) -> None:
    _, raw = issued
    response = client.get(ME, **bearer(raw))
    assert response.status_code == 200
    body = response.json()
    assert body["government"] == "FR"
    assert body["roles"] == [RoleCode.LICENSING_OFFICER]
    assert body["label"] == "token:FR licensing system"


def test_revoked_token_is_refused_with_401(client: Client, fr_admin, issued) -> None:
    token, raw = issued
    revoked = revoke_token(actor=fr_admin, token_id=token.id)
    assert revoked.revoked_at is not None
    response = client.get(ME, **bearer(raw))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_a_bad_token_is_401_even_where_anonymous_is_welcome(client: Client) -> None:
    assert client.get("/api/v1/governments").status_code == 200
    assert client.get("/api/v1/governments", **bearer("mtcr_not-a-real-token")).status_code == 401
    assert client.get("/api/v1/governments", HTTP_AUTHORIZATION="Basic Zm9vOmJhcg==").status_code == 401
    assert client.get(ME, HTTP_AUTHORIZATION="Bearer ").status_code == 401


def test_token_actor_is_scoped_to_one_government_and_one_role(issued) -> None:
    _, raw = issued
    actor = actor_for_bearer(raw)
    assert actor.government_code == "FR"
    assert actor.roles == frozenset({RoleCode.LICENSING_OFFICER})
    assert actor.user is None and actor.token is not None
    assert actor.sees(Space.national("FR")) and actor.sees(REGIME)
    assert not actor.sees(Space.national("GB"))
    assert not actor.is_anonymous


def test_someone_without_the_administrator_role_cannot_issue() -> None:
    officer = actor_for_user(factories.official("FR", RoleCode.LICENSING_OFFICER))
    with pytest.raises(PermissionDenied, match="system administrator role"):
        issue_token(actor=officer, name="x", government_code="FR", role_code=RoleCode.LICENSING_OFFICER)
    assert not ApiToken.objects.exists()


def test_an_administrator_of_another_government_cannot_issue_or_revoke(issued) -> None:
    token, _ = issued
    gb_admin = actor_for_user(factories.official("GB", RoleCode.SYSTEM_ADMINISTRATOR))
    with pytest.raises(PermissionDenied, match="system administrator role for FR"):
        issue_token(actor=gb_admin, name="x", government_code="FR", role_code=RoleCode.LICENSING_OFFICER)
    with pytest.raises(ApiToken.DoesNotExist):
        revoke_token(actor=gb_admin, token_id=token.id)
    assert ApiToken.objects.get(pk=token.pk).is_active


def test_a_machine_client_cannot_issue_tokens(issued) -> None:
    _, raw = issued
    with pytest.raises(PermissionDenied, match="signed-in person"):
        issue_token(
            actor=actor_for_bearer(raw), name="x", government_code="FR", role_code=RoleCode.LICENSING_OFFICER
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"government_code": "ZZ"}, "government_code"),
        ({"government_code": "FRA"}, "government_code"),
        ({"role_code": "astronaut"}, "role_code"),
        ({"role_code": RoleCode.SYSTEM_ADMINISTRATOR}, "role_code"),
        ({"role_code": RoleCode.EXPORTER}, "role_code"),
    ],
)
def test_bad_input_is_named_and_writes_nothing(fr_admin, changes: dict[str, str], field: str) -> None:
    arguments = {
        "name": "FR licensing system",
        "government_code": "FR",
        "role_code": RoleCode.LICENSING_OFFICER,
    }
    with pytest.raises(ApiError) as refused:
        issue_token(actor=fr_admin, **{**arguments, **changes})
    assert (refused.value.status, refused.value.code, refused.value.field) == (422, "invalid", field)
    assert not ApiToken.objects.exists()


def test_government_code_is_case_insensitive(fr_admin) -> None:
    token, _ = issue_token(actor=fr_admin, name="fr", government_code="fr", role_code=RoleCode.POC_OFFICER)
    assert token.government_id == "FR"


def test_revoking_twice_is_a_conflict(fr_admin, issued) -> None:
    token, _ = issued
    revoke_token(actor=fr_admin, token_id=str(token.id))
    with pytest.raises(ApiError) as refused:
        revoke_token(actor=fr_admin, token_id=token.id)
    assert (refused.value.status, refused.value.code) == (409, "already_revoked")


def test_revoking_needs_a_token_id(fr_admin) -> None:
    with pytest.raises(ApiError) as refused:
        revoke_token(actor=fr_admin, token_id="not-a-uuid")
    assert refused.value.field == "token_id"
    with pytest.raises(ApiToken.DoesNotExist):
        revoke_token(actor=fr_admin, token_id=uuid.uuid4())


def test_official_session_counts_only_once_the_code_is_verified(client: Client) -> None:
    official = factories.official("FR")
    client.force_login(official)
    assert client.get(ME).status_code == 401
    factories.sign_in(client, official)
    assert client.get(ME).json()["government"] == "FR"


def test_exporter_without_device_needs_no_second_factor(client: Client) -> None:
    exporter = factories.exporter(factories.organisation("FR"))
    client.force_login(exporter)
    assert client.get(ME).status_code == 200


def test_session_writes_through_the_api_need_the_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    factories.sign_in(client, factories.official("FR"))
    response = client.post(
        "/api/v1/organisations", {"name": "A", "registration_number": "1"}, "application/json"
    )
    assert response.status_code == 403


def test_issuing_and_revoking_are_audited_without_the_secret(fr_admin, issued) -> None:
    token, raw = issued
    revoke_token(actor=fr_admin, token_id=token.id)
    issued_entry, revoked_entry = history_for(token)
    assert (issued_entry.verb, revoked_entry.verb) == ("token_issued", "token_revoked")
    assert issued_entry.actor_label == "fr-admin" and issued_entry.government_code == "FR"
    assert issued_entry.after["role"] == RoleCode.LICENSING_OFFICER
    assert revoked_entry.before["revoked_at"] is None and revoked_entry.after["revoked_at"]
    recorded = f"{issued_entry.before}{issued_entry.after}{revoked_entry.before}{revoked_entry.after}"
    assert raw not in recorded and token.key_hash not in recorded

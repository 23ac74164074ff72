"""The API tokens endpoints: a system administrator issues, lists and revokes its government's tokens."""

from __future__ import annotations

import pytest
from django.test import Client

from mtcr.audit.models import AuditEntry
from mtcr.states.models import ApiToken
from mtcr.states.roles import RoleCode
from tests import factories


@pytest.fixture
def admin_client(client_for) -> Client:
    return client_for(factories.official("FR", RoleCode.SYSTEM_ADMINISTRATOR))


def _issue(client: Client, **payload) -> object:
    body = {"name": "FR licensing system", "role_code": RoleCode.LICENSING_OFFICER, **payload}
    return client.post("/api/v1/tokens", body, content_type="application/json")


@pytest.mark.django_db
def test_issued_secret_authenticates_until_revoked(admin_client) -> None:
    issued = _issue(admin_client)
    assert issued.status_code == 201
    body = issued.json()
    assert body["token"]["government"] == "FR"
    assert body["token"]["role"] == RoleCode.LICENSING_OFFICER
    bearer = {"Authorization": f"Bearer {body['secret']}"}

    me = Client().get("/api/v1/me", headers=bearer)
    assert me.status_code == 200
    assert me.json()["government"] == "FR"
    assert me.json()["roles"] == [RoleCode.LICENSING_OFFICER]

    listed = admin_client.get("/api/v1/tokens").json()
    assert [t["id"] for t in listed] == [body["token"]["id"]]
    assert body["secret"] not in str(listed)

    revoked = admin_client.post(f"/api/v1/tokens/{body['token']['id']}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert Client().get("/api/v1/me", headers=bearer).status_code == 401
    again = admin_client.post(f"/api/v1/tokens/{body['token']['id']}/revoke")
    assert again.status_code == 409


@pytest.mark.django_db
def test_issue_and_revoke_are_audited_without_the_secret(admin_client) -> None:
    body = _issue(admin_client).json()
    admin_client.post(f"/api/v1/tokens/{body['token']['id']}/revoke")
    verbs = list(AuditEntry.objects.values_list("verb", flat=True))
    assert verbs[-2:] == ["token_issued", "token_revoked"]
    assert not any(body["secret"] in str(e.after) for e in AuditEntry.objects.all())


@pytest.mark.django_db
def test_a_token_may_not_be_an_administrator(admin_client) -> None:
    response = _issue(admin_client, role_code=RoleCode.SYSTEM_ADMINISTRATOR)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "role_code"
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_blank_name_is_refused(admin_client) -> None:
    response = _issue(admin_client, name="")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "name"


@pytest.mark.django_db
def test_a_licensing_officer_may_not_issue_and_sees_no_tokens(client_for) -> None:
    factories.api_token("FR")
    client = client_for(factories.official("FR", RoleCode.LICENSING_OFFICER))
    assert _issue(client).status_code == 403
    assert client.get("/api/v1/tokens").json() == []


@pytest.mark.django_db
def test_a_machine_client_may_not_issue_tokens() -> None:
    raw = factories.raw_token()
    factories.api_token("FR", RoleCode.LICENSING_OFFICER, raw=raw)
    response = _issue(Client(headers={"Authorization": f"Bearer {raw}"}))
    assert response.status_code == 403

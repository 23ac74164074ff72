"""The ``mtcr`` command, driven as a user would through its Typer app."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import mtcr
from mtcr.audit.models import AuditEntry
from mtcr.cli import app
from mtcr.states.models import ApiToken, Government, User
from mtcr.states.roles import RoleCode
from mtcr.states.totp import confirmed_device, current_code
from tests import factories

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert mtcr.__version__ in result.output


@pytest.mark.parametrize("group", [[], ["audit"], ["users"], ["tokens"]])
def test_every_group_has_help(group: list[str]) -> None:
    result = invoke(*group, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.django_db
def test_init_loads_reference_data_and_is_idempotent() -> None:
    first = invoke("init")
    assert first.exit_code == 0, first.output
    assert Government.objects.count() >= 249
    entries = AuditEntry.objects.count()
    second = invoke("init")
    assert second.exit_code == 0
    assert AuditEntry.objects.count() == entries, "a second init changes nothing"


@pytest.mark.django_db
def test_demo_prints_sign_ins_and_totp_gives_the_current_code() -> None:
    invoke("init")
    result = invoke("demo")
    assert result.exit_code == 0, result.output
    assert "fr-officer" in result.output
    assert "demo-mtcr-2026" in result.output
    code = invoke("totp", "fr-officer").output.strip()
    assert re.fullmatch(r"\d{6}", code)
    assert code == current_code(confirmed_device(User.objects.get(username="fr-officer")))
    assert invoke("demo").exit_code == 0, "the demo loads twice without error"


@pytest.mark.django_db
def test_totp_for_unknown_user_is_a_clear_error() -> None:
    result = invoke("totp", "nobody")
    assert result.exit_code == 2
    assert "No user named 'nobody'" in result.output


@pytest.mark.django_db
def test_users_add_enrols_an_official() -> None:
    factories.government("FR", partner_since=1987)
    factories._roles((RoleCode.LICENSING_OFFICER,))
    result = invoke(
        "users",
        "add",
        "marie",
        "--government",
        "fr",
        "--role",
        "licensing_officer",
        "--password",
        "a-long-enough-passphrase",
    )
    assert result.exit_code == 0, result.output
    assert "otpauth://totp/mtcr%3Amarie" in result.output
    user = User.objects.get(username="marie")
    assert user.government_id == "FR"
    assert confirmed_device(user) is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "wizard"], "roles: unknown role"),
        (["--role", "licensing_officer", "--password", "short"], "password:"),
        (["--role", "exporter"], "organisation: an exporter must belong"),
        (["--role", "exporter", "--organisation", "NOPE"], "--organisation: no organisation"),
    ],
)
def test_users_add_refuses_bad_input_and_writes_nothing(args: list[str], message: str) -> None:
    factories.government("FR", partner_since=1987)
    factories._roles(tuple(RoleCode.values))
    base = ["users", "add", "marie", "--government", "FR"]
    if "--password" not in args:
        args = [*args, "--password", "a-long-enough-passphrase"]
    result = invoke(*base, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not User.objects.filter(username="marie").exists()


@pytest.mark.django_db
def test_tokens_issue_list_revoke() -> None:
    factories.official("GB", RoleCode.SYSTEM_ADMINISTRATOR, username="gb-admin")
    issued = invoke(
        "tokens", "issue", "--name", "GB system", "--role", "licensing_officer", "--as", "gb-admin"
    )
    assert issued.exit_code == 0, issued.output
    token = ApiToken.objects.get()
    assert token.government_id == "GB"
    listed = invoke("tokens", "list", "--government", "GB", "--format", "json")
    assert str(token.id) in listed.output
    revoked = invoke("tokens", "revoke", str(token.id), "--as", "gb-admin")
    assert revoked.exit_code == 0
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.django_db
def test_tokens_issue_refused_for_a_non_administrator() -> None:
    factories.official("GB", RoleCode.LICENSING_OFFICER, username="gb-officer")
    result = invoke("tokens", "issue", "--name", "x", "--role", "licensing_officer", "--as", "gb-officer")
    assert result.exit_code == 2
    assert "system administrator" in result.output
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_audit_verify_after_demo() -> None:
    invoke("init")
    invoke("demo")
    result = invoke("audit", "verify")
    assert result.exit_code == 0, result.output
    assert "intact" in result.output

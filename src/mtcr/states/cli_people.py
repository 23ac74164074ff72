"""``mtcr users`` and ``mtcr tokens``: an operator's or administrator's commands for people and API tokens.

Without ``--as``, a command acts as the system (the operator at the server's console, recorded as "system" in
the audit trail); with ``--as USERNAME`` it acts as that person, with that person's permissions.
"""

from __future__ import annotations

import json
from typing import Annotated

import segno
import typer
from django.core.exceptions import PermissionDenied
from rich.console import Console
from rich.table import Table

from mtcr.audit.services import SYSTEM
from mtcr.regime.errors import ApiError
from mtcr.states.actor import Actor, actor_for_user
from mtcr.states.models import ApiToken, ExporterOrganisation, User
from mtcr.states.people import create_person, enrol_second_factor
from mtcr.states.roles import RoleCode
from mtcr.states.tokens import issue_token, revoke_token
from mtcr.states.totp import confirmed_device, provisioning_uri

console = Console()
users_app = typer.Typer(help="People: add them and enrol their authenticator.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens of machine clients: issue, list, revoke.", no_args_is_help=True)

AsOption = Annotated[
    str | None, typer.Option("--as", help="Act as this user (default: the system, for the operator).")
]


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]{message}[/]")
    return typer.Exit(2)


def _actor(username: str | None) -> Actor:
    if username is None:
        return SYSTEM
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise _fail(f"--as: no active user named {username!r}.")
    return actor_for_user(user)


def _run(action):
    try:
        return action()
    except ApiError as exc:
        raise _fail(exc.message) from exc
    except PermissionDenied as exc:
        raise _fail(str(exc)) from exc


def _show_enrolment(user: User, device) -> None:
    uri = provisioning_uri(device)
    console.print(f"Authenticator for [bold]{user.username}[/]: scan the code, or enter this URI in the app:")
    console.print(uri, soft_wrap=True)
    segno.make(uri, error="m").terminal(compact=True)


@users_app.command("add")
def add_user(
    username: Annotated[str, typer.Argument(help="The sign-in name.")],
    government: Annotated[str, typer.Option(help="ISO 3166 alpha-2 code of the person's government.")],
    role: Annotated[list[str], typer.Option(help=f"A role, repeatable: {', '.join(RoleCode.values)}.")],
    organisation: Annotated[
        str | None, typer.Option(help="Exporters: the registration number of their organisation.")
    ] = None,
    email: Annotated[str, typer.Option(help="E-mail address.")] = "",
    password: Annotated[
        str,
        typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="The initial password."),
    ] = "",
    as_user: AsOption = None,
) -> None:
    """Add a person; officials are enrolled with an authenticator at once."""
    actor = _actor(as_user)
    code = government.upper()
    org = None
    if organisation:
        org = ExporterOrganisation.objects.filter(
            government_id=code, registration_number=organisation
        ).first()
        if org is None:
            raise _fail(f"--organisation: no organisation {organisation!r} is registered with {code}.")
    user = _run(
        lambda: create_person(
            actor=actor,
            username=username,
            password=password,
            government_code=code,
            roles=role,
            organisation=org,
            email=email,
        )
    )
    console.print(f"[green]Added[/] {user.username} ({code}, {', '.join(sorted(user.role_codes))}).")
    device = confirmed_device(user)
    if device is not None:
        _show_enrolment(user, device)


@users_app.command("enrol")
def enrol(
    username: Annotated[str, typer.Argument(help="The person to enrol.")],
    as_user: AsOption = None,
) -> None:
    """Give a person a new authenticator key (the old one stops working) and show it as a QR code."""
    user = User.objects.filter(username=username).first()
    if user is None:
        raise _fail(f"No user named {username!r}.")
    actor = _actor(as_user)
    _show_enrolment(user, _run(lambda: enrol_second_factor(actor=actor, user=user)))


@tokens_app.command("issue")
def issue(
    name: Annotated[str, typer.Option(help="What the client is, e.g. 'GB licensing system'.")],
    role: Annotated[str, typer.Option(help="The one role the client acts in.")],
    as_user: Annotated[str, typer.Option("--as", help="The system administrator issuing it.")],
) -> None:
    """Issue a token for a machine client of the administrator's government; the secret is shown once."""
    actor = _actor(as_user)
    token, raw = _run(
        lambda: issue_token(
            actor=actor, name=name, government_code=actor.government_code or "", role_code=role
        )
    )
    console.print(f"[green]Issued[/] token {token.id} for {token.government_id} as {token.role_id}.")
    console.print("Secret (shown only now; send it as 'Authorization: Bearer ...'):")
    typer.echo(raw)


@tokens_app.command("revoke")
def revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id.")],
    as_user: Annotated[str, typer.Option("--as", help="The system administrator revoking it.")],
) -> None:
    """Revoke a token; the client is refused from its next request on."""
    actor = _actor(as_user)
    token = _run(lambda: revoke_token(actor=actor, token_id=token_id))
    console.print(f"[green]Revoked[/] {token.name} ({token.id}).")


@tokens_app.command("list")
def list_tokens(
    government: Annotated[str, typer.Option(help="ISO 3166 alpha-2 code.")],
    output: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """List a government's tokens (never their secrets)."""
    tokens = ApiToken.objects.filter(government_id=government.upper()).order_by("created_at")
    rows = [
        {
            "id": str(t.id),
            "name": t.name,
            "role": t.role_id,
            "hint": t.key_hint,
            "created_at": t.created_at.isoformat(),
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in tokens
    ]
    if output == "json":
        typer.echo(json.dumps(rows, indent=2))
        return
    if output != "table":
        raise _fail("--format: use 'table' or 'json'.")
    table = Table(title=f"API tokens of {government.upper()}")
    for column in ("id", "name", "role", "hint", "created_at", "revoked_at"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            *(str(row[c] or "") for c in ("id", "name", "role", "hint", "created_at", "revoked_at"))
        )
    console.print(table)

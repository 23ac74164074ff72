"""The ``mtcr`` command: serve the web application, set up the database, load demo data, check the audit."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console

import mtcr

console = Console()
app = typer.Typer(
    name="mtcr",
    help="The Missile Technology Control Regime as software.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def _setup_django() -> None:
    """Configure Django once; cheap, touches no database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mtcr.regime.settings")
    import django

    django.setup()


def _version(value: bool) -> None:
    if value:
        console.print(f"mtcr {mtcr.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """mtcr: the Annex, the Guidelines, national licensing and the partners' information exchange."""
    _setup_django()


def _register_subcommands() -> None:
    """Attach the apps' command groups; their modules use models, so Django is configured first."""
    _setup_django()
    from mtcr.annex.cli import annex_app
    from mtcr.annex.cli_classify import classify_command
    from mtcr.audit.cli import audit_app
    from mtcr.capability.cli import capability_command
    from mtcr.states.cli_people import tokens_app, users_app
    from mtcr.states.cli_states import states_app

    app.command("classify")(classify_command)
    app.command("capability")(capability_command)
    app.add_typer(annex_app, name="annex", help="The Annex: entries, search, versions and differences.")
    app.add_typer(audit_app, name="audit", help="Check the tamper-evident audit trail.")
    app.add_typer(states_app, name="states", help="States and their standing over time.")
    app.add_typer(users_app, name="users", help="People: add them and enrol their authenticator.")
    app.add_typer(tokens_app, name="tokens", help="API tokens of machine clients.")


@app.command()
def init() -> None:
    """Create or upgrade the database schema and load the reference data (states, standings, roles)."""
    from mtcr.regime.setup import initialise

    initialise(console)


@app.command()
def demo() -> None:
    """Load the demo dataset (governments' officials and exporters) and print the demo sign-ins."""
    from mtcr.regime.demo import load_demo, print_logins

    print_logins(console, load_demo(console))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    with_demo: Annotated[
        bool, typer.Option("--demo/--no-demo", help="Load and print the demo sign-ins.")
    ] = False,
) -> None:
    """Initialise the database if needed and serve the web application."""
    from django.core.management import call_command

    from mtcr.regime.setup import initialise

    initialise(console)
    if with_demo:
        from mtcr.regime.demo import load_demo, print_logins

        print_logins(console, load_demo(console))
    console.print(f"\n[bold green]mtcr is running at http://{host}:{port}/[/]  (Ctrl+C to stop)\n")
    call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=False)


@app.command()
def totp(username: Annotated[str, typer.Argument(help="The user whose current code to print.")]) -> None:
    """Print a user's current six-digit sign-in code (for demos and for testing without a phone)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from mtcr.states.models import User
    from mtcr.states.totp import current_code

    user = User.objects.filter(username=username).first()
    if user is None:
        console.print(f"[red]No user named {username!r}.[/]")
        raise typer.Exit(2)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        console.print(f"[red]{username!r} has no authenticator enrolled.[/]")
        raise typer.Exit(2)
    console.print(current_code(device))


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. ``mtcr manage createsuperuser``."""
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mtcr manage", *ctx.args])


_register_subcommands()

"""Allow ``python -m mtcr``."""

from mtcr.cli import app

app(prog_name="mtcr")

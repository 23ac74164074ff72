"""mtcr: the Missile Technology Control Regime as software."""

__version__ = "0.1.0"

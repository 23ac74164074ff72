"""The append-only, tamper-evident trail of every change."""

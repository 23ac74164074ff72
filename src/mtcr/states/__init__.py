"""Governments and their standing over time; people, roles, and the spaces they see."""

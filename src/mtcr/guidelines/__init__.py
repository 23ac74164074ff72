"""The MTCR Guidelines as rules over a proposed transfer (pure: no Django)."""

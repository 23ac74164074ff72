"""Range/payload capability of rockets and air vehicles, and the Category I/II verdict (pure: no Django)."""

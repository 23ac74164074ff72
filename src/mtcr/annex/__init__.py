"""The Annex as data: entries, versions, search and the item classifier (pure: no Django)."""

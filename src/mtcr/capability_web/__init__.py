"""The capability assessment on the web: the public page /capability/ and the API /api/v1/capability/."""

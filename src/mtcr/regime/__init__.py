"""The Django project: settings, URLs, the assembled HTTP API, WSGI/ASGI entry points."""

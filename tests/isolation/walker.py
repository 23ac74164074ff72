"""Every route the project serves: the pages from Django's URL resolver, the API operations from OpenAPI."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

API_PREFIX = "/api/v1"
#: Namespaces whose pages are not the project's own (Django's admin is for superusers and has its own checks).
SKIPPED_NAMESPACES = {"admin", "api"}


@dataclass(frozen=True)
class Route:
    """A route by its key: ``page:NAMESPACE:NAME`` for a page, ``api:METHOD /path/{param}`` for the API."""

    key: str
    method: str
    template: str


def _walk(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, str]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else entry.namespace or namespace
            )
            if (entry.namespace or "") in SKIPPED_NAMESPACES:
                continue
            yield from _walk(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace, entry.name


def page_routes() -> list[Route]:
    """Every named page outside the admin and the API."""
    keys = sorted({f"{ns}:{name}" if ns else name for ns, name in _walk(get_resolver())})
    return [Route(key=f"page:{key}", method="GET", template=key) for key in keys]


def api_routes() -> list[Route]:
    """Every operation of the HTTP API, from its OpenAPI document."""
    from mtcr.regime.api import api

    schema = api.get_openapi_schema()
    routes = []
    for path, operations in schema["paths"].items():
        for method in operations:
            if method.upper() in {"GET", "POST", "PUT", "PATCH", "DELETE"}:
                routes.append(Route(key=f"api:{method.upper()} {path}", method=method.upper(), template=path))
    return sorted(routes, key=lambda r: r.key)


def all_routes() -> list[Route]:
    return page_routes() + api_routes()

"""Requests for the isolation tests: build a route's URL and send it as a given party."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from django.test import Client
from django.urls import reverse

from tests.isolation.walker import Route

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def url_of(route: Route, params: Mapping[str, object]) -> str:
    if route.key.startswith("page:"):
        return reverse(route.template, kwargs=dict(params) or None)
    return route.template.format(**{k: str(v) for k, v in params.items()})


def send(
    client: Client,
    route: Route,
    params: Mapping[str, object],
    body: Mapping | None = None,
    headers: Mapping[str, str] | None = None,
):
    url = url_of(route, params)
    kwargs = {"headers": dict(headers or {})}
    if route.method == "GET":
        return client.get(url, **kwargs)
    return client.generic(
        route.method, url, json.dumps(body or {}), content_type="application/json", **kwargs
    )


def comparable(response, params: Mapping[str, object]) -> str:
    """The body with per-request noise (CSRF tokens) and the requested ids removed."""
    text = response.content.decode(errors="replace")
    text = _CSRF.sub("", text)
    for value in params.values():
        text = text.replace(str(value), "<id>")
    return text

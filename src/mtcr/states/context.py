"""Template context: the acting party of the request."""

from django.http import HttpRequest

from mtcr.states.actor import Actor, actor_for_user


def actor_from_request(request: HttpRequest) -> Actor:
    """The actor of a page request, computed once per request."""
    cached = getattr(request, "_mtcr_actor", None)
    if cached is None:
        cached = actor_for_user(getattr(request, "user", None))
        request._mtcr_actor = cached
    return cached


def acting_party(request: HttpRequest) -> dict[str, Actor]:
    return {"actor": actor_from_request(request)}

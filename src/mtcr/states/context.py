"""Template context: the acting party of the request."""

from django.http import HttpRequest

from mtcr.states.access import is_fully_signed_in
from mtcr.states.actor import ANONYMOUS, Actor, actor_for_user


def actor_from_request(request: HttpRequest) -> Actor:
    """The actor of a page request (anonymous until every required factor is passed), computed once."""
    cached = getattr(request, "_mtcr_actor", None)
    if cached is None:
        cached = actor_for_user(request.user) if is_fully_signed_in(request) else ANONYMOUS
        request._mtcr_actor = cached
    return cached


def acting_party(request: HttpRequest) -> dict[str, object]:
    import mtcr

    return {"actor": actor_from_request(request), "MTCR_VERSION": mtcr.__version__}

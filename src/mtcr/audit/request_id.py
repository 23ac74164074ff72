"""A request id for every request, carried into audit entries and echoed in the ``X-Request-ID`` header."""

import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_current_request_id: ContextVar[str | None] = ContextVar("mtcr_request_id", default=None)
_ACCEPTED = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


def current_request_id() -> str | None:
    """The id of the request being served, or ``None`` outside a request (CLI, tests)."""
    return _current_request_id.get()


class RequestIdMiddleware:
    """Takes a well-formed incoming ``X-Request-ID`` or makes a new one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _ACCEPTED.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response

"""Page access: signed in, and for officials with the second factor verified."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse


def is_fully_signed_in(request: HttpRequest) -> bool:
    """Signed in, and an official's session has passed the TOTP factor (django-otp's ``is_verified``)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return not user.is_official or user.is_verified()


def signin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like ``login_required``, but an official without a verified second factor is sent to sign in again."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not is_fully_signed_in(request):
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper

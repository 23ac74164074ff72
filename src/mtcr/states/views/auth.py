"""Signing in (password plus TOTP code) and out.

The rules live in :class:`mtcr.states.forms.SignInForm`; django-axes locks a username after repeated
failures and answers with ``states/locked_out.html`` (see settings ``AXES_*``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login, logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from mtcr.audit.services import record
from mtcr.audit.verbs import Verb
from mtcr.states.actor import ANONYMOUS, actor_for_user
from mtcr.states.forms import SignInForm
from mtcr.states.models import User

REDIRECT_FIELD = "next"


def safe_next(request: HttpRequest) -> str:
    """The ``next`` address if it stays on this site (and on HTTPS when the request is), else ``""``."""
    candidate = request.POST.get(REDIRECT_FIELD) or request.GET.get(REDIRECT_FIELD) or ""
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else ""


def _record_signed_in(user: User, form: SignInForm) -> None:
    with transaction.atomic():
        record(
            actor=actor_for_user(user),
            verb=Verb.SIGNED_IN,
            target=user,
            after={"second_factor": form.otp_device.name if form.otp_device else None},
        )


def _record_refused(user: User, form: SignInForm) -> None:
    reasons = [error.code for errors in form.errors.as_data().values() for error in errors]
    with transaction.atomic():
        record(
            actor=ANONYMOUS,
            verb=Verb.SIGN_IN_FAILED,
            target=user,
            after={"reasons": reasons},
            government_code=user.government_id,
        )


@sensitive_post_parameters("password", "otp_token")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    """One page: username, password and authenticator code; then ``next`` if safe, else the dashboard."""
    next_url = safe_next(request)
    if request.method == "POST":
        form = SignInForm(request, data=request.POST)
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            if form.otp_device is not None:
                otp_login(request, form.otp_device)
            _record_signed_in(user, form)
            return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
        if form.refused_user is not None:
            _record_refused(form.refused_user, form)
    else:
        form = SignInForm(request)
    return render(request, "states/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Sign out (POST only, CSRF-checked); the session and its verified second factor end together."""
    user = request.user if request.user.is_authenticated else None
    logout(request)
    if user is not None:
        with transaction.atomic():
            record(actor=actor_for_user(user), verb=Verb.SIGNED_OUT, target=user)
    return redirect(settings.LOGOUT_REDIRECT_URL)

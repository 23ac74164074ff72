"""The sign-in form: username, password and the authenticator code on one page.

Rules (issue "signing in with a second factor"):

- an official must hold a confirmed TOTP device and give its current code;
- an official without a device is refused and told to ask a system administrator to enrol them;
- an exporter without a device signs in with the password alone; with a device, the code is required;
- errors name the field at fault but never reveal whether a username exists;
- every refusal after a correct password is reported to django-axes as a failed sign-in, so wrong codes count
  towards the lockout exactly like wrong passwords.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from mtcr.states.models import User
from mtcr.states.totp import confirmed_device

MESSAGES = {
    "username_required": "Enter your username.",
    "password_required": "Enter your password.",
    "invalid_login": "The username or password is not right. Check both and try again.",
    "no_device": (
        "Your account has no authenticator yet, and officials must use one to sign in. "
        "Ask your system administrator to enrol you."
    ),
    "code_required": "Enter the {digits}-digit code from your authenticator app.",
    "code_format": "The code is {digits} digits and nothing else. Enter the code your app shows.",
    "code_wrong": "That code is not right or has expired. Enter the code your authenticator app shows now.",
    "code_throttled": "Too many wrong codes in a row. Wait {seconds} seconds, then enter the newest code.",
}

_SPACES = re.compile(r"[\s-]+")


class SignInForm(AuthenticationForm):
    """Password plus TOTP code, verified with django-otp (device throttling stays on)."""

    otp_token = forms.CharField(
        label="Authenticator code",
        required=False,
        max_length=16,
        help_text="The 6 digits your authenticator app shows now. Leave empty if you have no authenticator.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "size": "8",
                "spellcheck": "false",
            }
        ),
    )

    error_messages = {**AuthenticationForm.error_messages, "invalid_login": MESSAGES["invalid_login"]}

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].error_messages["required"] = MESSAGES["username_required"]
        self.fields["password"].error_messages["required"] = MESSAGES["password_required"]
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        if self.is_bound:
            # After a refusal the error summary (role="alert") speaks first; focus is not pulled elsewhere.
            self.fields["username"].widget.attrs.pop("autofocus", None)
        self.otp_device: TOTPDevice | None = None
        #: The account whose password was right but whose second factor was refused (for the audit trail).
        self.refused_user: User | None = None

    def clean_otp_token(self) -> str:
        """Tolerate the spaces and dashes that authenticator apps show inside codes."""
        return _SPACES.sub("", self.cleaned_data.get("otp_token") or "")

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        # The axes backend refuses a locked username here, before any password or code is checked.
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            self.add_error(
                "password", forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
            )
            return self.cleaned_data
        self.confirm_login_allowed(self.user_cache)
        self._clean_second_factor(self.user_cache, username)
        return self.cleaned_data

    def _clean_second_factor(self, user: User, username: str) -> None:
        """Officials need a confirmed device and its code; others need the code only if they hold a device."""
        device = confirmed_device(user)
        if device is None:
            if user.is_official:
                return self._refuse(user, username, None, MESSAGES["no_device"], "no_device")
            return None
        code = self.cleaned_data.get("otp_token", "")
        digits = device.digits
        if not code:
            return self._refuse(
                user, username, "otp_token", MESSAGES["code_required"].format(digits=digits), "required"
            )
        if not code.isdigit() or len(code) != digits:
            return self._refuse(
                user, username, "otp_token", MESSAGES["code_format"].format(digits=digits), "format"
            )
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            allowed, extra = device.verify_is_allowed()
            if allowed and device.verify_token(code):
                self.otp_device = device
                return None
        if not allowed:
            wait = (extra or {}).get("locked_until", timezone.now()) - timezone.now()
            message = MESSAGES["code_throttled"].format(seconds=max(1, round(wait.total_seconds())))
            return self._refuse(user, username, "otp_token", message, "throttled")
        return self._refuse(user, username, "otp_token", MESSAGES["code_wrong"], "invalid")

    def _refuse(self, user: User, username: str, field: str | None, message: str, code: str) -> None:
        """Refuse the sign-in and report it as a failure to django-axes (which may lock the username)."""
        self.refused_user = user
        self.user_cache = None
        if field == "otp_token":
            # A refused code is spent: show the field empty for the next one.
            self.data = self.data.copy()
            self.data["otp_token"] = ""
        user_login_failed.send(
            sender=__name__,
            credentials={"username": username, "password": "********"},
            request=self.request,
        )
        self.add_error(field or NON_FIELD_ERRORS, forms.ValidationError(message, code=code))

"""Signing in with a password and a TOTP second factor (views.auth, forms.SignInForm)."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from mtcr.audit.selectors import history_for
from mtcr.states.models import User
from mtcr.states.totp import current_code, enrol_totp, provisioning_uri, qr_svg
from tests import factories

pytestmark = pytest.mark.django_db


LOGIN = reverse("states:login")
DASHBOARD = reverse("states:dashboard")


def device_of(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=True)


def sign_in(client: Client, username: str, code: str = "", password: str = factories.PASSWORD, **extra: str):
    return client.post(LOGIN, {"username": username, "password": password, "otp_token": code, **extra})


def signed_in_as(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def error_texts(response) -> list[str]:
    return [str(e) for errors in response.context["form"].errors.values() for e in errors]


@pytest.fixture
def official() -> User:
    return factories.official("FR", username="fr-officer")


@pytest.fixture
def exporter() -> User:
    return factories.exporter(factories.organisation("FR"), username="fr-exporter")


def test_the_page_binds_labels_and_hints_to_inputs(client: Client) -> None:
    html = client.get(LOGIN).content.decode()
    for name, autocomplete in (("username", "username"), ("password", "current-password")):
        assert f'<label for="id_{name}">' in html
        assert re.search(rf'<input[^>]*name="{name}"[^>]*autocomplete="{autocomplete}"', html)
    code_input = re.search(r'<input[^>]*name="otp_token"[^>]*>', html).group(0)
    assert 'autocomplete="one-time-code"' in code_input
    assert 'inputmode="numeric"' in code_input
    assert 'aria-describedby="id_otp_token_helptext"' in code_input
    assert 'id="id_otp_token_helptext"' in html


def test_official_signs_in_with_password_and_current_code(client: Client, official: User) -> None:
    response = sign_in(client, "fr-officer", current_code(device_of(official)))
    assert response.status_code == 302
    assert response.url == DASHBOARD
    assert signed_in_as(client) == str(official.pk)
    assert client.session["otp_device_id"] == device_of(official).persistent_id
    page = client.get(DASHBOARD)
    assert page.status_code == 200
    assert "fr-officer" in page.content.decode()


def test_code_may_be_typed_with_a_space(client: Client, official: User) -> None:
    code = current_code(device_of(official))
    assert sign_in(client, "fr-officer", f"{code[:3]} {code[3:]}").status_code == 302


def test_wrong_code_is_refused_on_the_code_field(client: Client, official: User) -> None:
    good = current_code(device_of(official))
    wrong = f"{(int(good) + 1) % 1_000_000:06d}"
    response = sign_in(client, "fr-officer", wrong)
    assert response.status_code == 200
    assert signed_in_as(client) is None
    form = response.context["form"]
    assert list(form.errors) == ["otp_token"]
    assert "not right or has expired" in form.errors["otp_token"][0]
    html = response.content.decode()
    code_input = re.search(r'<input[^>]*name="otp_token"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in code_input
    assert "id_otp_token_error" in code_input
    assert 'id="id_otp_token_error"' in html
    assert 'class="error-summary"' in html
    assert 'href="#id_otp_token"' in html


def test_missing_code_for_official_is_asked_for(client: Client, official: User) -> None:
    response = sign_in(client, "fr-officer", "")
    assert signed_in_as(client) is None
    assert response.context["form"].errors == {
        "otp_token": ["Enter the 6-digit code from your authenticator app."]
    }


def test_malformed_code_names_the_format(client: Client, official: User) -> None:
    response = sign_in(client, "fr-officer", "12ab")
    assert signed_in_as(client) is None
    assert "6 digits" in response.context["form"].errors["otp_token"][0]


def test_a_code_works_once(client: Client, official: User) -> None:
    code = current_code(device_of(official))
    assert sign_in(client, "fr-officer", code).status_code == 302
    client.post(reverse("states:logout"))
    response = sign_in(client, "fr-officer", code)
    assert signed_in_as(client) is None
    assert "otp_token" in response.context["form"].errors


def test_device_throttling_stays_on(client: Client, official: User) -> None:
    good = current_code(device_of(official))
    sign_in(client, "fr-officer", f"{(int(good) + 1) % 1_000_000:06d}")
    response = sign_in(client, "fr-officer", good)
    assert signed_in_as(client) is None
    assert "Too many wrong codes" in response.context["form"].errors["otp_token"][0]


def test_official_without_device_is_told_to_ask_for_enrolment(client: Client) -> None:
    official = factories.official("FR", username="fr-new")
    TOTPDevice.objects.filter(user=official).delete()
    response = sign_in(client, "fr-new", "123456")
    assert signed_in_as(client) is None
    (message,) = error_texts(response)
    assert "Ask your system administrator to enrol you" in message


def test_unconfirmed_device_does_not_count(client: Client) -> None:
    official = factories.official("FR", username="fr-half")
    TOTPDevice.objects.filter(user=official).update(confirmed=False)
    response = sign_in(client, "fr-half", current_code(TOTPDevice.objects.get(user=official)))
    assert signed_in_as(client) is None
    assert "enrol you" in error_texts(response)[0]


def test_wrong_password_and_unknown_username_read_the_same(client: Client, official: User) -> None:
    wrong_password = sign_in(
        client, "fr-officer", current_code(device_of(official)), password="not-the-password"
    )
    unknown_user = sign_in(client, "nobody-here", "123456", password="not-the-password")
    assert signed_in_as(client) is None
    assert wrong_password.context["form"].errors == unknown_user.context["form"].errors
    assert list(wrong_password.context["form"].errors) == ["password"]
    assert "username or password is not right" in error_texts(wrong_password)[0]


def test_official_without_device_reads_like_a_wrong_password_until_the_password_is_right(
    client: Client,
) -> None:
    factories.official("FR", username="fr-new")
    TOTPDevice.objects.all().delete()
    response = sign_in(client, "fr-new", "", password="not-the-password")
    assert "username or password is not right" in error_texts(response)[0]


def test_empty_fields_are_named(client: Client) -> None:
    response = client.post(LOGIN, {"username": "", "password": "", "otp_token": ""})
    assert response.context["form"].errors == {
        "username": ["Enter your username."],
        "password": ["Enter your password."],
    }


def test_exporter_without_device_signs_in_with_password_alone(client: Client, exporter: User) -> None:
    response = sign_in(client, "fr-exporter")
    assert response.status_code == 302
    assert signed_in_as(client) == str(exporter.pk)
    assert client.get(DASHBOARD).status_code == 200


def test_exporter_with_device_must_give_the_code(client: Client, exporter: User) -> None:
    device = enrol_totp(exporter)
    response = sign_in(client, "fr-exporter")
    assert signed_in_as(client) is None
    assert "otp_token" in response.context["form"].errors
    assert sign_in(client, "fr-exporter", current_code(device)).status_code == 302
    assert client.session["otp_device_id"] == device.persistent_id


def test_inactive_account_reads_like_a_wrong_password(client: Client, official: User) -> None:
    User.objects.filter(pk=official.pk).update(is_active=False)
    response = sign_in(client, "fr-officer", current_code(device_of(official)))
    assert signed_in_as(client) is None
    assert "username or password is not right" in error_texts(response)[0]


@pytest.mark.parametrize(
    ("next_url", "lands_on"),
    [
        ("/organisations/", "/organisations/"),
        ("https://elsewhere.example/steal", DASHBOARD),
        ("//elsewhere.example/", DASHBOARD),
    ],
)
def test_next_is_followed_only_when_it_stays_on_the_site(
    client: Client, official: User, next_url: str, lands_on: str
) -> None:
    page = client.get(LOGIN, {"next": next_url}).content.decode()
    if lands_on == next_url:
        assert f'name="next" value="{next_url}"' in page
    response = sign_in(client, "fr-officer", current_code(device_of(official)), next=next_url)
    assert response.status_code == 302
    assert response.url == lands_on


def test_sign_out_is_post_only(client: Client, official: User) -> None:
    sign_in(client, "fr-officer", current_code(device_of(official)))
    assert client.get(reverse("states:logout")).status_code == 405
    assert signed_in_as(client) is not None
    response = client.post(reverse("states:logout"))
    assert response.status_code == 302
    assert signed_in_as(client) is None
    assert "otp_device_id" not in client.session


def test_sign_out_needs_the_csrf_token(official: User) -> None:
    client = Client(enforce_csrf_checks=True)
    factories.sign_in(client, official)
    assert client.post(reverse("states:logout")).status_code == 403
    assert signed_in_as(client) is not None


def test_sign_in_needs_the_csrf_token(official: User) -> None:
    client = Client(enforce_csrf_checks=True)
    assert sign_in(client, "fr-officer", current_code(device_of(official))).status_code == 403
    assert signed_in_as(client) is None


def test_sign_in_refusal_and_sign_out_are_in_the_audit_trail(client: Client, official: User) -> None:
    good = current_code(device_of(official))
    sign_in(client, "fr-officer", f"{(int(good) + 1) % 1_000_000:06d}")
    device_of(official).throttle_reset()
    sign_in(client, "fr-officer", good)
    client.post(reverse("states:logout"))
    trail = list(history_for(official))
    assert [e.verb for e in trail] == ["sign_in_failed", "signed_in", "signed_out"]
    refused, signed_in, _ = trail
    assert refused.after == {"reasons": ["invalid"]}
    assert refused.government_code == "FR"
    assert signed_in.actor_label == "fr-officer"
    assert signed_in.after == {"second_factor": "authenticator"}


def test_a_wrong_password_leaves_no_trace_on_the_account(client: Client, official: User) -> None:
    sign_in(client, "fr-officer", password="wrong-password")
    assert not history_for(official).exists()


def test_enrolment_gives_a_confirmed_device_with_its_uri_and_qr_code(exporter: User) -> None:
    device = enrol_totp(exporter)
    assert device.confirmed and device.user == exporter
    uri = urlsplit(provisioning_uri(device))
    assert (uri.scheme, uri.netloc, unquote(uri.path)) == ("otpauth", "totp", "/mtcr:fr-exporter")
    query = parse_qs(uri.query)
    assert query["issuer"] == ["mtcr"] and query["digits"] == ["6"] and query["period"] == ["30"]
    secret = query["secret"][0]
    assert base64.b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    svg = qr_svg(device)
    assert svg.startswith("<svg") and "<title>" in svg


def test_current_code_is_the_code_django_otp_accepts(exporter: User) -> None:
    device = enrol_totp(exporter)
    assert current_code(device, at=0) == current_code(device, at=29)
    code = current_code(device)
    assert len(code) == 6 and code.isdigit()
    assert device.verify_token(code)

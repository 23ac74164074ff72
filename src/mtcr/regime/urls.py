"""Top-level URL map: public pages, signed-in pages, the admin and the HTTP API."""

from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from mtcr.regime.api import api

# The admin asks for the second factor too (django-otp).
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("", include("mtcr.states.urls_public", namespace="public")),
    path("", include("mtcr.states.urls", namespace="states")),
    path("annex/", include("mtcr.annex_web.urls", namespace="annex")),
    path("capability/", include("mtcr.capability_web.urls", namespace="capability")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

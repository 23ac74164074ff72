"""The public capability page, under /capability/."""

from django.urls import path

from mtcr.capability_web import views

app_name = "capability"

urlpatterns = [
    path("", views.assess_page, name="assess"),
]

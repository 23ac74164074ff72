"""Signed-in pages: sign-in with a second factor, the dashboard, national objects."""

from django.urls import path

from mtcr.states.views import auth, dashboard, organisations

app_name = "states"

urlpatterns = [
    path("login/", auth.login_view, name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("me/", dashboard.dashboard, name="dashboard"),
    path("organisations/", organisations.organisation_list, name="organisation-list"),
    path(
        "organisations/<uuid:organisation_id>/", organisations.organisation_detail, name="organisation-detail"
    ),
    path(
        "organisations/<uuid:organisation_id>/history/",
        organisations.organisation_history,
        name="organisation-history",
    ),
]

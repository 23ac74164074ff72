"""Public pages of the Annex, under /annex/."""

from django.urls import path

from mtcr.annex_web import views

app_name = "annex"

urlpatterns = [
    path("", views.contents, name="tree"),
    path("introduction/", views.introduction, name="introduction"),
    path("search/", views.search, name="search"),
    path("versions/", views.versions, name="versions"),
    path("diff/", views.diff, name="diff"),
    path("classify/", views.classify, name="classify"),
    path("entries/<str:entry_id>/", views.entry, name="entry"),
]

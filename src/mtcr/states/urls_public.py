"""Public pages: anyone may read them."""

from django.urls import path

from mtcr.states.views import public

app_name = "public"

urlpatterns = [
    path("", public.home, name="home"),
    path("partners/", public.partners, name="partners"),
    path("guidelines/", public.guidelines, name="guidelines"),
    path("states/<str:code>/", public.state_detail, name="state"),
]

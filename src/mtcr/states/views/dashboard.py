"""The signed-in person's landing page: who they act for, their roles, the spaces they see."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mtcr.states import selectors
from mtcr.states.access import signin_required
from mtcr.states.context import actor_from_request


@signin_required
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    context = {
        "spaces": sorted(str(s) for s in actor.spaces),
        "organisations": selectors.organisations_visible_to(actor)[:20],
    }
    return render(request, "states/dashboard.html", context)

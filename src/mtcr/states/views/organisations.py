"""Pages for exporter organisations (national data: only the registering government sees them)."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from mtcr.audit.selectors import history_for
from mtcr.states import selectors
from mtcr.states.access import signin_required
from mtcr.states.context import actor_from_request
from mtcr.states.models import ExporterOrganisation


def _visible(request: HttpRequest, organisation_id: uuid.UUID) -> ExporterOrganisation:
    """The organisation if the actor may see it; otherwise 404, exactly as for one that does not exist."""
    try:
        return selectors.organisation(actor_from_request(request), organisation_id)
    except ExporterOrganisation.DoesNotExist as exc:
        raise Http404("No such organisation.") from exc


@signin_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = selectors.organisations_visible_to(actor_from_request(request))
    return render(request, "states/organisation_list.html", {"organisations": organisations})


@signin_required
def organisation_detail(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = _visible(request, organisation_id)
    return render(request, "states/organisation_detail.html", {"organisation": organisation})


@signin_required
def organisation_history(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = _visible(request, organisation_id)
    context = {"organisation": organisation, "history": history_for(organisation)}
    return render(request, "states/organisation_history.html", context)

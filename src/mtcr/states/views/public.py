"""Public pages, readable by anyone (DESIGN.md, "Who sees what": public). Every read goes via selectors."""

from __future__ import annotations

from datetime import date

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from mtcr.states import selectors
from mtcr.states.models import Government
from mtcr.states.models.standing import Standing

#: The day the seven founding partners announced the regime.
REGIME_ANNOUNCED = date(1987, 4, 16)


class OnDateForm(forms.Form):
    """``?on=YYYY-MM-DD``: show the partners and adherents as they stood on a past day."""

    on = forms.DateField(
        required=False,
        label="Show the lists as they stood on",
        help_text="For example, 1 January 2000. Leave it empty for today.",
        input_formats=["%Y-%m-%d", "%d %B %Y", "%d %b %Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a real date, for example 1 January 2000 or 2000-01-01."},
    )

    def clean_on(self) -> date | None:
        on = self.cleaned_data.get("on")
        if on and on > timezone.localdate():
            raise forms.ValidationError(
                "Enter a date no later than today: the lists record the past, not plans."
            )
        return on


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {"partner_count": len(selectors.partners()), "announced": REGIME_ANNOUNCED}
    return render(request, "public/home.html", context)


@require_safe
def partners(request: HttpRequest) -> HttpResponse:
    """Partners in order of joining and the unilateral adherents, today or on the date asked for."""
    form, today = OnDateForm(request.GET or None), timezone.localdate()
    if form.is_bound and not form.is_valid():
        return render(request, "public/partners.html", {"form": form, "today": today}, status=400)
    asked = form.cleaned_data.get("on") if form.is_bound else None
    on = asked or today
    context = {
        "form": form,
        "today": today,
        "on": on,
        "asked": asked,
        "before_regime": on < REGIME_ANNOUNCED,
        "partners": selectors.partners(on),
        "adherents": selectors.adherents(on),
    }
    return render(request, "public/partners.html", context)


@require_safe
def guidelines(request: HttpRequest) -> HttpResponse:
    return render(request, "public/guidelines.html")


@require_safe
def state_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One state: its codes, its standings today and every dated change of standing."""
    try:
        government = selectors.government(code)
    except Government.DoesNotExist:
        return render(request, "public/state_missing.html", {"code": code[:12]}, status=404)
    held = selectors.current_standings(government.code)
    context = {
        "government": government,
        "standings": [Standing(value).label for value in Standing.values if value in held],
        "is_partner": Standing.MTCR_PARTNER in held,
        "history": selectors.standing_history(government.code),
    }
    return render(request, "public/state.html", context)

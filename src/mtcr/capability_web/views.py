"""The public capability page: describe or upload a system, see its verdict, curve, trajectory and reasons.

Works as a plain form (GET loads an example, POST assesses); nothing is stored.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from mtcr.capability import SpecError, assess
from mtcr.capability_web import presenters, submission
from mtcr.capability_web.forms import AssessForm


def _page(request: HttpRequest, form: AssessForm, status: int = 200, **extra: object) -> HttpResponse:
    context = {
        "form": form,
        "examples": submission.examples().values(),
        "chosen": extra.pop("chosen", ""),
        **extra,
    }
    return render(request, "capability/assess.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def assess_page(request: HttpRequest) -> HttpResponse:
    """GET: the form, holding the example asked for (``?example=``); POST: the assessment, or the errors."""
    if request.method != "POST":
        examples = submission.examples()
        chosen = request.GET.get("example", "")
        chosen = chosen if chosen in examples else submission.DEFAULT_EXAMPLE
        return _page(request, AssessForm(initial={"system": examples[chosen].text}), chosen=chosen)
    form = AssessForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    upload = form.cleaned_data["upload"]
    text = form.cleaned_data["system"]
    try:
        if upload:
            text = submission.decode(upload.read(), upload.name)
            form = AssessForm({"system": text, "samples": form.cleaned_data["samples"]})
            form.is_valid()
        result = assess(
            submission.read_system(text, upload.name if upload else ""), samples=form.cleaned_data["samples"]
        )
    except SpecError as exc:
        return _page(request, form, status=400, spec_error=exc)
    return _page(request, form, **presenters.context(result))

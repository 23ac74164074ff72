"""Public pages of the Annex: the tree, one entry, search, the versions and their differences, the
introduction, and the classification of an item. Anyone may use them; every read goes through ``selectors``;
nothing is stored."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers

from mtcr.annex.diff import diff as annex_diff
from mtcr.annex.loader import Annex
from mtcr.annex.search import search as annex_search
from mtcr.annex_web import classify_page, presenters, selectors, tree
from mtcr.annex_web.forms import DiffForm, SearchForm

SEARCH_LIMIT = 25


def _version_missing(request: HttpRequest, version_id: str) -> HttpResponse:
    context = {"version_id": version_id[:40], "versions": selectors.versions()}
    return render(request, "annex/version_missing.html", context, status=404)


def _annex(request: HttpRequest) -> Annex | HttpResponse:
    """The edition asked for with ``?version=``, else the one in force; a page saying so when unknown."""
    asked = request.GET.get("version", "").strip()
    try:
        return selectors.annex(asked or None)
    except selectors.UnknownVersion:
        return _version_missing(request, asked)


def _version_context(annex: Annex) -> dict[str, object]:
    is_current = annex.version.id == selectors.current_version_id()
    query = "" if is_current else f"?version={quote(annex.version.id)}"
    return {"annex": annex, "version": annex.version, "is_current": is_current, "version_query": query}


@require_safe
def contents(request: HttpRequest) -> HttpResponse:
    """Items 1-20 with their entries nested; ``?open=3`` or ``?open=all`` opens Items without JavaScript."""
    annex = _annex(request)
    if isinstance(annex, HttpResponse):
        return annex
    wanted = request.GET.get("open", "")
    items = tree.build(annex)
    opened = (
        {i.number for i in items} if wanted == "all" else {int(n) for n in wanted.split(",") if n.isdigit()}
    )
    context = {**_version_context(annex), "items": items, "opened": opened, "open_all": wanted == "all"}
    return render(request, "annex/contents.html", context)


@require_safe
def entry(request: HttpRequest, entry_id: str) -> HttpResponse:
    annex = _annex(request)
    if isinstance(annex, HttpResponse):
        return annex
    found = annex.entries.get(entry_id)
    if found is None:
        context = {
            **_version_context(annex),
            "entry_id": entry_id[:30],
            "suggestions": presenters.suggestions(annex, entry_id[:30]),
        }
        return render(request, "annex/entry_missing.html", context, status=404)
    context = {**_version_context(annex), **presenters.entry_context(annex, found)}
    return render(request, "annex/entry.html", context)


@require_safe
@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    """``?q=``: ranked results with what matched marked; htmx asks for the results alone."""
    form = SearchForm(request.GET or None)
    annex = selectors.annex()
    query, results, status = "", [], 200
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        results = [presenters.result(annex, hit) for hit in annex_search(annex, query, SEARCH_LIMIT)]
    elif form.is_bound:
        status = 400
    htmx = bool(request.headers.get("HX-Request"))
    context = {**_version_context(annex), "form": form, "query": query, "results": results, "htmx": htmx}
    template = "annex/_results.html" if htmx else "annex/search.html"
    return render(request, template, context, status=status)


@require_safe
def versions(request: HttpRequest) -> HttpResponse:
    held = selectors.versions()
    current = selectors.current_version_id()
    counts = {v.id: len(selectors.annex(v.id).entries) for v in held}
    rows = [(v, counts[v.id], v.id == current) for v in reversed(held)]
    form = DiffForm(None, held, initial=_default_pair(held))
    return render(request, "annex/versions.html", {"rows": rows, "form": form, "held": held})


def _default_pair(held: list) -> dict[str, str]:
    """Compare the last two versions, or the only one with itself."""
    return {"from": held[-2].id if len(held) > 1 else held[-1].id, "to": held[-1].id}


@require_safe
def diff(request: HttpRequest) -> HttpResponse:
    """``?from=A&to=B``: what changed from version A to version B."""
    held = selectors.versions()
    bound = "from" in request.GET or "to" in request.GET
    form = DiffForm(request.GET if bound else _default_pair(held), held)
    if not form.is_valid():
        return render(request, "annex/diff.html", {"form": form, "held": held}, status=400)
    before = selectors.annex(form.cleaned_data["from"])
    after = selectors.annex(form.cleaned_data["to"])
    result = annex_diff(before, after)
    context = {
        "form": form,
        "held": held,
        "result": result,
        "changes": presenters.diff_changes(result, after),
    }
    return render(request, "annex/diff.html", context)


@require_safe
def introduction(request: HttpRequest) -> HttpResponse:
    annex = selectors.annex()
    context = {
        **_version_context(annex),
        "rules": list(annex.introduction.values()),
        "definitions": sorted(annex.definitions.values(), key=lambda d: d.term.casefold()),
    }
    return render(request, "annex/introduction.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@vary_on_headers("HX-Request")
def classify(request: HttpRequest) -> HttpResponse:
    """Classify an item step by step: GET ``?kind=`` shows its fields, POST classifies (nothing is stored).

    The whole state travels in the form. htmx posts ask for the form and result alone, answered with 200 even
    when the input has errors (so that htmx shows them); a plain request with errors gets 400.
    """
    annex = selectors.annex()
    posted = request.method == "POST"
    page = classify_page.build(annex, request.POST if posted else request.GET, run=posted)
    htmx = bool(request.headers.get("HX-Request"))
    status = 400 if page.errors and not htmx else 200
    template = "annex/_classify.html" if htmx else "annex/classify.html"
    context = {**_version_context(annex), "page": page, "htmx": htmx}
    return render(request, template, context, status=status)

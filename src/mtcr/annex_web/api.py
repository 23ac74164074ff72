"""HTTP API of the Annex (public): versions, entries, one entry, search, and what changed between versions."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Path, Query, Router

from mtcr.annex.diff import diff as annex_diff
from mtcr.annex.export import entry_detail, entry_summary, hit_data, version_data
from mtcr.annex.loader import Annex
from mtcr.annex.schema import ENTRY_ID
from mtcr.annex.search import search as annex_search
from mtcr.annex_web import selectors
from mtcr.annex_web.schemas import DiffOut, EntryOut, EntrySummaryOut, SearchOut, VersionOut
from mtcr.regime.errors import ApiError, ErrorBody
from mtcr.states.api_auth import PUBLIC

router = Router(tags=["public"])
ERRORS = {404: ErrorBody, 422: ErrorBody}
VERSION = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
VERSION_HELP = "An Annex version id (see /annex/versions); default: the version in force."


def annex_or_404(version_id: str | None, field: str = "version") -> Annex:
    """The edition asked for (``None``: the one in force); 404 naming ``field`` when there is none."""
    try:
        return selectors.annex(version_id)
    except selectors.UnknownVersion as exc:
        message = f"No Annex version {exc.version_id!r}; known versions: {', '.join(exc.known)}."
        raise ApiError(404, "not_found", message, field=field) from exc


@router.get(
    "/versions", auth=PUBLIC, response={200: list[VersionOut]}, summary="The versions of the Annex held"
)
def list_versions(request: HttpRequest) -> list[dict]:
    current = selectors.current_version_id()
    return [version_data(v, current) for v in selectors.versions()]


@router.get(
    "/entries",
    auth=PUBLIC,
    response={200: list[EntrySummaryOut], **ERRORS},
    summary="Every entry of a version, in document order",
)
def list_entries(
    request: HttpRequest, version: str | None = Query(None, pattern=VERSION, description=VERSION_HELP)
) -> list[dict]:
    return [entry_summary(e) for e in annex_or_404(version).entries.values()]


@router.get(
    "/entries/{entry_id}",
    auth=PUBLIC,
    response={200: EntryOut, **ERRORS},
    summary="One entry, with its criteria as data and in words",
)
def get_entry(
    request: HttpRequest,
    entry_id: str = Path(..., pattern=ENTRY_ID.pattern, description="An entry id such as 3.A.7."),
    version: str | None = Query(None, pattern=VERSION, description=VERSION_HELP),
) -> dict:
    annex = annex_or_404(version)
    entry = annex.entries.get(entry_id)
    if entry is None:
        raise ApiError(
            404, "not_found", f"No entry {entry_id} in Annex version {annex.version.id}.", "entry_id"
        )
    return entry_detail(annex, entry)


@router.get(
    "/search",
    auth=PUBLIC,
    response={200: SearchOut, **ERRORS},
    summary="Search by words, entry id or CAS number, best first, with why each matched",
)
def search(
    request: HttpRequest,
    q: str = Query(..., min_length=1, max_length=200, description="Words, an entry id or a CAS number."),
    limit: int = Query(20, ge=1, le=100),
    version: str | None = Query(None, pattern=VERSION, description=VERSION_HELP),
) -> dict:
    annex = annex_or_404(version)
    hits = annex_search(annex, q, limit=limit)
    return {"version": annex.version.id, "query": q, "hits": [hit_data(hit) for hit in hits]}


@router.get(
    "/diff",
    auth=PUBLIC,
    response={200: DiffOut, **ERRORS},
    by_alias=True,
    summary="Entries and thresholds added, removed and changed from one version to another",
)
def diff(
    request: HttpRequest,
    from_version: str = Query(..., alias="from", pattern=VERSION, description="The earlier version id."),
    to_version: str = Query(..., alias="to", pattern=VERSION, description="The later version id."),
) -> dict:
    before, after = annex_or_404(from_version, "from"), annex_or_404(to_version, "to")
    return annex_diff(before, after).as_dict()

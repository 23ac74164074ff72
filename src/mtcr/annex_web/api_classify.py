"""HTTP API of the classifier (public, nothing is stored): classify an item description; its JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from ninja import Query, Router

from mtcr.annex import versions as annex_versions
from mtcr.annex.classifier import ItemError, classify, item_json_schema
from mtcr.annex_web import classify_body
from mtcr.annex_web.api import ERRORS, VERSION, VERSION_HELP, annex_or_404
from mtcr.annex_web.schemas_classify import ClassificationOut
from mtcr.regime.errors import ApiError, ErrorBody
from mtcr.states.api_auth import PUBLIC

router = Router(tags=["public"])
#: Documented once, from the edition in force of the data the process started with (``MTCR_ANNEX_DATA_DIR``
#: or the package's own), never from settings changed later; each request is checked against its own edition.
BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": classify_body.json_schema(annex_versions.annex())}},
    }
}
DESCRIPTION = (
    "Every Annex entry the item falls under, with its Category and the parameters and thresholds that "
    "decided; the thresholds it misses by 10 % or less (with the margin); the exclusions that took it out of "
    "an entry; and the questions still open. Answer them in `answers` and post again: each answer takes the "
    "decision further, until `decided` is true. A field the item gets wrong is named in the error's `field`."
)


def _invalid(exc: ItemError) -> ApiError:
    message = str(exc).replace("`mtcr classify --schema`", "GET /api/v1/annex/classify/schema")
    return ApiError(422, "invalid", message, exc.field)


def _body(request: HttpRequest) -> Any:
    try:
        return json.loads(request.body or b"null")
    except (ValueError, RequestDataTooBig):
        raise ApiError(422, "invalid", "item: send the item description as a JSON object.", "item") from None


@router.post(
    "/classify",
    auth=PUBLIC,
    response={200: ClassificationOut, 401: ErrorBody, 403: ErrorBody, **ERRORS},
    summary="Classify an item: the entries it falls under, why, near misses, exclusions, questions",
    description=DESCRIPTION,
    openapi_extra=BODY,
)
def classify_item(
    request: HttpRequest, version: str | None = Query(None, pattern=VERSION, description=VERSION_HELP)
) -> dict:
    annex = annex_or_404(version)
    data = _body(request)
    try:
        result = classify(data, annex)
        classify_body.check(data, annex)
    except ItemError as exc:
        raise _invalid(exc) from None
    return result.to_dict()


@router.get(
    "/classify/schema",
    auth=PUBLIC,
    response={200: dict[str, Any], **ERRORS},
    summary="The JSON Schema of an item description, with the kinds, parameters and questions enumerated",
)
def item_schema(
    request: HttpRequest, version: str | None = Query(None, pattern=VERSION, description=VERSION_HELP)
) -> dict:
    return item_json_schema(annex_or_404(version))

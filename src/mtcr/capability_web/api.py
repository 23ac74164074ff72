"""HTTP API of the capability assessment (public, nothing is stored): assess a system; the input's schema."""

from __future__ import annotations

import json
import math
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from ninja import Router
from pydantic import ValidationError

from mtcr.capability import SpecError, assess, spec_json_schema
from mtcr.capability_web.schemas import AssessIn, CapabilityOut
from mtcr.regime.errors import ApiError, ErrorBody
from mtcr.states.api_auth import PUBLIC

router = Router(tags=["public"])
BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": AssessIn.model_json_schema()}},
    }
}
DESCRIPTION = (
    "Flies the design at payloads from the lightest to the heaviest it allows and judges it: Category I "
    "(1.A.1 rockets, 1.A.2 air vehicles: at least 500 kg to at least 300 km), Item 19 (19.A.1, 19.A.2: "
    "at least 300 km) or neither, with the curve, the margins, the reasons, the assumptions and the notes. "
    "With `samples` the declared uncertainties are sampled. A field the system gets wrong is named in "
    "the error's `field`, e.g. `system.stages.0.propellant_mass_kg`."
)


def _body(request: HttpRequest) -> AssessIn:
    """The request body, checked; any fault is a 422 naming the field (``system`` when it is not JSON)."""
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, RequestDataTooBig):
        raise ApiError(
            422, "invalid", "system: send a JSON object {system, samples, seed}.", "system"
        ) from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid", "system: send a JSON object {system, samples, seed}.", "system")
    try:
        return AssessIn.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "system"
        raise ApiError(422, "invalid", f"{field}: {error['msg']}", field) from None


def _finite(value: Any) -> Any:
    """``value`` with every non-finite number replaced by null (JSON has no infinity)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


@router.post(
    "/assess",
    auth=PUBLIC,
    response={200: CapabilityOut, 422: ErrorBody},
    summary="Assess a rocket or UAV from its design: Category I, II or neither, with curve and reasons",
    description=DESCRIPTION,
    openapi_extra=BODY,
)
def assess_system(request: HttpRequest) -> dict[str, Any]:
    body = _body(request)
    try:
        result = assess(body.system, samples=body.samples, seed=body.seed)
    except SpecError as exc:
        field = "system" if exc.field == "spec" else f"system.{exc.field}"
        raise ApiError(422, "invalid", f"{field}: {exc.message}", field) from None
    return _finite(result.to_dict())


@router.get(
    "/schema",
    auth=PUBLIC,
    response={200: dict[str, Any]},
    summary="The JSON Schema of a system's design (the input of POST /capability/assess)",
    url_name="capability_schema",
)
def system_schema(request: HttpRequest) -> dict[str, Any]:
    return spec_json_schema()

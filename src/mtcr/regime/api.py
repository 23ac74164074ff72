"""The assembled HTTP API under /api/v1/, with its OpenAPI document at /api/v1/openapi.json."""

from ninja import NinjaAPI

import mtcr
from mtcr.annex_web.api import router as annex_router
from mtcr.annex_web.api_classify import router as classify_router
from mtcr.capability_web.api import router as capability_router
from mtcr.regime.errors import install_error_handlers
from mtcr.states.api import router as states_router
from mtcr.states.api_standings import router as standings_router
from mtcr.states.api_tokens import router as tokens_router

api = NinjaAPI(
    title="mtcr API",
    version=mtcr.__version__,
    description=(
        "The Missile Technology Control Regime as software. Public reference data needs no credentials; "
        "national and regime data need a signed-in session or an API token "
        "(`Authorization: Bearer mtcr_...`). "
        'Every error has the body `{"error": {"code", "message", "field"}}`.'
    ),
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/", states_router)
api.add_router("/", standings_router)
api.add_router("/", tokens_router)
api.add_router("/annex", annex_router)
api.add_router("/annex", classify_router)
api.add_router("/capability", capability_router)

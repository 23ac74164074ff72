"""Models of the states app, one concept a file."""

from mtcr.states.models.government import Government
from mtcr.states.models.organisation import ExporterOrganisation
from mtcr.states.models.person import Role, User
from mtcr.states.models.standing import Standing, StandingChange
from mtcr.states.models.token import ApiToken

__all__ = ["ApiToken", "ExporterOrganisation", "Government", "Role", "Standing", "StandingChange", "User"]

"""The four kinds of space of the regime, and who sees what (DESIGN.md, "Who sees what")."""

from dataclasses import dataclass
from enum import StrEnum


class SpaceKind(StrEnum):
    NATIONAL = "national"
    REGIME = "regime"
    HCOC = "hcoc"
    PUBLIC = "public"


@dataclass(frozen=True, slots=True)
class Space:
    """A space: ``national`` spaces belong to one government; the others are shared."""

    kind: SpaceKind
    government_code: str | None = None

    def __str__(self) -> str:
        return f"national:{self.government_code}" if self.government_code else str(self.kind)

    @classmethod
    def national(cls, government_code: str) -> "Space":
        return cls(SpaceKind.NATIONAL, government_code)


PUBLIC = Space(SpaceKind.PUBLIC)
REGIME = Space(SpaceKind.REGIME)
HCOC = Space(SpaceKind.HCOC)

"""What the Annex vocabulary offers to someone describing an item: kinds by broad kind, the parameters the
entries of a kind judge, and the units each parameter may be given in.

The parameters of a kind are those named by the criteria and exclusions of every entry an item of that kind
may fall under (the entry's kinds, or those of its nearest enclosing entry, fit the item's kind or a narrower
one), and of the entries enclosing them, in document order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mtcr.annex.loader import Annex, criteria_leaves
from mtcr.annex.schema import CategoricalCriterion, Entry, NumericCriterion, Parameter, RuleCriterion
from mtcr.annex.units import compatible, to_unit, unit

#: The range/payload rules that need the performance points of a complete delivery system.
PERFORMANCE_RULES = frozenset({"category_i_capability", "range_at_least_300_km"})
MASS_UNIT, DISTANCE_UNIT = "kg", "km"

#: Units offered for a parameter, by its canonical unit (offered first); other parameters take only theirs.
UNIT_CHOICES: dict[str, tuple[str, ...]] = {
    "N*s": ("N*s", "kN*s", "MN*s", "lbf*s"),
    "N": ("N", "kN", "lbf"),
    "kN": ("kN", "N", "MN", "lbf"),
    "kg": ("kg", "g", "t", "lb"),
    "km": ("km", "m", "nmi", "mi", "ft"),
    "m": ("m", "km", "ft", "in"),
    "mm": ("mm", "cm", "m", "in"),
    "um": ("um", "nm", "mm"),
    "MPa": ("MPa", "kPa", "GPa", "bar", "psi"),
    "kPa": ("kPa", "Pa", "MPa", "bar", "psi"),
    "GPa": ("GPa", "MPa", "ksi"),
    "degC": ("degC", "degF", "K"),
    "L": ("L", "m**3", "gallon", "imperial_gallon"),
    "L/min": ("L/min", "L/s", "m**3/h", "gallon/minute"),
    "kW": ("kW", "W", "MW", "hp"),
    "MW": ("MW", "kW", "GW"),
    "m/s": ("m/s", "km/h", "knot", "ft/s"),
    "deg/s": ("deg/s", "rad/s"),
    "deg/hour": ("deg/hour", "deg/s"),
    "g/cm**3": ("g/cm**3", "kg/m**3"),
    "ms": ("ms", "s", "us"),
    "min": ("min", "s", "hour"),
    "kHz": ("kHz", "Hz"),
    "g0": ("g0", "m/s**2"),
    "J/kg": ("J/kg", "kJ/kg", "MJ/kg"),
    "J/m**3": ("J/m**3", "J/cm**3", "MJ/m**3"),
    "J/m**2": ("J/m**2", "kJ/m**2"),
    "MeV": ("MeV", "keV"),
    "rads": ("rads", "Gy"),
    "kg/(N*h)": ("kg/(N*h)", "lb/(lbf*h)"),
    "deg": ("deg", "arcminute", "arcsecond", "mrad"),
    "arcsecond": ("arcsecond", "arcminute", "urad"),
    "mrad": ("mrad", "urad", "deg"),
}
LABELS = {
    "L": "L",
    "L/min": "L/min",
    "L/s": "L/s",
    "gallon": "US gal",
    "gallon/minute": "US gal/min",
    "imperial_gallon": "imperial gal",
    "g0": "g",
    "deg": "°",
    "deg/s": "°/s",
    "deg/hour": "°/h",
    "rads": "rad (dose)",
    "kg/(N*h)": "kg/(N·h)",
    "lb/(lbf*h)": "lb/(lbf·h)",
    "revolutions/minute": "rev/min",
    "dimensionless": "",
}


def unit_label(text: str) -> str:
    """A unit as people write it: ``N*s`` -> ``N·s``, ``degC`` -> ``°C``."""
    if text in LABELS:
        return LABELS[text]
    try:
        return f"{unit(text):~P}"
    except ValueError:
        return text


def _converts(given: str, canonical: str) -> bool:
    try:
        to_unit(1.0, given, canonical)
    except (ValueError, ArithmeticError):
        return False
    return compatible(given, canonical)


@lru_cache(maxsize=256)
def unit_choices(canonical: str) -> tuple[str, ...]:
    """The units offered for a quantity whose canonical unit is ``canonical``, canonical first."""
    offered = UNIT_CHOICES.get(canonical, (canonical,))
    return (canonical, *(u for u in offered if u != canonical and _converts(u, canonical)))


@lru_cache(maxsize=256)
def unit_spellings(canonical: str) -> tuple[str, ...]:
    """The offered units and, for each, its name and symbol as the units library writes them (``inch``,
    ``°C``): every spelling of them the HTTP API accepts."""
    spellings: dict[str, None] = {}
    for offered in unit_choices(canonical):
        for text in (offered, format(unit(offered), "C"), format(unit(offered), "~C")):
            if text and _converts(text, canonical):
                spellings[text] = None
    return tuple(spellings)


@dataclass(frozen=True)
class KindGroup:
    """A broad kind (a kind without parent) and every kind below it, broad kind first."""

    label: str
    kinds: tuple[tuple[str, str], ...]


def kind_groups(annex: Annex) -> list[KindGroup]:
    """The kinds of item for a grouped select, in the vocabulary's order."""
    members: dict[str, list[tuple[str, str]]] = {}
    for kind in annex.kinds.values():
        root = annex.kind_lineage(kind.id)[-1]
        members.setdefault(root, []).append((kind.id, kind.name))
    return [
        KindGroup(annex.kinds[root].name, tuple(sorted(kinds, key=lambda k: k[0] != root)))
        for root, kinds in members.items()
    ]


def _kinds_of(annex: Annex, entry: Entry) -> tuple[str, ...]:
    if entry.kinds:
        return entry.kinds
    return next((a.kinds for a in annex.ancestors(entry.id) if a.kinds), ())


def candidate_entries(annex: Annex, kind: str) -> list[Entry]:
    """Entries an item of ``kind`` may fall under (headings included), in document order."""
    lineage = annex.kind_lineage(kind)
    found = []
    for entry in annex.entries.values():
        if entry.empty or entry.category is None:
            continue
        kinds = _kinds_of(annex, entry)
        if any(k in lineage or kind in annex.kind_lineage(k)[1:] for k in kinds):
            found.append(entry)
    return found


@dataclass(frozen=True)
class KindNeeds:
    """What to ask about an item of one kind: its parameters and whether it flies payload to a range."""

    parameters: tuple[Parameter, ...]
    performance: bool


def kind_needs(annex: Annex, kind: str) -> KindNeeds:
    """The parameters judged by the entries an item of ``kind`` may fall under, and the performance rule."""
    seen: dict[str, Parameter] = {}
    performance = False
    for entry in candidate_entries(annex, kind):
        for source in (*reversed(annex.ancestors(entry.id)), entry):
            trees = [source.criteria, *(x.when for x in source.exclusions)]
            for leaf in (leaf for tree in trees for leaf in criteria_leaves(tree)):
                if isinstance(leaf, NumericCriterion | CategoricalCriterion):
                    seen.setdefault(leaf.parameter, annex.parameters[leaf.parameter])
                elif isinstance(leaf, RuleCriterion) and leaf.rule in PERFORMANCE_RULES:
                    performance = True
    return KindNeeds(tuple(seen.values()), performance)

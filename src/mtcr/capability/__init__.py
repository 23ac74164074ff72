"""Range/payload capability of rockets and air vehicles, and the Category I/II verdict (pure: no Django).

Public API::

    assess(spec, *, samples=0, seed=0) -> CapabilityResult     # spec: the parsed input file, or a Spec
    parse_spec(mapping) -> Spec;  read_spec_file(path) -> Spec;  spec_json_schema() -> dict
    SpecError  (names the field at fault)
"""

from mtcr.capability.assess import assess
from mtcr.capability.result import CapabilityResult
from mtcr.capability.spec import (
    AirSpec,
    RocketSpec,
    Spec,
    SpecError,
    parse_spec,
    read_spec_file,
    spec_json_schema,
)

__all__ = [
    "AirSpec",
    "CapabilityResult",
    "RocketSpec",
    "Spec",
    "SpecError",
    "assess",
    "parse_spec",
    "read_spec_file",
    "spec_json_schema",
]

"""The item classifier: which Annex entries an item falls under, why, what it narrowly misses, what to ask.

Public API::

    classify(item, annex=None, answers=None, capability=None) -> Classification
    explain_entry(item, entry_id, annex=None, answers=None, capability=None) -> EntryExplanation
    item_json_schema(annex=None) -> dict
    parse_item(mapping) -> ItemDescription;  read_item_file(path) -> ItemDescription
    ItemError  (names the field at fault)
"""

from mtcr.annex.classifier.capability_rule import CapabilityAssessor, CapabilityVerdict
from mtcr.annex.classifier.classify import classify
from mtcr.annex.classifier.errors import ItemError
from mtcr.annex.classifier.explain import EntryExplanation, explain_entry
from mtcr.annex.classifier.item import ItemDescription, PerformancePoint, Quantity, item_json_schema
from mtcr.annex.classifier.read import parse_item, read_item_file
from mtcr.annex.classifier.result import Classification, Excluded, Match, NearMiss, Question, Undecided

__all__ = [
    "CapabilityAssessor",
    "CapabilityVerdict",
    "Classification",
    "EntryExplanation",
    "Excluded",
    "ItemDescription",
    "ItemError",
    "Match",
    "NearMiss",
    "PerformancePoint",
    "Quantity",
    "Question",
    "Undecided",
    "classify",
    "explain_entry",
    "item_json_schema",
    "parse_item",
    "read_item_file",
]

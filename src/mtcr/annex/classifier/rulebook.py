"""Which source decides a range/payload rule for one item, in order of precedence.

1. The user's answer to the rule's question (``answers: {category_i_capability: true}``), e.g. after a
   capability assessment.
2. The capability engine's verdict on the item's ``design``, when a design is given and an engine is supplied.
3. The declared payload/range points and structural payload limit (``capability_rule``).
"""

from __future__ import annotations

from mtcr.annex.classifier import capability_rule as rules
from mtcr.annex.classifier.capability_rule import ASKS, CapabilityAssessor, CapabilityVerdict, RuleOutcome
from mtcr.annex.classifier.questions import Flag
from mtcr.annex.classifier.resolve import ResolvedItem

NO_ENGINE = Flag(
    "design_not_assessed",
    "A design was given but no capability engine was supplied: the range/payload rules used the declared "
    "figures only.",
)


class RuleBook:
    """``book(rule_id) -> RuleOutcome``, computed once per item and rule."""

    __slots__ = ("_assessor", "_item", "_verdict", "outcomes")

    def __init__(self, item: ResolvedItem, assessor: CapabilityAssessor | None = None) -> None:
        self._item, self._assessor = item, assessor
        self._verdict: CapabilityVerdict | None = None
        self.outcomes: dict[str, RuleOutcome] = {}

    def __call__(self, rule: str) -> RuleOutcome:
        known = self.outcomes.get(rule)
        if known is None:
            known = self.outcomes[rule] = self._decide(rule)
        return known

    def _decide(self, rule: str) -> RuleOutcome:
        item = self._item
        answer = item.answers.get(rule)
        if answer is not None:
            return rules.answered(rule, answer)
        design = item.description.design
        if design is not None and self._assessor is not None:
            if self._verdict is None:
                self._verdict = self._assessor(design)
            decided = rules.from_verdict(rule, self._verdict)
            if decided is not None:
                return decided
        if rule == "category_i_capability":
            outcome = rules.category_i_capability(item.points, item.max_payload_kg)
        elif rule == "range_at_least_300_km":
            outcome = rules.range_at_least_300_km(item.points)
        else:
            outcome = RuleOutcome(None, (), ask=ASKS[rule])
        if design is not None and self._assessor is None:
            outcome = RuleOutcome(
                outcome.truth, outcome.reasons, outcome.ask, outcome.margin, (*outcome.flags, NO_ENGINE)
            )
        return outcome

    def flags(self) -> list[Flag]:
        seen: dict[str, Flag] = {}
        for outcome in self.outcomes.values():
            for flag in outcome.flags:
                seen.setdefault(flag.text, flag)
        return list(seen.values())

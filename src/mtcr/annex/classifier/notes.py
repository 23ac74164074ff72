"""The general notes of the Annex Introduction that a result on software or technology recalls.

Annex Introduction (c) General Technology Note, (d) General Software Note, (e) General Minimum Software Note.
Where the data holds the introduction rules (``definitions.yaml``), their own text is used; otherwise the
paraphrase below. The public-domain and mass-market releases themselves are exclusions in the data, asked as
questions; these notes only remind the reader of the rule behind them.
"""

from __future__ import annotations

from collections.abc import Iterable

from mtcr.annex.loader import Annex

FALLBACK = {
    "general_technology_note": (
        "General Technology Note (Annex Introduction (c)): technology directly associated with a listed "
        "item is controlled as its Item says; approving an item approves the minimum technology to install, "
        "operate, maintain and repair it for the same end-user; technology in the public domain and basic "
        "scientific research are not controlled."
    ),
    "general_software_note": (
        "General Software Note (Annex Introduction (d)): software generally available to the public "
        "(sold from stock at retail without restriction and designed for installation by the user) or in the "
        "public domain is not controlled."
    ),
    "general_minimum_software_note": (
        "General Minimum Software Note (Annex Introduction (e)): approving a listed item approves, for the "
        "same end-user, the minimum software, not source code, to install, operate, maintain and repair it; "
        "it does not apply to the software of 2.D.2 and 20.D.2."
    ),
}
ALIASES = {
    "general_technology_note": ("general_technology_note", "gtn", "c"),
    "general_software_note": ("general_software_note", "gsn", "d"),
    "general_minimum_software_note": ("general_minimum_software_note", "gmsn", "e"),
}


def _text(annex: Annex, note: str) -> str:
    for alias in ALIASES[note]:
        rule = annex.introduction.get(alias)
        if rule is not None:
            return f"{rule.title}: {rule.text.strip()}"
    return FALLBACK[note]


MINIMUM_SOFTWARE_QUESTION = "minimum_object_code_for_approved_item"
NOT_UNDER_MINIMUM_SOFTWARE_NOTE = ("2.D.2", "20.D.2")


def minimum_software_note(entry_id: str, group: str | None, answers: dict[str, bool]) -> tuple[str, ...]:
    """Annex Introduction (e): the software is the minimum object code for an item whose export is approved.

    Answered with ``minimum_object_code_for_approved_item: true``; the entry stays listed, the note says that
    no separate approval is needed (except for 2.D.2 and 20.D.2, to which the note does not apply).
    """
    if group != "D" or not answers.get(MINIMUM_SOFTWARE_QUESTION):
        return ()
    if entry_id in NOT_UNDER_MINIMUM_SOFTWARE_NOTE:
        return (f"The General Minimum Software Note does not apply to the software of {entry_id}.",)
    return (
        "Covered by the General Minimum Software Note (Annex Introduction (e)): as the minimum object code "
        "to install, operate, maintain or repair an item whose export is approved, for the same end-user, it "
        "needs no separate approval. Source code is not covered.",
    )


def general_notes(annex: Annex, groups: Iterable[str | None]) -> tuple[str, ...]:
    """The notes that apply to technology (group E) and software (group D) entries among ``groups``."""
    present = set(groups)
    notes = []
    if "E" in present:
        notes.append(_text(annex, "general_technology_note"))
    if "D" in present:
        notes.append(_text(annex, "general_software_note"))
        notes.append(_text(annex, "general_minimum_software_note"))
    return tuple(notes)

"""The two forms of the Annex pages: search, and the pair of versions to compare."""

from __future__ import annotations

from django import forms

from mtcr.annex.schema import Version


class SearchForm(forms.Form):
    """``?q=``: words, an entry id or a CAS number."""

    q = forms.CharField(
        required=False,
        max_length=200,
        label="Search the Annex",
        help_text=(
            "Words (for example “ball bearings”), an entry id such as 3.A.7, "
            "or a CAS number such as 302-01-2."
        ),
        error_messages={"max_length": "Enter at most 200 characters."},
    )


class DiffForm(forms.Form):
    """``?from=A&to=B``: two versions of the Annex to compare."""

    def __init__(self, data, held: list[Version], **kwargs) -> None:
        super().__init__(data, **kwargs)
        choices = [(v.id, f"{v.id}: {v.title}") for v in held]
        invalid = {"invalid_choice": "Choose one of the versions listed: %(value)s is not one of them."}
        self.fields["from"] = forms.ChoiceField(
            choices=choices, label="Earlier version", error_messages=invalid
        )
        self.fields["to"] = forms.ChoiceField(choices=choices, label="Later version", error_messages=invalid)

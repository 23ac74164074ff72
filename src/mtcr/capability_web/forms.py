"""The assessment form: the system as text or an uploaded file, and the number of uncertainty samples."""

from __future__ import annotations

from django import forms

from mtcr.capability_web.submission import MAX_BYTES

MAX_SAMPLES = 64


class AssessForm(forms.Form):
    system = forms.CharField(
        label="The system, in YAML or JSON",
        required=False,
        strip=False,
        max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false", "autocomplete": "off"}),
        help_text="Name, type, payload, and stages (rockets) or masses, engine and aerodynamics (UAVs).",
    )
    upload = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text=f"A YAML or JSON file of at most {MAX_BYTES // 1024} KB; it replaces the text above.",
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,.json,application/json,text/yaml"}),
    )
    samples = forms.IntegerField(
        label="Uncertainty samples",
        min_value=0,
        max_value=MAX_SAMPLES,
        initial=0,
        required=False,
        help_text=f"0 to {MAX_SAMPLES}: samples of the declared uncertainties (Latin hypercube).",
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size // 1024:,} KB; the limit is {MAX_BYTES // 1024} KB."
            )
        return upload

    def clean_samples(self) -> int:
        samples = self.cleaned_data.get("samples")
        return 0 if samples is None else samples

"""A government's standing over time, as dated changes that are appended and never overwritten."""

from django.db import models


class Standing(models.TextChoices):
    """Standings a state can enter and leave. A state with no current partner standing is a non-partner."""

    MTCR_PARTNER = "mtcr_partner", "MTCR partner"
    UNILATERAL_ADHERENT = "unilateral_adherent", "Unilateral adherent to the Guidelines"
    HCOC_SUBSCRIBER = "hcoc_subscriber", "Hague Code of Conduct subscribing state"


class DatePrecision(models.TextChoices):
    DAY = "day", "Exact day"
    YEAR = "year", "Year only"


class StandingChange(models.Model):
    """One dated change of standing: a state entered (or left) a standing on a date.

    The current standing is derived from the latest change on or before a date; rows are never edited, a
    correction is a new row.
    """

    government = models.ForeignKey(
        "states.Government", on_delete=models.PROTECT, related_name="standing_changes"
    )
    standing = models.CharField(max_length=32, choices=Standing.choices)
    entered = models.BooleanField(
        default=True, help_text="True when the state entered the standing, False when it left."
    )
    effective_on = models.DateField(
        help_text="The day the change took effect (1 January when only the year is known)."
    )
    precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    source = models.CharField(max_length=500, blank=True, help_text="Where the fact comes from.")
    evidence = models.CharField(max_length=500, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["government_id", "standing", "effective_on", "id"]
        indexes = [models.Index(fields=["standing", "effective_on"])]

    def __str__(self) -> str:
        verb = "entered" if self.entered else "left"
        return f"{self.government_id} {verb} {self.standing} on {self.effective_on}"

    @property
    def source_is_link(self) -> bool:
        """Whether the source is a web address (else it names a document, shown as text)."""
        return self.source.startswith(("https://", "http://"))

    @property
    def effective_label(self) -> str:
        """The date as precisely as it is known ("1990" or "27 June 2016")."""
        if self.precision == DatePrecision.YEAR:
            return str(self.effective_on.year)
        return self.effective_on.strftime("%-d %B %Y")

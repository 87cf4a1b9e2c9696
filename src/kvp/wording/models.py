"""What the respectful-language check found in saved texts, as aggregate material for professional
reflection at an office (E12; FO 2019, p. 11) — never the text, the participant or the writer.

Only the month is kept, not the moment: a timestamp could be matched against the saved note and so
name its author, which would turn reflection material into surveillance of a person."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import Office


class WordingOutcome(models.Model):
    class Source(models.TextChoices):
        CASE_NOTE = "case_note", _("Case note")
        MEETING_NOTES = "meeting_notes", _("Meeting notes")
        EMPLOYER_FEEDBACK = "employer_feedback", _("Employer feedback")
        DECISION_LETTER = "decision_letter", _("Decision letter")
        INCIDENT = "incident", _("Discrimination incident")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("kind of text"), max_length=24, choices=Source.choices)
    categories = models.JSONField(_("categories found"), default=list)
    kept_as_written = models.BooleanField(_("kept as written"))
    month = models.DateField(_("month"), help_text=_("The first day of the month the text was saved."))

    class Meta:
        indexes = [models.Index(fields=["office", "month"])]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.month:%Y-%m}"

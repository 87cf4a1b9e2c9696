from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.common.forms import LONG_TEXT, AkselForm, DateTimeInput
from kvp.common.idempotency import SubmitOnceForm
from kvp.followup.models import Meeting
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant


class MeetingForm(SubmitOnceForm, AkselForm):
    starts_at = forms.DateTimeField(label=_("Time"), widget=DateTimeInput())
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), initial=45, min_value=5, max_value=480)
    channel = forms.ChoiceField(label=_("Form"), choices=Meeting.Channel.choices)
    place = forms.CharField(label=_("Place or link"), max_length=200, required=False)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    interpreter_language = forms.ChoiceField(
        label=_("Interpreter"), choices=[("", _("No interpreter")), *LANGUAGE_CHOICES], required=False
    )
    interpreter_form = forms.ChoiceField(
        label=_("The interpreter takes part"),
        choices=[("", "—"), *Meeting.InterpreterForm.choices],
        required=False,
        help_text=_("Without a choice: as the meeting."),
    )
    interpreter_booked = forms.BooleanField(label=_("Interpreter booked"), required=False)
    interpreter_booking_reference = forms.CharField(
        label=_("Booking reference (optional)"), max_length=100, required=False
    )

    @classmethod
    def for_participant(cls, participant: Participant) -> MeetingForm:
        """A new meeting's form with the interpreter the participant needs already chosen."""
        return cls(
            initial={"interpreter_language": participant.interpreter_language if participant.needs_interpreter else ""}
        )


class NoteForm(SubmitOnceForm, AkselForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(max_length=LONG_TEXT, label=_("Note"), widget=forms.Textarea(attrs={"rows": 5}))

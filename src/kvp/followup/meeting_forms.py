"""Forms for a booked meeting: edit or move it, cancel it, record its outcome, its notes, and the participant's
"I cannot come"."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.common.forms import AkselForm, VersionForm
from kvp.followup.forms import MeetingForm
from kvp.followup.models import Meeting


class MeetingEditForm(VersionForm, MeetingForm):
    pass


class MeetingCancelForm(VersionForm):
    reason = forms.CharField(label=_("Why is it cancelled? (optional)"), max_length=200, required=False)


YES_NO = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]


class MeetingOutcomeForm(VersionForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(Meeting.Status.HELD, _("Held")), (Meeting.Status.NO_SHOW, _("Participant did not come"))],
        widget=forms.RadioSelect,
    )
    interpreter_used = forms.ChoiceField(label=_("Was the interpreter used?"), choices=YES_NO, required=False)

    def __init__(self, *args: Any, with_interpreter: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_interpreter:
            del self.fields["interpreter_used"]

    def interpreter_used_value(self) -> bool | None:
        answer = self.cleaned_data.get("interpreter_used", "")
        return {"yes": True, "no": False}.get(answer)


class MeetingNoteForm(VersionForm):
    """The notes' text is rendered by its own partial (followup/_note_textarea.html), where a writing aid can
    be attached to the textarea."""

    text = forms.CharField(
        label=_("Notes from the meeting"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10_000,
        help_text=_("The participant sees the notes when you publish them, not before."),
    )
    correction_reason = forms.CharField(
        label=_("What did you correct? (shown to the participant)"), max_length=300, required=False
    )

    def __init__(self, *args: Any, correcting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not correcting:
            del self.fields["correction_reason"]


class CannotComeForm(AkselForm):
    text = forms.CharField(
        label=_("Anything you want to tell your counsellor? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

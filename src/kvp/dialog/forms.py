from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kvp.common.forms import AkselForm, VersionForm
from kvp.common.idempotency import SubmitOnceForm
from kvp.dialog.attachments import max_attachment_bytes
from kvp.dialog.services import MAX_TEXT
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.plans.models import Activity

ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"


class ActivityChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.title)


class ReplyForm(SubmitOnceForm, AkselForm):
    # Kept as written: no trimming, no correction (the service refuses a message of only spaces).
    text = forms.CharField(
        label=_("Message"), strip=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"})
    )
    language = forms.ChoiceField(label=_("Language you write in"), choices=LANGUAGE_CHOICES)
    attachment = forms.FileField(
        label=_("Attach a file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args: Any, language: str = "nb", **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("language", language)
        super().__init__(*args, **kwargs)
        megabytes = max(1, max_attachment_bytes() // (1024 * 1024))
        self.fields["attachment"].help_text = gettext("A PDF or a picture (PNG or JPEG). At most %(megabytes)s MB.") % {
            "megabytes": megabytes
        }


class ThreadStartForm(ReplyForm):
    subject = forms.CharField(
        label=_("What is it about?"), max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    activity = ActivityChoiceField(
        label=_("About an activity in the plan"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("No, about something else"),
    )
    field_order = ["subject", "activity", "text", "language", "attachment"]

    def __init__(self, *args: Any, participant: Participant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        activities = Activity.objects.filter(plan__participant=participant).exclude(status=Activity.Status.CANCELLED)
        if activities.exists():
            cast(ActivityChoiceField, self.fields["activity"]).queryset = activities
        else:
            del self.fields["activity"]


class CloseForm(VersionForm):
    pass

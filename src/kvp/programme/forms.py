from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kvp.common.forms import AkselForm, DateInput, VersionField
from kvp.programme.models import END_REASON_LABELS, STATUS_LABELS, Case
from kvp.rules.case_status import ALLOWED_TRANSITIONS, CaseStatus, EndReason


class CaseCreateForm(AkselForm):
    applied_on = forms.DateField(label=_("Application received"), widget=DateInput(), initial=timezone.localdate)


class CaseTransitionForm(AkselForm):
    target = forms.ChoiceField(label=_("New status"), choices=[])
    effective_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("Decision date, programme start or end date, depending on the new status."),
    )
    period_end = forms.DateField(
        label=_("Programme end date"),
        widget=DateInput(),
        required=False,
        help_text=_("Needed when granting or extending the programme."),
    )
    end_reason = forms.ChoiceField(
        label=_("End reason"), choices=[("", "—"), *END_REASON_LABELS.items()], required=False
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    version = VersionField()

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["version"] = case.version
        super().__init__(*args, **kwargs)
        # Offer every status so a wrong choice gets the law's explanation, but list the allowed first.
        allowed = ALLOWED_TRANSITIONS[case.status_enum]
        ordered = sorted(STATUS_LABELS.items(), key=lambda item: item[0] not in allowed)
        field = cast(forms.ChoiceField, self.fields["target"])
        field.choices = [(status.value, label) for status, label in ordered if status != case.status_enum]

    def clean_target(self) -> CaseStatus:
        return CaseStatus(self.cleaned_data["target"])

    def clean_end_reason(self) -> EndReason | None:
        value = self.cleaned_data["end_reason"]
        return EndReason(value) if value else None

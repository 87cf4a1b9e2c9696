from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.forms import AkselForm, DateInput, StaffChoiceField
from kvp.participants.forms import NationalIdField


class AuditSearchForm(AkselForm):
    national_id = NationalIdField(required=False, label=_("Participant's national identity number"))
    actor = StaffChoiceField(label=_("Staff member"), queryset=User.objects.none(), required=False)
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput())
    action = forms.ChoiceField(label=_("Action"), choices=[("", "—"), *AuditEvent.Action.choices], required=False)

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["actor"])  # type: ignore[type-arg]
        field.queryset = User.objects.filter(office_id=office_id).order_by("first_name", "last_name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The to date must be on or after the from date."))
        return data

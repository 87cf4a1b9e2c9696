from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import User
from kvp.audit.models import AuditEvent
from kvp.common.forms import AkselForm, DateInput
from kvp.participants.forms import NationalIdField


class AuditSearchForm(AkselForm):
    national_id = NationalIdField(required=False, label=_("Participant's national identity number"))
    actor = forms.CharField(
        label=_("Staff member's NAV ident"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput())
    action = forms.ChoiceField(label=_("Action"), choices=[("", "—"), *AuditEvent.Action.choices], required=False)

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.office_id = office_id

    def clean_actor(self) -> User | None:
        """The staff member at the office with this ident (NAV ident, e.g. Z990101)."""
        ident = self.cleaned_data["actor"].strip()
        if not ident:
            return None
        actor = User.objects.filter(username__iexact=ident, office_id=self.office_id).first()
        if actor is None:
            raise forms.ValidationError(_("No staff member at your office has this NAV ident."))
        return actor

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The to date must be on or after the from date."))
        return data

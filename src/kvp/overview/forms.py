from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from kvp.accounts.models import User
from kvp.common.forms import AkselForm, DateInput
from kvp.common.idempotency import SubmitOnceForm
from kvp.overview.models import REMINDER_MAX_LENGTH, Category
from kvp.overview.selectors import PHASE_LABELS, SORTS, OverviewQuery, Ready
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.plans.models import MEASURE_CHOICES
from kvp.programme.models import STATUS_CHOICES

READY_LABELS = {
    Ready.NEW: _("New applications"),
    Ready.UNASSIGNED: _("Not assigned"),
    Ready.WAITING: _("Waiting for the counsellor"),
    Ready.MEETING_TODAY: _("Meeting today"),
    Ready.OVERDUE_PROPOSAL: _("Proposal answer overdue"),
    Ready.NO_CONTACT: _("No contact in N days"),
    Ready.FLAGGED: _("With alerts"),
    Ready.ENDING_SOON: _("Ending soon"),
    Ready.REMINDER_DUE: _("Reminder due"),
}
SORT_LABELS = {
    "name": _("Name"),
    "status": _("Status"),
    "week": _("Programme week"),
    "end": _("Programme end"),
    "meeting": _("Next meeting"),
    "contact": _("Last contact"),
    "proposals": _("Open proposals"),
    "unread": _("Unread messages"),
    "counsellor": _("Counsellor"),
}
# The query string's names (Norwegian, like the URL paths), in the order a saved filter keeps them.
FIELDS = ("vis", "dager", "status", "fase", "sprak", "tolk", "aktivitet", "veileder", "kategori", "sorter")


class OverviewFilterForm(AkselForm):
    """The overview's filters, read from the query string: only codes and staff ids, never personal data."""

    vis = forms.MultipleChoiceField(
        label=_("Ready-made filters"), choices=list(READY_LABELS.items()), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    dager = forms.IntegerField(label=_("Days without contact"), min_value=1, max_value=365, required=False)
    status = forms.MultipleChoiceField(
        label=_("Case status"), choices=STATUS_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    fase = forms.MultipleChoiceField(
        label=_("Programme phase"), choices=list(PHASE_LABELS.items()), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    sprak = forms.ChoiceField(label=_("Language"), choices=[("", "—"), *LANGUAGE_CHOICES], required=False)
    tolk = forms.ChoiceField(
        label=_("Interpreter"),
        choices=[("", "—"), ("ja", _("Needs an interpreter")), ("nei", _("No interpreter"))],
        required=False,
    )
    aktivitet = forms.ChoiceField(label=_("Activity type"), choices=[("", "—"), *MEASURE_CHOICES], required=False)
    veileder = forms.TypedChoiceField(label=_("Counsellor"), coerce=int, required=False, empty_value=None)
    kategori = forms.ChoiceField(label=_("My category"), choices=[("", "—"), *Category.Colour.choices], required=False)
    sorter = forms.ChoiceField(
        label=_("Sort by"),
        choices=[*SORT_LABELS.items(), *((f"-{code}", label) for code, label in SORT_LABELS.items())],
        required=False,
    )

    def __init__(self, data: QueryDict | None, *, counsellors: list[User], default_days: int) -> None:
        super().__init__(data)
        self.default_days = default_days
        field = cast(forms.TypedChoiceField, self.fields["veileder"])
        field.choices = [("", "—"), *((str(user.pk), user.get_full_name() or user.username) for user in counsellors)]
        if not counsellors:
            del self.fields["veileder"]

    def query(self) -> OverviewQuery:
        """The filters as asked, or none if the form is invalid (the errors are shown)."""
        if not self.is_valid():
            return OverviewQuery(no_contact_days=self.default_days)
        data = self.cleaned_data
        sort = data.get("sorter") or "name"
        tolk = data.get("tolk")
        return OverviewQuery(
            ready=tuple(data.get("vis") or ()),
            no_contact_days=data.get("dager") or self.default_days,
            statuses=tuple(data.get("status") or ()),
            phases=tuple(data.get("fase") or ()),
            language=data.get("sprak") or "",
            interpreter=None if not tolk else tolk == "ja",
            activity_type=data.get("aktivitet") or "",
            counsellor_id=data.get("veileder"),
            colour=data.get("kategori") or "",
            sort=sort.lstrip("-") if sort.lstrip("-") in SORTS else "name",
            descending=sort.startswith("-"),
        )

    def query_string(self, **changes: str) -> str:
        """The valid filters as a query string (what a saved filter stores), with `changes` applied."""
        if not self.is_valid():
            return urlencode(changes)
        pairs: list[tuple[str, str]] = []
        for name in FIELDS:
            if name in changes:
                continue
            value = self.cleaned_data.get(name)
            if isinstance(value, list):
                pairs += [(name, str(item)) for item in value]
            elif value not in (None, ""):
                pairs.append((name, str(value)))
        pairs += [(name, value) for name, value in changes.items() if value]
        return urlencode(pairs)


class SavedFilterForm(SubmitOnceForm, AkselForm):
    name = forms.CharField(label=_("Name of the filter"), max_length=60)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)


class ReminderForm(SubmitOnceForm, AkselForm):
    text = forms.CharField(
        label=_("Reminder"),
        max_length=REMINDER_MAX_LENGTH,
        help_text=_("A short note for the office's staff, at most 200 characters. No sensitive details."),
    )
    due = forms.DateField(label=_("Due"), widget=DateInput())


class CategoryForm(AkselForm):
    colour = forms.ChoiceField(
        label=_("My category"), choices=[("", _("None")), *Category.Colour.choices], required=False
    )


class BulkReassignForm(AkselForm):
    """The chosen participants come as `deltaker` ids beside this form (checkboxes in the table)."""

    counsellor = forms.TypedChoiceField(label=_("New counsellor"), coerce=int)

    def __init__(self, *args: Any, counsellors: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["counsellor"])
        field.choices = [(str(user.pk), user.get_full_name() or user.username) for user in counsellors]
        field.widget.attrs["form"] = "reassign"  # the select sits below the table, the form around the checkboxes

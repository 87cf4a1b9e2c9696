from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kvp.common.forms import LONG_TEXT, AkselForm, DateInput, VersionForm
from kvp.matching.models import MAX_WISHES, MatchProposal, MatchRun
from kvp.plans.models import MEASURE_CHOICES


class WishesForm(AkselForm):
    """Up to five offers in order; empty places are skipped."""

    def __init__(self, *args: Any, offers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *((str(offer.pk), f"{offer.title} – {offer.provider.name}") for offer in offers)]
        for rank in range(1, MAX_WISHES + 1):
            label = _("First wish") if rank == 1 else _("Wish number %(rank)s") % {"rank": rank}
            self.fields[f"wish_{rank}"] = forms.ChoiceField(label=label, choices=choices, required=False)
            self.fields[f"wish_{rank}"].widget.attrs["class"] = "aksel-select__input aksel-body-short"

    def offer_ids(self) -> list[str]:
        return [
            self.cleaned_data[f"wish_{rank}"] for rank in range(1, MAX_WISHES + 1) if self.cleaned_data[f"wish_{rank}"]
        ]


class MatchRunForm(AkselForm):
    mode = forms.ChoiceField(label=_("Mode"), choices=MatchRun.Mode.choices)
    period_start = forms.DateField(label=_("Offers starting from"), widget=DateInput())
    period_end = forms.DateField(label=_("Offers starting until"), widget=DateInput())
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of measure to share out"),
        help_text=_("Each participant gets at most one place in a match. Leave empty for all kinds."),
        choices=MEASURE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    wish_weight = forms.DecimalField(
        label=_("Weight of the participant's wishes"),
        help_text=_("0 uses fit only; 1 makes a first wish count as much as a very good fit."),
        min_value=0,
        max_value=5,
        decimal_places=2,
        initial=1,
    )
    qualifying_floor = forms.IntegerField(
        label=_("Least share of formally qualifying offers per education level (%)"),
        help_text=_("Optional fairness floor. Leave empty for none."),
        min_value=0,
        max_value=100,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data


class ProposalDecisionForm(VersionForm):
    decision = forms.ChoiceField(
        label=_("What do you decide?"),
        choices=[
            (MatchProposal.Status.ACCEPTED, _("Accept")),
            (MatchProposal.Status.CHANGED, _("Change to another offer")),
            (MatchProposal.Status.REJECTED, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    offer = forms.UUIDField(label=_("Other offer"), required=False)  # chosen among the search's results
    note = forms.CharField(
        max_length=LONG_TEXT,
        label=_("Note to the participant"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

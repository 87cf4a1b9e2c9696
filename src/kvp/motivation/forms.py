"""The check-in form, built from the instrument in the participant's chosen language."""

from __future__ import annotations

from typing import Any

from django import forms

from kvp.common.forms import AkselForm
from kvp.motivation.services import OPEN_ANSWER_MAX
from kvp.rules.motivation import Instrument


class CheckinForm(AkselForm):
    """One radio group per scale item (icon and short text per answer), one text box per open question.
    Every text, including the error messages, is the instrument's own in `language`."""

    def __init__(self, *args: Any, instrument: Instrument, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument, self.language = instrument, language
        missing = instrument.ui["missing"][language]
        for item in instrument.items:
            if item.scale is None:
                self.fields[item.key] = forms.CharField(
                    label=item.text[language],
                    required=False,
                    max_length=OPEN_ANSWER_MAX,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                continue
            scale = instrument.scales[item.scale]
            self.fields[item.key] = forms.TypedChoiceField(
                label=item.text[language],
                choices=[(str(point.value), point.text[language]) for point in scale.points],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": missing, "invalid_choice": missing},
            )

    def rows(self) -> list[dict[str, Any]]:
        """What the template draws: per item its bound field, and per answer its icon and text. In a draft
        translation each text also has its checked wording ("reference"), shown beside it."""
        reference = self.instrument.reference_language if self.instrument.needs_review(self.language) else None
        rows = []
        for item in self.instrument.items:
            bound = self[item.key]
            points = []
            if item.scale is not None:
                scale = self.instrument.scales[item.scale]
                for point, option in zip(scale.points, bound.subwidgets, strict=True):
                    points.append(
                        {
                            "icon": point.icon,
                            "text": point.text[self.language],
                            "reference": point.text[reference] if reference else "",
                            "option": option,
                        }
                    )
            rows.append(
                {"item": item, "field": bound, "points": points, "reference": item.text[reference] if reference else ""}
            )
        return rows

    def answers(self) -> tuple[dict[str, int], dict[str, str]]:
        scale = {item.key: self.cleaned_data[item.key] for item in self.instrument.scale_items}
        open_ = {item.key: self.cleaned_data.get(item.key) or "" for item in self.instrument.open_items}
        return scale, open_

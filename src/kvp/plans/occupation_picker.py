"""Choosing an occupation by searching in your own words: a search box with the matching occupations as
check boxes (or radio buttons, for one), titles without codes. The form stores the same STYRK-08 codes
as before.

Works without JavaScript: the search box belongs to a small GET form of its own
(`plans/occupation_search_forms.html`, drawn after the form the picker sits in), so a search reloads the
page with the matches, and the typed answers of the big form never reach a URL. With htmx the matches come
from `occupation_search` while the person types.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.urls import reverse

from kvp.rules import occupations
from kvp.rules.occupation_search import search_occupations

# The GET parameters of a search: the text and the picker's field name.
QUERY, FIELD = "q", "field"
LONGEST_QUERY = 100
FIELD_NAME = re.compile(r"^[\w-]{1,100}$")

OCCUPATION_CHOICES = [(code, name) for code, name in sorted(occupations.OCCUPATIONS.items(), key=lambda c: c[1])]


class OccupationPicker(forms.Widget):
    """The chosen occupations (ticked), a search box, and the matches of the last search."""

    template_name = "plans/widgets/occupation_picker.html"

    def __init__(self, *, multiple: bool) -> None:
        super().__init__({"class": "aksel-text-field__input aksel-body-short"})
        self.multiple = multiple
        self.query = ""  # a search made without JavaScript, shown as matches when the page is drawn

    def format_value(self, value: Any) -> list[str]:  # type: ignore[override]
        values = value if isinstance(value, list | tuple) else [value]
        return [str(code) for code in values if str(code) in occupations.OCCUPATIONS]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if self.multiple:
            # A code ticked among the choices and again among the matches counts once.
            return list(dict.fromkeys(data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])))
        return data.get(name, "")

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # an unticked box sends nothing: nothing sent means nothing chosen

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = context["widget"]["value"]
        context["widget"] |= {
            "multiple": self.multiple,
            "chosen": _titled(chosen),
            "search_form": f"{context['widget']['attrs']['id']}-search",
            "results": options_context(name=name, query=self.query, multiple=self.multiple, exclude=chosen),
        }
        return context


def _titled(codes: Iterable[str]) -> list[tuple[str, str]]:
    return [(code, occupations.OCCUPATIONS[code]) for code in dict.fromkeys(codes) if code in occupations.OCCUPATIONS]


def options_context(
    *, name: str, query: str, multiple: bool, kept: Iterable[str] = (), exclude: Iterable[str] = ()
) -> dict[str, Any]:
    """The matches for `query` as options of the field `name`; `kept` are options ticked before this search,
    shown ticked first, and `exclude` those already shown as chosen."""
    kept_titled = _titled(kept)
    shown = {code for code, _title in kept_titled} | set(exclude)
    return {
        "name": name,
        "multiple": multiple,
        "query": query.strip(),
        "kept": kept_titled,
        "options": [match for match in search_occupations(query) if match.code not in shown],
    }


class OccupationPickerForm(forms.Form):
    """A form with occupation pickers: shows a search made without JavaScript in the picker it was made in."""

    def occupation_pickers(self) -> list[tuple[forms.BoundField, OccupationPicker]]:
        return [
            (self[name], field.widget)
            for name, field in self.fields.items()
            if isinstance(field.widget, OccupationPicker)
        ]

    def show_search(self, params: Mapping[str, str]) -> None:
        for bound, picker in self.occupation_pickers():
            if params.get(FIELD) == bound.html_name:
                picker.query = params.get(QUERY, "")[:LONGEST_QUERY]

    def is_searching(self) -> bool:
        return any(picker.query for _bound, picker in self.occupation_pickers())

    def occupation_searches(self) -> list[dict[str, Any]]:
        """What each picker's own GET form needs: its id, the field it searches for, the endpoint."""
        return [
            {
                "id": f"{bound.auto_id}-search",
                "input_id": bound.auto_id,
                "results_id": f"{bound.auto_id}-results",
                "hidden": {FIELD: bound.html_name, "multiple": "1" if picker.multiple else ""},
                "url": reverse("occupation_search"),
            }
            for bound, picker in self.occupation_pickers()
        ]


def occupation_field(*, multiple: bool, **kwargs: Any) -> forms.Field:
    """A field choosing one occupation (or several) from the list, by the picker."""
    widget = OccupationPicker(multiple=multiple)
    if multiple:
        return forms.MultipleChoiceField(choices=OCCUPATION_CHOICES, widget=widget, **kwargs)
    return forms.ChoiceField(choices=[("", "—"), *OCCUPATION_CHOICES], widget=widget, **kwargs)

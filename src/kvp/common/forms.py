"""Forms rendered with NAV's design system (Aksel) classes, and version-checked editing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest, QueryDict

from kvp.common.versioning import VersionConflict

# The most characters a long free text (a note, a description, the reasons for a decision) may hold: several
# pages, and far from what fills a database. Shorter fields say their own limit.
LONG_TEXT = 10_000

WIDGET_CLASSES: list[tuple[type[forms.widgets.Widget], str]] = [
    (forms.CheckboxInput, "aksel-checkbox__input"),
    (forms.Select, "aksel-select__input aksel-body-short"),
    (forms.Textarea, "aksel-textarea__input aksel-body-long"),
    (forms.widgets.Input, "aksel-text-field__input aksel-body-short"),
]


class AkselFormRenderer(TemplatesSetting):
    field_template_name = "common/field.html"
    form_template_name = "common/form.html"


class AkselForm(forms.Form):
    """Adds the design system's classes and error descriptions to every widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = next((c for widget, c in WIDGET_CLASSES if isinstance(field.widget, widget)), "")
            field.widget.attrs.setdefault("class", css)
            if type(field.widget) in (forms.TextInput, forms.Textarea):
                # People write in any language: the text runs in its own direction, whatever the page's.
                field.widget.attrs.setdefault("dir", "auto")

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                described_by = f"id_{name}-error" + (f" id_{name}_helptext" if field.help_text else "")
                field.widget.attrs |= {"aria-invalid": "true", "aria-describedby": described_by}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Choose a staff member by name."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(empty_label="—", **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name()} ({obj.username})"


class VersionField(forms.IntegerField):
    """The version the user saw; services refuse the save if the record changed since."""

    widget = forms.HiddenInput


class VersionForm(AkselForm):
    """The base of every edit form of a versioned row: carries the version the user loaded, cleaned as an
    int, and on a conflict keeps the user's input with what changed, ready to be saved over the stored version."""

    version = VersionField()
    # False where the same form also creates the row (no version yet: cleaned as 0).
    version_required: ClassVar[bool] = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].required = self.version_required

    def clean_version(self) -> int:
        version: int | None = self.cleaned_data.get("version")
        return version or 0

    def edited_fields(self) -> dict[str, Any]:
        """The cleaned values the user is saving, without the version."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}

    def show_conflict(self, conflict: VersionConflict) -> None:
        self.add_error(None, conflict)
        data = QueryDict(mutable=True)
        data.update(self.data)
        data[self.add_prefix("version")] = str(conflict.stored_version)
        self.data = data


def apply_service_errors(form: AkselForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field if it names one, else on top."""
    if isinstance(error, VersionConflict) and isinstance(form, VersionForm):
        form.show_conflict(error)
    elif hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_problems(form: forms.Form) -> str:
    """All of a form's errors as one line, for forms whose errors are shown as a message, not on the form."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def run_and_report(request: HttpRequest, action: Callable[[], object], done: str) -> bool:
    """Run a service for a one-button form and tell the user how it went; a service's refusal becomes
    the error message (in the user's language) and changes nothing."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True

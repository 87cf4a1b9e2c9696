"""Every free-text field has a length limit, in every form and every API input serializer; the finding was a
2,000,000-character case note stored."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from django import forms
from django.urls import reverse
from rest_framework import serializers

import kvp
from kvp.followup.models import CaseNote
from tests.conftest import World, client_for

HUGE = "a" * 2_000_000


def kvp_modules(suffixes: tuple[str, ...]) -> Iterator[object]:
    for module in pkgutil.walk_packages(kvp.__path__, "kvp."):
        if module.name.rsplit(".", 1)[-1].endswith(suffixes):
            yield importlib.import_module(module.name)


def unlimited_text_fields() -> list[str]:
    found = []
    for module in kvp_modules(("forms", "serializers")):
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not cls.__module__.startswith("kvp."):
                continue
            if _output_only(cls) or _model_serializer_base(cls):
                continue
            if issubclass(cls, forms.BaseForm):
                fields = cls.base_fields
                found += [
                    f"{cls.__module__}.{name}.{field_name}"
                    for field_name, field in fields.items()
                    # a UUID field takes no free text: it refuses anything but an id
                    if isinstance(field, forms.CharField)
                    and not isinstance(field, forms.UUIDField)
                    and field.max_length is None
                ]
            elif issubclass(cls, serializers.Serializer):
                fields = cls().fields
                found += [
                    f"{cls.__module__}.{name}.{field_name}"
                    for field_name, field in fields.items()
                    if isinstance(field, serializers.CharField) and not field.read_only and field.max_length is None
                ]
    return sorted(set(found))


def _model_serializer_base(cls: type) -> bool:
    """A base for model serializers (no Meta of its own): its subclasses are checked."""
    return issubclass(cls, serializers.ModelSerializer) and not hasattr(cls, "Meta")


def _output_only(cls: type) -> bool:
    """Serializers the API only answers with (never fed a request body), and the login form: nothing it holds is
    stored, and Django limits the username itself."""
    return cls.__name__ in OUTPUT_SERIALIZERS


OUTPUT_SERIALIZERS = {
    "ProblemSerializer",
    "ChangedFieldSerializer",
    "ConflictSerializer",
    "PlanCheckSerializer",
    "PlanSerializer",
    "AccessLogEntrySerializer",
    "LoginForm",
}


def test_every_free_text_field_in_forms_and_the_api_has_a_length_limit() -> None:
    assert unlimited_text_fields() == []


@pytest.mark.django_db
def test_a_two_million_character_case_note_is_refused_with_a_message(world: World) -> None:
    url = reverse("note_create", args=[world.participant.pk])
    response = client_for(world.counsellor).post(url, {"title": "Samtale", "text": HUGE})
    assert response.status_code in {200, 400}
    assert "10000" in response.content.decode().replace("\xa0", "").replace(" ", "")
    assert not CaseNote.objects.exists()

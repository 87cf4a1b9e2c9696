from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any, TypeVar

from django.core.validators import RegexValidator
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from kvp.audit.models import AuditEvent
from kvp.common.forms import LONG_TEXT
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.plans.models import MEASURE_CHOICES, Activity, Goal, Proposal
from kvp.plans.services import ACTIVITY_FIELDS
from kvp.programme.models import END_REASON_CHOICES, STATUS_CHOICES, Case
from kvp.rules.case_status import CaseStatus, EndReason

# What the services refuse that JSON Schema can still say, said in the schema too: free text must hold more than
# spaces (the services strip it). A national identity number is eleven digits with a date and check digits in
# them, more than a pattern says: the schema names its format, `national-id`.
NOT_BLANK = RegexValidator(r"\S", message=serializers.CharField.default_error_messages["blank"])
NATIONAL_ID = re.compile(r"\d{6} ?\d{5}", re.ASCII)


@extend_schema_field({"type": "string", "format": "national-id"})
class NationalIdField(serializers.Field):  # type: ignore[type-arg]
    """A Norwegian national identity number (fødselsnummer or D-number): eleven digits, a space after the date
    allowed. Only the format is published, so that generated examples come from it alone."""

    default_error_messages = {"invalid": serializers.RegexField.default_error_messages["invalid"]}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str) or not NATIONAL_ID.fullmatch(data):
            self.fail("invalid")
        return data

    def to_representation(self, value: Any) -> str:
        return str(value)


class JsonTyped:
    """Input of the JSON type the schema names, nothing else: DRF would store the number 42 as the text "42", the
    string "yes" as true, and the number 1 as a UUID."""

    json_types: tuple[type, ...] = (str,)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool) is not (bool in self.json_types) or not isinstance(data, self.json_types):
            self.fail("invalid")  # type: ignore[attr-defined]
        return super().to_internal_value(data)  # type: ignore[misc]


class Text(JsonTyped, serializers.CharField):
    pass


class Email(JsonTyped, serializers.EmailField):
    pass


class Matching(JsonTyped, serializers.RegexField):
    pass


class Uuid(JsonTyped, serializers.UUIDField):
    pass


class Flag(JsonTyped, serializers.BooleanField):
    json_types = (bool,)


class WholeNumber(JsonTyped, serializers.IntegerField):
    json_types = (int,)


def free_text(**kwargs: Any) -> Text:
    return Text(validators=[NOT_BLANK], **kwargs)


M = TypeVar("M", bound=Model)


class ReadModelSerializer(serializers.ModelSerializer[M]):
    """Rows as they are stored: a field the model lets stay blank keeps saying so in the schema ("" is a valid
    e-mail or choice here), which DRF forgets for read-only fields."""

    def include_extra_kwargs(
        self, kwargs: MutableMapping[str, Any], extra_kwargs: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        allow_blank = kwargs.get("allow_blank", False)
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank:
            kwargs["allow_blank"] = True
        return kwargs


def page_of(item: type[serializers.Serializer[Any]]) -> serializers.Serializer[Any]:
    """One page of `item` rows as LimitOffsetPagination answers it (the function views paginate by hand)."""
    return inline_serializer(
        name=f"Paginated{item.__name__.removesuffix('Serializer')}List",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": item(many=True),
        },
    )


class ParticipantSerializer(ReadModelSerializer[Participant]):
    counsellor = serializers.IntegerField(source="counsellor_id", read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = [
            "id",
            "national_id",
            "first_name",
            "last_name",
            "phone",
            "email",
            "street_address",
            "postal_code",
            "postal_town",
            "preferred_language",
            "needs_interpreter",
            "interpreter_language",
            "shielded",
            "counsellor",
            "version",
        ]
        read_only_fields = fields


class ParticipantCreateSerializer(serializers.Serializer[dict[str, Any]]):
    """Input for registering a participant. Country of birth is accepted but never returned."""

    national_id = NationalIdField()
    first_name = free_text(max_length=100)
    last_name = free_text(max_length=100)
    phone = Text(max_length=20, required=False, default="")
    email = Email(max_length=254, required=False, default="")
    street_address = Text(max_length=200, required=False, default="")
    postal_code = Matching(r"^\d{4}$", max_length=4, required=False, default="")
    postal_town = Text(max_length=80, required=False, default="")
    preferred_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, default="nb")
    needs_interpreter = Flag(default=False)
    interpreter_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False, default="")
    country_of_birth = serializers.ChoiceField(choices=[code for code, name in countries], required=False, default="")
    shielded = Flag(default=False)


class ParticipantCreateSchema(OpenApiSerializerExtension):  # type: ignore[no-untyped-call]
    """An interpreter needs a language: the model's constraint, said in the schema."""

    target_class = ParticipantCreateSerializer

    def map_serializer(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        schema: dict[str, Any] = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        schema["anyOf"] = [
            {"properties": {"needs_interpreter": {"not": {"enum": [True]}}}},
            {"required": ["interpreter_language"], "properties": {"interpreter_language": {"minLength": 1}}},
        ]
        return schema


class CaseSerializer(ReadModelSerializer[Case]):
    class Meta:
        model = Case
        fields = [
            "id",
            "participant",
            "status",
            "end_reason",
            "applied_on",
            "decided_on",
            "starts_on",
            "ends_on",
            "ended_on",
            "version",
        ]
        read_only_fields = fields


class CaseCreateSerializer(serializers.Serializer[dict[str, Any]]):
    applied_on = serializers.DateField()


class CaseTransitionSerializer(serializers.Serializer[dict[str, Any]]):
    target = serializers.ChoiceField(choices=STATUS_CHOICES)
    effective_on = serializers.DateField()
    expected_version = WholeNumber(min_value=1)
    period_end = serializers.DateField(required=False, allow_null=True, default=None)
    end_reason = serializers.ChoiceField(choices=END_REASON_CHOICES, required=False, allow_blank=True, default="")
    comment = Text(max_length=LONG_TEXT, required=False, allow_blank=True, default="")

    def validate_target(self, value: str) -> CaseStatus:
        return CaseStatus(value)

    def validate_end_reason(self, value: str) -> EndReason | None:
        return EndReason(value) if value else None


class AccessReasonSerializer(serializers.Serializer[dict[str, Any]]):
    # At least ten characters besides the spaces around them, as the service asks.
    reason = Text(
        max_length=300,
        validators=[
            RegexValidator(
                r"^\s*\S[\s\S]{8,}\S\s*$",
                message=_("Write a reason of at least 10 characters, e.g. 'Covering for the counsellor today'."),
            )
        ],
    )


class AccessLogEntrySerializer(ReadModelSerializer[AuditEvent]):
    who = serializers.CharField(source="actor.get_full_name")

    class Meta:
        model = AuditEvent
        fields = ["at", "who", "actor_roles", "actor_office_name", "action", "object_type", "reason"]
        read_only_fields = fields


class ProblemSerializer(serializers.Serializer[dict[str, Any]]):
    detail = serializers.CharField()
    code = serializers.CharField()


class ChangedFieldSerializer(serializers.Serializer[dict[str, Any]]):
    field = serializers.CharField()
    name = serializers.CharField(help_text="The field's name in the user's language.")
    value = serializers.CharField(help_text="The stored value, as the user reads it.")


class ConflictSerializer(ProblemSerializer):
    """The row changed since the caller read it (`stale`: its version now, and what it holds), or its state refuses
    the request (`conflict`)."""

    version = serializers.IntegerField(required=False)
    changed = ChangedFieldSerializer(many=True, required=False)


class GoalSerializer(ReadModelSerializer[Goal]):
    class Meta:
        model = Goal
        fields = ["id", "text", "language", "origin", "created_at"]
        read_only_fields = fields


class ActivitySerializer(ReadModelSerializer[Activity]):
    class Meta:
        model = Activity
        fields = ["id", *ACTIVITY_FIELDS, "status", "origin"]
        read_only_fields = fields


class ProposalSerializer(ReadModelSerializer[Proposal]):
    class Meta:
        model = Proposal
        fields = [
            "id",
            "kind",
            "activity",
            "measure_type",
            "text",
            "language",
            "submitted_at",
            "answer_due",
            "status",
            "answer",
            "answered_at",
            "resulting_activity",
        ]
        read_only_fields = fields


class ProposalCreateSerializer(serializers.Serializer[dict[str, Any]]):
    measure_type = serializers.ChoiceField(choices=MEASURE_CHOICES)
    text = free_text(max_length=4000)
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES)
    activity = Uuid(required=False, allow_null=True, default=None)


class PlanCheckSerializer(serializers.Serializer[Any]):
    severity = serializers.CharField()
    text = serializers.CharField()
    items = serializers.ListField(child=serializers.CharField())
    cites = serializers.CharField(source="source", help_text="The legal section or evidence item (E-number).")
    activity = serializers.CharField()


class PlanSerializer(serializers.Serializer[Any]):
    """The current programme period's plan, in the caller's language where it is ours to translate."""

    case = serializers.UUIDField()
    version = serializers.IntegerField()
    agreed_version = serializers.IntegerField(allow_null=True)
    is_agreed = serializers.BooleanField()
    goals = GoalSerializer(many=True)
    activities = ActivitySerializer(many=True)
    proposals = ProposalSerializer(many=True)
    checks = PlanCheckSerializer(many=True)

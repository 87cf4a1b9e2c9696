from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kvp.audit.models import AuditEvent
from kvp.common.forms import LONG_TEXT
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.participants.models import Participant
from kvp.plans.models import MEASURE_CHOICES, Activity, Goal, Proposal
from kvp.plans.services import ACTIVITY_FIELDS
from kvp.programme.models import END_REASON_CHOICES, STATUS_CHOICES, Case
from kvp.rules.case_status import CaseStatus, EndReason


class ParticipantSerializer(serializers.ModelSerializer[Participant]):
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

    national_id = serializers.CharField(max_length=13)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    phone = serializers.CharField(max_length=20, required=False, default="")
    email = serializers.EmailField(max_length=254, required=False, default="")
    street_address = serializers.CharField(max_length=200, required=False, default="")
    postal_code = serializers.RegexField(r"^\d{4}$", max_length=4, required=False, default="")
    postal_town = serializers.CharField(max_length=80, required=False, default="")
    preferred_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, default="nb")
    needs_interpreter = serializers.BooleanField(default=False)
    interpreter_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False, default="")
    country_of_birth = serializers.CharField(max_length=2, required=False, default="")
    shielded = serializers.BooleanField(default=False)


class CaseSerializer(serializers.ModelSerializer[Case]):
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
    expected_version = serializers.IntegerField(min_value=1)
    period_end = serializers.DateField(required=False, allow_null=True, default=None)
    end_reason = serializers.ChoiceField(choices=END_REASON_CHOICES, required=False, allow_blank=True, default="")
    comment = serializers.CharField(max_length=LONG_TEXT, required=False, allow_blank=True, default="")

    def validate_target(self, value: str) -> CaseStatus:
        return CaseStatus(value)

    def validate_end_reason(self, value: str) -> EndReason | None:
        return EndReason(value) if value else None


class AccessReasonSerializer(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=300)


class AccessLogEntrySerializer(serializers.ModelSerializer[AuditEvent]):
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
    """The row changed since the caller read it: its version now, and what it holds."""

    version = serializers.IntegerField()
    changed = ChangedFieldSerializer(many=True)


class GoalSerializer(serializers.ModelSerializer[Goal]):
    class Meta:
        model = Goal
        fields = ["id", "text", "language", "origin", "created_at"]
        read_only_fields = fields


class ActivitySerializer(serializers.ModelSerializer[Activity]):
    class Meta:
        model = Activity
        fields = ["id", *ACTIVITY_FIELDS, "status", "origin"]
        read_only_fields = fields


class ProposalSerializer(serializers.ModelSerializer[Proposal]):
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
    text = serializers.CharField(max_length=4000)
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES)
    activity = serializers.UUIDField(required=False, allow_null=True, default=None)


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

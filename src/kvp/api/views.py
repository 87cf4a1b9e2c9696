"""The REST API: the same access helpers and services as the web pages, with explicit schemas."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ErrorDetail, NotFound, ValidationError
from rest_framework.exceptions import PermissionDenied as DrfPermissionDenied
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler

from kvp.accounts.decorators import is_staff
from kvp.api import serializers as s
from kvp.audit.audit_types import ACCESS_LOG
from kvp.audit.selectors import access_log_for_participant
from kvp.common.ratelimit import RateLimited
from kvp.common.versioning import VersionConflict
from kvp.participants.access import (
    ReasonRequired,
    audit_list_read,
    get_participant_for_reason,
    get_participant_for_user,
    own_access,
    participants_visible_in_lists,
)
from kvp.participants.audit_types import OWN_PAGE, PARTICIPANT_LIST
from kvp.participants.services import access_reason_record, participant_create
from kvp.plans.access import get_plan_for_user
from kvp.plans.models import Activity
from kvp.plans.selectors import current_case, plan_of, plan_warnings
from kvp.plans.services import proposal_submit
from kvp.programme.access import get_case_for_user
from kvp.programme.audit_types import CASE
from kvp.programme.services import case_create, case_transition
from kvp.rules.case_status import TransitionProblem

# A well-formed request the services refuse because of what is stored (the number is registered, the case is open
# or in a status it cannot leave that way) conflicts with the resource's state: 409, not 400.
STATE_CONFLICTS = {"duplicate", "open_case", "stop_needs_decision", *TransitionProblem}


def _codes(error: DjangoValidationError) -> set[str]:
    errors = [item for items in error.error_dict.values() for item in items] if hasattr(error, "error_dict") else []
    return {item.code for item in errors or error.error_list if item.code}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Service errors become 400 with the user's-language message; an edit of a row changed since it was read
    is a 409 with what changed, one the stored state refuses a 409; a missing reason is a 403 code."""
    if isinstance(exc, VersionConflict):
        changed = [{"field": change.name, "name": change.label, "value": change.value} for change in exc.changes]
        return Response(
            {"detail": exc.messages[0], "code": "stale", "version": exc.stored_version, "changed": changed},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, ReasonRequired):
        return Response(
            {"detail": "Record a reason before opening this participant.", "code": "reason_required"},
            status=status.HTTP_403_FORBIDDEN,
        )
    if isinstance(exc, RateLimited):
        return Response({"detail": exc.messages[0], "code": "rate_limited"}, status=status.HTTP_429_TOO_MANY_REQUESTS)
    if isinstance(exc, DjangoValidationError) and _codes(exc) & STATE_CONFLICTS:
        return Response({"detail": exc.messages[0], "code": "conflict"}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = ValidationError(detail)
    response = exception_handler(exc, context)
    if response is not None and isinstance(detail := response.data.get("detail"), ErrorDetail):
        response.data["code"] = detail.code  # every problem answer carries its code, as the schema says
    return response


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404 page, except under /api/, where a path matching no operation (an id that is no UUID) is
    answered in JSON like every other API problem."""
    if not request.path.startswith("/api/"):
        return defaults.page_not_found(request, exception)
    return JsonResponse({"detail": str(NotFound.default_detail), "code": NotFound.default_code}, status=404)


def _user(request: Request) -> Any:
    return request.user


@extend_schema(methods=["GET"], operation_id="v1_participants_list", responses=s.page_of(s.ParticipantSerializer))
@extend_schema(methods=["POST"], request=s.ParticipantCreateSerializer, responses={201: s.ParticipantSerializer})
@api_view(["GET", "POST"])
def participants(request: Request) -> Response:
    """GET: the participants the caller may see listed. POST: a counsellor registers a participant."""
    user = _user(request)
    if request.method == "POST":
        if not user.is_counsellor:
            raise DrfPermissionDenied
        data = s.ParticipantCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        participant = participant_create(actor=user, **data.validated_data)
        return Response(s.ParticipantSerializer(participant).data, status=status.HTTP_201_CREATED)
    if not is_staff(user):
        raise DrfPermissionDenied
    paginator = LimitOffsetPagination()
    rows = paginator.paginate_queryset(participants_visible_in_lists(user), request) or []
    audit_list_read(user, rows, what=PARTICIPANT_LIST)
    return paginator.get_paginated_response(s.ParticipantSerializer(rows, many=True).data)


@extend_schema(responses=s.ParticipantSerializer)
@api_view(["GET"])
def participant_detail(request: Request, participant_id: uuid.UUID) -> Response:
    access = get_participant_for_user(_user(request), participant_id)
    return Response(s.ParticipantSerializer(access.participant).data)


@extend_schema(request=s.AccessReasonSerializer, responses={204: None})
@api_view(["POST"])
def access_reason_create(request: Request, participant_id: uuid.UUID) -> Response:
    user = _user(request)
    participant = get_participant_for_reason(user, participant_id)
    data = s.AccessReasonSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    access_reason_record(actor=user, participant=participant, reason=data.validated_data["reason"])
    return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(methods=["GET"], responses=s.CaseSerializer(many=True))
@extend_schema(methods=["POST"], request=s.CaseCreateSerializer, responses={201: s.CaseSerializer})
@api_view(["GET", "POST"])
def participant_cases(request: Request, participant_id: uuid.UUID) -> Response:
    user = _user(request)
    if request.method == "GET":
        access = get_participant_for_user(user, participant_id, what=CASE)
        return Response(s.CaseSerializer(access.participant.cases.all(), many=True).data)
    access = get_participant_for_user(user, participant_id, for_write=True)
    data = s.CaseCreateSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    case = case_create(actor=user, access=access, applied_on=data.validated_data["applied_on"])
    return Response(s.CaseSerializer(case).data, status=status.HTTP_201_CREATED)


@extend_schema(request=s.CaseTransitionSerializer, responses={200: s.CaseSerializer, 409: s.ConflictSerializer})
@api_view(["POST"])
def case_transitions(request: Request, case_id: uuid.UUID) -> Response:
    user = _user(request)
    case, access = get_case_for_user(user, case_id, for_write=True)
    data = s.CaseTransitionSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    case = case_transition(actor=user, access=access, case=case, **data.validated_data)
    return Response(s.CaseSerializer(case).data)


@extend_schema(responses=s.PlanSerializer)
@api_view(["GET"])
def participant_plan(request: Request, participant_id: uuid.UUID) -> Response:
    """The plan of the current programme period, with the checks; for the participant and staff with access."""
    access = get_plan_for_user(_user(request), participant_id)
    case = current_case(access.participant)
    plan = plan_of(case)
    if case is None or plan is None:
        raise NotFound
    return Response(
        s.PlanSerializer(
            {
                "case": case.pk,
                "version": plan.version,
                "agreed_version": plan.agreed_version,
                "is_agreed": plan.is_agreed,
                "goals": plan.goals.filter(removed=False),
                "activities": plan.activities.all(),
                "proposals": plan.proposals.all(),
                "checks": plan_warnings(case, plan),
            }
        ).data
    )


@extend_schema(request=s.ProposalCreateSerializer, responses={201: s.ProposalSerializer})
@api_view(["POST"])
def plan_proposals(request: Request, participant_id: uuid.UUID) -> Response:
    """The participant proposes an activity, or a change to one of theirs (sotjl. § 42)."""
    access = get_participant_for_user(_user(request), participant_id, for_write=True, self_service=True)
    if not access.is_self:
        raise DrfPermissionDenied
    data = s.ProposalCreateSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    case = current_case(access.participant)
    if case is None:
        raise NotFound
    activity_id = data.validated_data.pop("activity")
    activity = Activity.objects.filter(pk=activity_id, plan__case=case).first() if activity_id else None
    if activity_id and activity is None:
        raise ValidationError({"activity": [_("Choose one of your plan's activities.")]})
    proposal = proposal_submit(actor=_user(request), access=access, case=case, activity=activity, **data.validated_data)
    return Response(s.ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


@extend_schema(responses=s.ParticipantSerializer)
@api_view(["GET"])
def me(request: Request) -> Response:
    return Response(s.ParticipantSerializer(own_access(_user(request), what=OWN_PAGE).participant).data)


@extend_schema(responses=s.page_of(s.AccessLogEntrySerializer))
@api_view(["GET"])
def my_access_log(request: Request) -> Response:
    participant = own_access(_user(request), what=ACCESS_LOG).participant
    paginator = LimitOffsetPagination()
    rows = paginator.paginate_queryset(access_log_for_participant(participant), request) or []
    return paginator.get_paginated_response(s.AccessLogEntrySerializer(rows, many=True).data)

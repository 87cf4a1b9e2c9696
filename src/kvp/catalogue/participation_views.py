"""The participant's measures: applications and places, their statuses, and changes providers ask for."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.catalogue.access import get_participation_for_user, get_provider_change_for_user
from kvp.catalogue.advice import recommendations_for
from kvp.catalogue.audit_types import PARTICIPATION, RECOMMENDATIONS
from kvp.catalogue.forms import (
    ParticipationRegisterForm,
    ParticipationUpdateForm,
    ProviderChangeDecisionForm,
    ProviderChangeForm,
)
from kvp.catalogue.models import Offer, Participation
from kvp.catalogue.participations import (
    participation_register,
    participation_update,
    provider_change_decide,
    provider_change_register,
)
from kvp.catalogue.selectors import offers_for, participation_rows
from kvp.common.forms import AkselForm, apply_service_errors, form_problems
from kvp.common.idempotency import submitted_once
from kvp.participants.access import ParticipantAccess, get_participant_for_user
from kvp.wording.services import record_from_post


def _page(
    request: AuthedRequest, access: ParticipantAccess, *, status: int = 200, bound: dict[str, AkselForm] | None = None
) -> HttpResponse:
    participant = access.participant
    offers = Offer.objects.filter(provider__office_id=participant.office_id).select_related("provider")
    bound = bound or {}

    def update_form(participation: Participation) -> AkselForm:
        key = f"update-{participation.pk}"
        return bound.get(key) or ParticipationUpdateForm(
            prefix=key, initial={"version": participation.version, "status": participation.status}
        )

    rows = [
        (row, update_form(row.participation) if row.can_update else None) for row in participation_rows(access=access)
    ]
    return render(
        request,
        "catalogue/participations.html",
        {
            "participant": participant,
            "access": access,
            "participations": rows,
            "register_form": bound.get("register") or ParticipationRegisterForm(prefix="register", offers=offers),
            "change_form": ProviderChangeForm(prefix="change"),
            "decision_form": ProviderChangeDecisionForm(prefix="decision"),
        },
        status=status,
    )


@login_required
def participations(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, what=PARTICIPATION)
    return _page(request, access)


def _done(request: AuthedRequest, participant_id: uuid.UUID, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("participations", participant_id)


@login_required
@require_POST
@submitted_once
def participation_register_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    offers = Offer.objects.filter(provider__office_id=access.participant.office_id)
    form = ParticipationRegisterForm(request.POST, prefix="register", offers=offers)
    if form.is_valid():
        try:
            participation_register(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _done(request, participant_id, _("The application is registered."))
    return _page(request, access, status=400, bound={"register": form})


@login_required
@require_POST
def participation_update_view(
    request: AuthedRequest, participant_id: uuid.UUID, participation_id: uuid.UUID
) -> HttpResponse:
    participation, access = get_participation_for_user(request.user, participant_id, participation_id, for_write=True)
    key = f"update-{participation.pk}"
    form = ParticipationUpdateForm(request.POST, prefix=key)
    if form.is_valid():
        data: dict[str, Any] = dict(form.cleaned_data)
        try:
            participation_update(
                actor=request.user, access=access, participation=participation, seen_version=data.pop("version"), **data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            record_from_post(
                office=access.participant.office,
                source="employer_feedback",
                text=data.get("employer_feedback", ""),
                data=request.POST,
            )
            return _done(request, participant_id, _("The participation is updated."))
    return _page(request, access, status=400, bound={key: form})


@login_required
@require_POST
@submitted_once
def provider_change_view(
    request: AuthedRequest, participant_id: uuid.UUID, participation_id: uuid.UUID
) -> HttpResponse:
    participation, access = get_participation_for_user(request.user, participant_id, participation_id, for_write=True)
    form = ProviderChangeForm(request.POST, prefix="change")
    try:
        if not form.is_valid():
            raise ValidationError(form_problems(form))
        provider_change_register(
            actor=request.user, access=access, participation=participation, fields=form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _page(request, access, status=400)
    return _done(request, participant_id, _("The provider's request is registered. Decide on it below."))


@login_required
@require_POST
def provider_change_decide_view(
    request: AuthedRequest, participant_id: uuid.UUID, change_id: uuid.UUID
) -> HttpResponse:
    change, access = get_provider_change_for_user(request.user, participant_id, change_id, for_write=True)
    form = ProviderChangeDecisionForm(request.POST, prefix="decision")
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose approve or reject."))
        provider_change_decide(actor=request.user, access=access, change=change, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _page(request, access, status=400)
    return _done(request, participant_id, _("Your decision on the provider's request is saved."))


@login_required
def recommendations(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    """Offers ranked for the participant with the evidence behind each (E3, E4, E9, E11); the participant
    sees their own. A fit for discussion, not a decision: the participant and counsellor choose."""
    access = get_participant_for_user(request.user, participant_id, what=RECOMMENDATIONS, self_service=True)
    participant = access.participant
    offers = list(offers_for(request.user).filter(provider__office_id=participant.office_id))
    ranked = recommendations_for(participant, offers, to_participant=access.is_self)
    return render(
        request,
        "catalogue/recommendations.html",
        {
            "participant": participant,
            "access": access,
            "available": [r for r in ranked if r.available][:12],
            "blocked": [r for r in ranked if not r.available][:12],
        },
    )

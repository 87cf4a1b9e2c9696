"""Discrimination incidents in the browser (E12): counsellors record and follow up, leaders see them per
employer. A participant named in one is loaded through get_participant_for_user, so reads are logged."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kvp.accounts.decorators import require_staff
from kvp.accounts.requests import AuthedRequest
from kvp.catalogue.access import get_incident_for_user
from kvp.catalogue.audit_types import INCIDENT
from kvp.catalogue.forms import IncidentForm
from kvp.catalogue.incidents import INCIDENT_FIELDS, incident_record, incident_update, may_record_incidents
from kvp.catalogue.models import Incident, Provider
from kvp.catalogue.selectors import incidents_by_provider
from kvp.common.forms import apply_service_errors
from kvp.common.idempotency import submitted_once
from kvp.participants.access import ParticipantAccess, get_participant_for_user
from kvp.wording.models import WordingOutcome
from kvp.wording.services import record_from_post


def _providers(request: AuthedRequest) -> QuerySet[Provider]:
    return Provider.objects.filter(office_id=request.user.office_id or 0).order_by("name")


@login_required
@require_staff
def incident_list(request: AuthedRequest) -> HttpResponse:
    """Incidents per employer or provider at the office: dates and status, no texts and no names."""
    return render(
        request,
        "catalogue/incidents.html",
        {
            "groups": incidents_by_provider(request.user.office_id or 0),
            "may_record": may_record_incidents(request.user),
        },
    )


@login_required
@require_staff
@submitted_once
def incident_create(request: AuthedRequest, participant_id: uuid.UUID | None = None) -> HttpResponse:
    user = request.user
    access = None
    if participant_id is not None:
        access = get_participant_for_user(user, participant_id, what=INCIDENT, for_write=True)
    if not may_record_incidents(user):
        raise PermissionDenied
    posted = request.POST if request.method == "POST" else None
    initial: dict[str, str] = {"consent": Incident.Consent.NOT_ASKED, "status": Incident.Status.OPEN}
    if request.method == "GET" and (chosen := request.GET.get("tilbyder")):
        initial["provider"] = chosen
    form = IncidentForm(posted, providers=_providers(request), initial=initial, prefix="incident")
    if posted is not None and form.is_valid():
        try:
            incident = incident_record(
                actor=user, provider=form.cleaned_data["provider"], fields=form.incident_fields(), access=access
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            _record_wording(incident, form, request)
            messages.success(request, _("The incident is recorded."))
            return redirect("incident_detail", incident.pk)
    return _form_page(request, form, access, None, posted=posted is not None)


@login_required
def incident_detail(request: AuthedRequest, incident_id: uuid.UUID) -> HttpResponse:
    incident, access = get_incident_for_user(request.user, incident_id, for_write=False)
    may_edit = may_record_incidents(request.user) and (access is None or access.can_write)
    return render(
        request,
        "catalogue/incident_detail.html",
        {"incident": incident, "participant": access.participant if access else None, "may_edit": may_edit},
    )


@login_required
def incident_edit(request: AuthedRequest, incident_id: uuid.UUID) -> HttpResponse:
    incident, access = get_incident_for_user(request.user, incident_id, for_write=True)
    posted = request.POST if request.method == "POST" else None
    initial = {name: getattr(incident, name) for name in INCIDENT_FIELDS}
    initial |= {"provider": incident.provider_id, "version": incident.version}
    form = IncidentForm(posted, providers=_providers(request), initial=initial, prefix="incident")
    if posted is not None and form.is_valid():
        try:
            saved = incident_update(
                actor=request.user,
                incident=incident,
                fields=form.incident_fields(),
                seen_version=form.cleaned_data["version"],
                access=access,
                provider=form.cleaned_data["provider"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            _record_wording(saved, form, request)
            messages.success(request, _("The incident is saved."))
            return redirect("incident_detail", saved.pk)
    return _form_page(request, form, access, incident, posted=posted is not None)


def _form_page(
    request: AuthedRequest,
    form: IncidentForm,
    access: ParticipantAccess | None,
    incident: Incident | None,
    *,
    posted: bool,
) -> HttpResponse:
    """The incident form, new or to edit; a form that came back is a bad request."""
    return render(
        request,
        "catalogue/incident_form.html",
        {"form": form, "participant": access.participant if access else None, "incident": incident},
        status=400 if posted else 200,
    )


def _record_wording(incident: Incident, form: IncidentForm, request: AuthedRequest) -> None:
    record_from_post(
        office=incident.provider.office,
        source=WordingOutcome.Source.INCIDENT,
        text=form.cleaned_data["what_happened"],
        data=request.POST,
    )

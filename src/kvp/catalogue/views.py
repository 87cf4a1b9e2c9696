"""The catalogue in the browser: everyone browses and filters; leaders and administrators edit; a
participant says "I'm interested"; a counsellor shares an offer into a participant's dialog."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.decorators import is_staff
from kvp.accounts.models import Office, User
from kvp.accounts.requests import AuthedRequest
from kvp.audit.services import audit_list_record
from kvp.catalogue.access import get_offer_for_user
from kvp.catalogue.forms import CatalogueFilterForm, OfferForm, ProviderForm, offer_initial
from kvp.catalogue.models import Offer
from kvp.catalogue.selectors import (
    filtered,
    offer_words,
    offers_for,
    providers_for,
    providers_with_unresolved_incidents,
)
from kvp.catalogue.services import may_edit_catalogue, offer_save, provider_save
from kvp.common.forms import apply_service_errors
from kvp.common.idempotency import submitted_once
from kvp.dialog.services import thread_start
from kvp.participants.access import get_participant_for_user, own_access, participants_visible_in_lists
from kvp.participants.audit_types import PARTICIPANT_LIST
from kvp.plans.audit_types import PROPOSAL
from kvp.plans.selectors import current_case
from kvp.plans.services import proposal_submit
from kvp.rules.access import Basis

PAGE_SIZE = 25


def _flagged(user: User) -> set[uuid.UUID]:
    """Employers and providers with an unresolved discrimination incident, shown to staff (E12)."""
    return providers_with_unresolved_incidents() if user.participant_id is None else set()


def _require_browser(request: AuthedRequest) -> None:
    user = request.user
    if not (user.participant_id or is_staff(user) or user.is_administrator):
        raise PermissionDenied


@login_required
def catalogue(request: AuthedRequest) -> HttpResponse:
    _require_browser(request)
    form = CatalogueFilterForm(request.GET or None)
    offers = offers_for(request.user)
    if form.is_valid():
        offers = filtered(offers, form.cleaned_data)
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "catalogue/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_edit": may_edit_catalogue(request.user, request.user.office),
            "flagged": _flagged(request.user),
        },
    )


@login_required
def offer_detail(request: AuthedRequest, offer_id: uuid.UUID) -> HttpResponse:
    _require_browser(request)
    offer = get_offer_for_user(request.user, offer_id)
    user = request.user
    share_to = list(participants_visible_in_lists(user).filter(counsellor=user)) if user.is_counsellor else None
    if share_to:  # their names are listed to choose from: a list read, logged
        audit_list_record(
            actor=user,
            participants=share_to,
            object_type=PARTICIPANT_LIST,
            basis=Basis.ASSIGNED,
        )
    return render(
        request,
        "catalogue/detail.html",
        {
            "offer": offer,
            "words": offer_words(offer=offer),
            "may_edit": may_edit_catalogue(user, offer.provider.office),
            "shows_cost": user.participant_id is None,  # what a place costs NAV is for staff
            "may_show_interest": user.participant_id is not None,
            "share_to": share_to,
            "flagged": _flagged(user),
        },
    )


def _edit_page(request: AuthedRequest, template: str, context: dict[str, Any], *, posted: bool) -> HttpResponse:
    return render(request, template, context, status=400 if posted else 200)


@login_required
def offer_edit(request: AuthedRequest, offer_id: uuid.UUID | None = None) -> HttpResponse:
    user = request.user
    offer = get_object_or_404(Offer.objects.select_related("provider__office"), pk=offer_id) if offer_id else None
    if not may_edit_catalogue(user, offer.provider.office if offer else user.office):
        raise PermissionDenied
    providers = providers_for(user)
    initial = offer_initial(offer) | {"version": offer.version} if offer else {"workplace_language": "nb"}
    form = OfferForm(request.POST if request.method == "POST" else None, providers=providers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = offer_save(
                actor=user,
                provider=form.cleaned_data["provider"],
                fields=form.offer_fields(),
                offer=offer,
                seen_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The offer is saved in the catalogue."))
            return redirect("offer_detail", saved.pk)
    return _edit_page(
        request, "catalogue/offer_form.html", {"form": form, "offer": offer}, posted=request.method == "POST"
    )


@login_required
def provider_list(request: AuthedRequest) -> HttpResponse:
    if not may_edit_catalogue(request.user, request.user.office):
        raise PermissionDenied
    return render(
        request,
        "catalogue/providers.html",
        {"providers": providers_for(request.user), "flagged": _flagged(request.user)},
    )


@login_required
def provider_edit(request: AuthedRequest, provider_id: uuid.UUID | None = None) -> HttpResponse:
    user = request.user
    provider = get_object_or_404(providers_for(user), pk=provider_id) if provider_id else None
    office = provider.office if provider else user.office
    if office is None and user.is_administrator:
        office = Office.objects.order_by("name").first()
    if not may_edit_catalogue(user, office) or office is None:
        raise PermissionDenied
    initial = {name: getattr(provider, name) for name in ProviderForm.base_fields if hasattr(provider, name)}
    form = ProviderForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.edited_fields()
        try:
            provider_save(
                actor=user,
                office=office,
                fields=fields,
                provider=provider,
                seen_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The provider is saved."))
            return redirect("provider_list")
    incidents = list(provider.incidents.order_by("-happened_on")) if provider else None
    return _edit_page(
        request,
        "catalogue/provider_form.html",
        {"form": form, "provider": provider, "incidents": incidents},
        posted=request.method == "POST",
    )


@login_required
@require_POST
@submitted_once
def offer_interest(request: AuthedRequest, offer_id: uuid.UUID) -> HttpResponse:
    """The participant says "I'm interested": a proposal the counsellor must answer (§ 42; E1)."""
    user = request.user
    access = own_access(user, what=PROPOSAL, for_write=True)
    offer = get_offer_for_user(user, offer_id)
    case = current_case(access.participant)
    if case is None:
        messages.error(request, _("You have no programme yet. Talk to your counsellor first."))
        return redirect("offer_detail", offer.pk)
    try:
        proposal_submit(
            actor=user,
            access=access,
            case=case,
            measure_type=offer.measure_type,
            offer_id=offer.pk,
            text=_("I am interested in: %(title)s") % {"title": offer.title},
            language=access.participant.preferred_language,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("offer_detail", offer.pk)
    messages.success(request, _("Your counsellor is told that you are interested, and must answer you."))
    return redirect("plan", access.participant.pk)


@login_required
@require_POST
@submitted_once
def offer_share(request: AuthedRequest, offer_id: uuid.UUID) -> HttpResponse:
    """The counsellor sends the offer into the participant's dialog (E10: what the offer is, in plain words)."""
    offer = get_offer_for_user(request.user, offer_id)
    participant_id = request.POST.get("participant", "")
    try:
        uuid.UUID(participant_id)
    except ValueError:
        messages.error(request, _("Choose a participant."))
        return redirect("offer_detail", offer.pk)
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    link = request.build_absolute_uri(reverse("offer_detail", args=[offer.pk]))
    text = f"{offer.title} – {offer.provider.name}\n\n{offer.content}\n\n{link}"
    try:
        thread = thread_start(actor=request.user, access=access, subject=offer.title, text=text, language="nb")
    except ValidationError as error:  # e.g. too many threads started in a short time
        messages.error(request, " ".join(error.messages))
        return redirect("offer_detail", offer.pk)
    messages.success(request, _("The offer is shared with the participant."))
    return redirect("dialog_thread", thread.pk)

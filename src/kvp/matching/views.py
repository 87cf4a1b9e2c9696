"""Wishes (the participant's, on a phone), matching runs (leader and counsellors), and the proposals a run
makes: the counsellor decides, the participant confirms (issue 6)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kvp.audit.models import AuditEvent
from kvp.common.forms import apply_service_errors
from kvp.common.requests import AuthedRequest
from kvp.matching.forms import WishesForm
from kvp.matching.models import MAX_WISHES, Preference
from kvp.matching.wishes import wishable_offers, wishes_set
from kvp.participants.access import get_participant_for_user


@login_required
def wishes(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    posted = request.method == "POST"
    access = get_participant_for_user(
        request.user, participant_id, what=AuditEvent.What.WISHES, for_write=posted, self_service=True
    )
    participant = access.participant
    offers = list(wishable_offers(participant))
    chosen = Preference.objects.filter(participant=participant).select_related("offer__provider")
    current = {f"wish_{w.rank}": str(w.offer_id) for w in chosen}
    form = WishesForm(request.POST if posted else None, offers=offers, initial=current)
    if posted and form.is_valid():
        try:
            wishes_set(actor=request.user, access=access, offer_ids=form.offer_ids())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your wishes are saved.") if access.is_self else _("The wishes are saved."))
            return redirect("wishes", participant_id)
    return render(
        request,
        "matching/wishes.html",
        {
            "form": form,
            "participant": participant,
            "access": access,
            "max_wishes": MAX_WISHES,
            "wishes": chosen,
        },
        status=400 if posted else 200,
    )

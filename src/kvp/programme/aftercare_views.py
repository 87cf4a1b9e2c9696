"""The after-care page (E16): one follow-up, its attempts, and the counsellor's record of the situation."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import DateInput, VersionForm, apply_service_errors
from kvp.common.idempotency import SubmitOnceForm, submitted_once
from kvp.participants.access import get_participant_for_user
from kvp.programme.aftercare import aftercare_record
from kvp.programme.audit_types import AFTERCARE
from kvp.programme.models import BENEFIT_LABELS, CHANNEL_LABELS, SITUATION_LABELS, AftercareFollowUp
from kvp.rules.aftercare import Benefit, Channel, Situation


class AftercareForm(SubmitOnceForm, VersionForm):
    contacted_on = forms.DateField(label=gettext_lazy("Date of contact"), widget=DateInput())
    channel = forms.ChoiceField(label=gettext_lazy("How"), choices=list(CHANNEL_LABELS.items()))
    situation = forms.ChoiceField(
        label=gettext_lazy("The person's situation"),
        choices=list(SITUATION_LABELS.items()),
        widget=forms.RadioSelect,
        help_text=gettext_lazy("If you did not reach the person, choose “Not reached”: you can try again later."),
    )
    benefit = forms.ChoiceField(
        label=gettext_lazy("Which benefit"),
        choices=[("", "—"), *BENEFIT_LABELS.items()],
        required=False,
        help_text=gettext_lazy("Only when the person is on another benefit."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), max_length=300, required=False)


@login_required
@submitted_once
def aftercare_record_view(request: AuthedRequest, participant_id: uuid.UUID, follow_up_id: uuid.UUID) -> HttpResponse:
    """Show a follow-up after the programme; the counsellor records the person's situation (POST)."""
    writing = request.method == "POST"
    access = get_participant_for_user(request.user, participant_id, what=AFTERCARE, for_write=writing)
    follow_up = (
        AftercareFollowUp.objects.select_related("case")
        .prefetch_related("contacts__recorded_by")
        .filter(pk=follow_up_id, case__participant=access.participant)
        .first()
    )
    if follow_up is None:
        raise Http404
    done = follow_up.status == AftercareFollowUp.Status.DONE
    form = None
    status = 200
    if access.can_write and not done:
        form = AftercareForm(
            request.POST if writing else None,
            initial={"contacted_on": timezone.localdate(), "version": follow_up.version, "channel": Channel.PHONE},
        )
        if writing and form.is_valid():
            data = form.cleaned_data
            try:
                aftercare_record(
                    actor=request.user,
                    access=access,
                    follow_up=follow_up,
                    contacted_on=data["contacted_on"],
                    channel=Channel(data["channel"]),
                    situation=Situation(data["situation"]),
                    benefit=Benefit(data["benefit"]) if data["benefit"] else None,
                    note=data["note"],
                    expected_version=data["version"],
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The follow-up is recorded."))
                return redirect("participant_detail", access.participant.pk)
        if writing:
            status = 400
    elif writing:
        messages.error(request, _("This follow-up is already recorded."))
        return redirect("participant_detail", access.participant.pk)
    contacts = [
        {
            "contact": contact,
            "situation": SITUATION_LABELS.get(Situation(contact.situation)),
            "benefit": BENEFIT_LABELS.get(Benefit(contact.benefit)) if contact.benefit else "",
            "channel": CHANNEL_LABELS.get(Channel(contact.channel)),
        }
        for contact in follow_up.contacts.all()
    ]
    context = {"participant": access.participant, "follow_up": follow_up, "contacts": contacts, "form": form}
    return render(request, "programme/aftercare.html", context, status=status)

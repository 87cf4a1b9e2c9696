"""Check-in pages: the participant answers on their phone in their language; staff read the history."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import apply_service_errors
from kvp.common.i18n import reviewed_language
from kvp.motivation.access import get_checkin_for_user
from kvp.motivation.audit_types import CHECKIN
from kvp.motivation.forms import CheckinForm
from kvp.motivation.instruments import instrument_for
from kvp.motivation.selectors import answer_rows, answered_in_draft, history_for, motivation_alerts_shown
from kvp.motivation.services import checkin_answer, checkin_start_optional
from kvp.participants.access import get_participant_for_user, own_access
from kvp.rules.motivation import RTL_LANGUAGES, Instrument

DRAFT_NOTICE = gettext_noop("This translation is a draft: a qualified translator has not checked it yet.")
DRAFT_REFERENCE = gettext_noop("The checked wording is shown under each text.")


def _direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def _draft(instrument: Instrument, language: str) -> dict[str, Any] | None:
    """How a draft translation is marked, so it never passes for a checked one: a notice in a checked language,
    and the checked wording (`reference`) under each text. None for a checked translation."""
    if not instrument.needs_review(language):
        return None
    reference = instrument.reference_language
    notice_language = reviewed_language(reference or "", [DRAFT_NOTICE, DRAFT_REFERENCE])
    with translation.override(notice_language):
        notice = _(DRAFT_NOTICE) + (" " + _(DRAFT_REFERENCE) if reference else "")
    return {
        "notice": notice,
        "language": notice_language,
        "dir": _direction(notice_language),
        "reference": reference,
        "reference_dir": _direction(reference or ""),
        "ui": {key: texts[reference] for key, texts in instrument.ui.items()} if reference else {},
    }


def _language(request: AuthedRequest, instrument: Instrument, preferred: str) -> str:
    """The language asked for (?sprak=), else the participant's preferred one if the instrument has it, else
    its default (bokmål for ours)."""
    chosen = request.POST.get("sprak") or request.GET.get("sprak") or preferred
    return instrument.language_for(chosen)


@login_required
@require_POST
def my_checkin_start(request: AuthedRequest) -> HttpResponse:
    """The participant answers a check-in now: the one waiting, or a new optional one."""
    access = own_access(request.user, what=CHECKIN)
    checkin = checkin_start_optional(actor=request.user, access=access, today=timezone.localdate())
    return redirect("my_checkin_answer", checkin.pk)


@login_required
def my_checkin_answer(request: AuthedRequest, checkin_id: uuid.UUID) -> HttpResponse:
    checkin, access = get_checkin_for_user(request.user, checkin_id)
    if checkin.is_answered:
        return redirect("my_checkin_thanks", checkin.pk)
    instrument = instrument_for(checkin.instrument_key, checkin.instrument_version)
    language = _language(request, instrument, access.participant.preferred_language)
    form = CheckinForm(request.POST if request.method == "POST" else None, instrument=instrument, language=language)
    if request.method == "POST" and form.is_valid():
        answers, open_answers = form.answers()
        try:
            checkin_answer(
                actor=request.user,
                access=access,
                checkin_id=checkin.pk,
                language=language,
                answers=answers,
                open_answers=open_answers,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(f"{reverse('my_checkin_thanks', args=[checkin.pk])}?sprak={language}")
    return render(
        request,
        "motivation/answer.html",
        {
            "checkin": checkin,
            "instrument": instrument,
            "language": language,
            "rtl": language in RTL_LANGUAGES,
            "ui": {key: texts[language] for key, texts in instrument.ui.items()},
            "form": form,
            "rows": form.rows(),
            "languages": list(instrument.languages.items()),
            "draft": _draft(instrument, language),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def my_checkin_thanks(request: AuthedRequest, checkin_id: uuid.UUID) -> HttpResponse:
    checkin, access = get_checkin_for_user(request.user, checkin_id)
    instrument = instrument_for(checkin.instrument_key, checkin.instrument_version)
    language = _language(request, instrument, checkin.language or access.participant.preferred_language)
    return render(
        request,
        "motivation/thanks.html",
        {
            "language": language,
            "rtl": language in RTL_LANGUAGES,
            "ui": {key: texts[language] for key, texts in instrument.ui.items()},
            "draft": _draft(instrument, language),
        },
    )


@login_required
def motivation_history(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    """Staff: every answered check-in, the scores over time and the alerts."""
    access = get_participant_for_user(request.user, participant_id, what=CHECKIN)
    participant = access.participant
    today = timezone.localdate()
    history = history_for(participant.pk, today)
    return render(
        request,
        "motivation/history.html",
        {
            "participant": participant,
            "access": access,
            "history": history,
            "alerts": motivation_alerts_shown(participant_id=participant.pk, today=today),
            "answered": [
                (row, answer_rows(row.checkin), answered_in_draft(row.checkin)) for row in reversed(history.rows)
            ],
        },
    )

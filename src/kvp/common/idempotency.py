"""Double submits stored once. Every create form carries a random key, new with each render of the form; the
first POST with it claims it (a unique row) and does the work, and any later POST with the same key gets the
first one's redirect without doing the work again. A POST the form refused gives the key back, so the user
can correct the form and send it again.

Use: the form inherits SubmitOnceForm, the view is decorated with @submitted_once (inside @login_required)."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from kvp.common.models import Submission

FIELD = "submission"
KEY_LENGTH = 64
KEPT = datetime.timedelta(days=1)  # long enough for any resend; old keys are cleared as new ones come


def new_key() -> str:
    return secrets.token_urlsafe(32)


class SubmitOnceForm(forms.Form):
    """Carries the one-time key as a hidden field; the key is not part of the cleaned values."""

    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=KEY_LENGTH, initial=new_key)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned.pop(FIELD, None)
        return cleaned


def submitted_once(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = _submitted_key(request)
        if not key or len(key) > KEY_LENGTH or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        user_id = request.user.pk
        with transaction.atomic():
            try:
                with transaction.atomic():
                    claim = Submission.objects.create(user_id=user_id, key=key)
            except IntegrityError:
                return _first_answer(user_id, key)
            Submission.objects.filter(user_id=user_id, created_at__lt=timezone.now() - KEPT).delete()
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseRedirect):
                claim.location = response["Location"][:2000]
                claim.save(update_fields=["location"])
            elif response.status_code >= 400:
                claim.delete()
        return response

    return wrapper


def _submitted_key(request: HttpRequest) -> str:
    """The key the POST carries, also from a form with a prefix ("<prefix>-submission")."""
    if request.method != "POST":
        return ""
    return next((str(value) for name, value in request.POST.items() if name.split("-")[-1] == FIELD), "")


def _first_answer(user_id: int, key: str) -> HttpResponse:
    """What the first POST with this key was answered: its redirect, or nothing new to show."""
    location = Submission.objects.filter(user_id=user_id, key=key).values_list("location", flat=True).first()
    return HttpResponseRedirect(location) if location else HttpResponse(status=204)

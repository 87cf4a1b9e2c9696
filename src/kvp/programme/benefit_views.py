"""Absence and the benefit statement: for the counsellor, and the participant's own view."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kvp.audit.models import AuditEvent
from kvp.common.forms import apply_service_errors
from kvp.common.requests import AuthedRequest
from kvp.participants.access import ParticipantAccess, get_participant_for_user
from kvp.participants.self_service import own_access
from kvp.programme.benefits import absence_register, assessed_absences, benefit_for_period, payment_periods
from kvp.programme.forms import AbsenceForm
from kvp.programme.models import Case, Decision
from kvp.rules.absence import AbsenceReason, deduction_needs_decision
from kvp.rules.benefit import UnknownRateDateError

REASON_LABELS = {
    AbsenceReason.DOCUMENTED_ILLNESS: gettext_lazy("Valid: documented illness"),
    AbsenceReason.SELF_DECLARATION_TOO_LONG: gettext_lazy(
        "Longer than a self-declaration covers: the days after it are unexcused unless a doctor's note comes"
    ),
    AbsenceReason.NOT_DOCUMENTED: gettext_lazy("Unexcused: no self-declaration or doctor's note"),
    AbsenceReason.LEAVE_GRANTED: gettext_lazy("Valid: leave granted"),
    AbsenceReason.LEAVE_NOT_GRANTED: gettext_lazy("Unexcused: leave was not granted"),
    AbsenceReason.NOT_PERMITTED: gettext_lazy("Unexcused absence"),
}


def _case_access(request: AuthedRequest, case_id: uuid.UUID, *, for_write: bool) -> tuple[Case, ParticipantAccess]:
    case = get_object_or_404(Case.objects.select_related("participant__office"), pk=case_id)
    return case, get_participant_for_user(request.user, case.participant_id, what=AuditEvent.What.CASE,
                                          for_write=for_write)  # fmt: skip


def _statement_context(case: Case, requested: str | None) -> dict[str, object]:
    periods = payment_periods(case)
    today = timezone.localdate()
    index = next((i for i, period in enumerate(periods) if today in period), len(periods) - 1)
    if requested is not None and requested.isdigit() and int(requested) < len(periods):
        index = int(requested)
    statement, missing_rate = None, None
    if periods:
        try:
            statement = benefit_for_period(case, periods[index])
        except UnknownRateDateError as error:
            missing_rate = error.day
    absences = [
        {"absence": item, "assessment": assessment, "label": REASON_LABELS[assessment.reason]}
        for item, assessment in assessed_absences(case)
    ]
    grant = case.decisions.filter(kind=Decision.Kind.GRANT, status=Decision.Status.APPROVED).first()
    return {
        "case": case,
        "participant": case.participant,
        "periods": list(enumerate(periods)),
        "index": index,
        "statement": statement,
        "missing_rate": missing_rate,
        "absences": absences,
        "deduction_needs_decision": grant is not None
        and deduction_needs_decision(reserved_in_decision=grant.reserve_deduction),
    }


@login_required
def payments_view(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    case, access = _case_access(request, case_id, for_write=False)
    context = _statement_context(case, request.GET.get("periode"))
    context["absence_form"] = AbsenceForm() if access.can_write else None
    return render(request, "programme/payments.html", context)


@login_required
def absence_create(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    if request.method != "POST":
        return redirect("payments", case_id)
    case, access = _case_access(request, case_id, for_write=True)
    form = AbsenceForm(request.POST)
    if form.is_valid():
        try:
            absence_register(actor=request.user, access=access, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The absence is registered."))
            return redirect("payments", case.pk)
    context = _statement_context(case, None) | {"absence_form": form}
    return render(request, "programme/payments.html", context, status=400)


@login_required
def my_payments(request: AuthedRequest) -> HttpResponse:
    """The participant's own statement: every line of their benefit, and their absence."""
    participant = own_access(request, what=AuditEvent.What.CASE).participant
    case = participant.cases.filter(starts_on__isnull=False).select_related("participant__office").first()
    if case is None:
        raise PermissionDenied
    return render(request, "programme/payments.html", _statement_context(case, request.GET.get("periode")))

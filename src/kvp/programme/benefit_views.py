"""Absence and the benefit statement: for the counsellor, and the participant's own view."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import AkselForm, apply_service_errors, run_and_report
from kvp.participants.access import own_access
from kvp.programme.access import get_absence_for_user, get_case_for_user
from kvp.programme.audit_types import CASE
from kvp.programme.benefits import (
    absence_register,
    absence_respond,
    assessed_absences,
    attendance_register_week,
    benefit_for_period,
    child_add,
    deduction_applies,
    deduction_decide,
    deductions_reserved,
    incomes_above_work_limit,
    interruption_register,
    other_income_add,
    payment_approve,
    payment_periods,
)
from kvp.programme.forms import (
    AbsenceForm,
    AbsenceResponseForm,
    ChildForm,
    InterruptionForm,
    OtherIncomeForm,
    WeekAttendanceForm,
)
from kvp.programme.models import Case
from kvp.programme.summaries import benefit_summary
from kvp.rules.absence import AbsenceReason
from kvp.rules.benefit import Statement, UnknownRateDateError

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
        {
            "absence": item,
            "assessment": assessment,
            "label": REASON_LABELS[assessment.reason],
            "pending": bool(assessment.unexcused_days) and not deduction_applies(case, item),
        }
        for item, assessment in assessed_absences(case)
    ]
    payment = (
        case.payments.filter(period_start=periods[index].start).select_related("approved_by").first()
        if periods
        else None
    )
    return {
        "case": case,
        "participant": case.participant,
        "payment": payment,
        "periods": list(enumerate(periods)),
        "index": index,
        "statement": statement,
        "missing_rate": missing_rate,
        "children": case.participant.children.all(),
        "incomes": case.other_incomes.all(),
        "above_work_limit": incomes_above_work_limit(case),
        "interruptions": case.interruptions.all(),
        "absences": absences,
        "deduction_needs_decision": not deductions_reserved(case),
    }


@login_required
def payments_view(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    case, access = get_case_for_user(request.user, case_id, for_write=False)
    context = _statement_context(case, request.GET.get("periode"))
    if access.can_write:
        context |= _blank_forms()
    return render(request, "programme/payments.html", context)


WRITERS: dict[str, tuple[type[AkselForm], Callable[..., object], Promise]] = {
    "absence_form": (AbsenceForm, absence_register, gettext_lazy("The absence is registered.")),
    "child_form": (ChildForm, child_add, gettext_lazy("The child is recorded.")),
    "income_form": (OtherIncomeForm, other_income_add, gettext_lazy("The benefit or income is recorded.")),
    "interruption_form": (InterruptionForm, interruption_register, gettext_lazy("The interruption is registered.")),
    "week_form": (WeekAttendanceForm, attendance_register_week, gettext_lazy("The week's attendance is registered.")),
}


def _write(request: AuthedRequest, case_id: uuid.UUID, form_name: str) -> HttpResponse:
    """Post one of the benefit page's forms to its service; on an error, show the page with it."""
    case, access = get_case_for_user(request.user, case_id, for_write=True)
    form_class, service, done = WRITERS[form_name]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(actor=request.user, access=access, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, str(done))
            return redirect("payments", case.pk)
    context = _statement_context(case, None) | _blank_forms() | {form_name: form}
    return render(request, "programme/payments.html", context, status=400)


def _blank_forms() -> dict[str, AkselForm]:
    return {name: form_class() for name, (form_class, _service, _done) in WRITERS.items()}


@login_required
@require_POST
def case_form_post(request: AuthedRequest, case_id: uuid.UUID, form_name: str) -> HttpResponse:
    """Post one of the benefit page's forms (the URL names which, see WRITERS)."""
    return _write(request, case_id, form_name)


@login_required
@require_POST
def absence_response(request: AuthedRequest, absence_id: uuid.UUID) -> HttpResponse:
    """The participant answers an absence registration on their own page."""
    absence, access = get_absence_for_user(request.user, absence_id, own=True)
    form = AbsenceResponseForm(request.POST)
    if form.is_valid():
        absence_respond(actor=request.user, access=access, absence=absence, text=form.cleaned_data["text"])
        messages.success(request, _("Your answer is sent to your counsellor."))
    else:
        messages.error(request, _("Write your answer."))
    return redirect("my_payments")


@login_required
@require_POST
def deduction_decide_view(request: AuthedRequest, absence_id: uuid.UUID) -> HttpResponse:
    absence, access = get_absence_for_user(request.user, absence_id, for_write=True)
    run_and_report(
        request,
        lambda: deduction_decide(actor=request.user, access=access, absence=absence),
        _("The deduction is decided."),
    )
    return redirect("payments", absence.case_id)


@login_required
@require_POST
def payment_approve_view(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    case, access = get_case_for_user(request.user, case_id, for_write=True)
    periods = payment_periods(case)
    text = request.POST.get("periode", "")
    if not text.isdigit() or int(text) >= len(periods):
        messages.error(request, _("Choose a payment period."))
        return redirect("payments", case.pk)
    run_and_report(
        request,
        lambda: payment_approve(actor=request.user, access=access, case=case, period=periods[int(text)]),
        _("The payment is approved."),
    )
    return redirect(f"{reverse('payments', args=[case.pk])}?periode={text}")


@login_required
def my_payments(request: AuthedRequest) -> HttpResponse:
    """The participant's own statement: every line of their benefit, and their absence."""
    participant = own_access(request.user, what=CASE).participant
    case = participant.cases.filter(starts_on__isnull=False).select_related("participant__office").first()
    if case is None:
        raise PermissionDenied
    context = _statement_context(case, request.GET.get("periode")) | {"response_form": AbsenceResponseForm()}
    statement = context["statement"]
    if isinstance(statement, Statement):
        context["summary"] = benefit_summary(statement=statement)
    return render(request, "programme/payments.html", context)

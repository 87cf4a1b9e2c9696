"""Pages for the § 29 review and decisions: parse, authorise, call a service, render."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import AkselForm, apply_service_errors, run_and_report
from kvp.common.idempotency import submitted_once
from kvp.programme.access import get_appeal_for_user, get_case_for_user, get_decision_for_user
from kvp.programme.appeals import (
    appeal_forward,
    appeal_register,
    earliest_appeal_deadline,
    interim_notice_record,
)
from kvp.programme.decisions import decision_approve, decision_make, eligibility_review_create
from kvp.programme.forms import DatedForm, DecisionForm, EligibilityReviewForm, InterimNoticeForm, StopDecisionForm
from kvp.programme.letters import build_letter, interim_letter, letter_pdf
from kvp.programme.models import Decision
from kvp.programme.selectors import decision_appeals
from kvp.programme.summaries import decision_summary, masked_letter
from kvp.rules.case_status import CaseStatus
from kvp.rules.eligibility import CONDITION_LAW, REASON_TEXT, SUMMARY_TEXT, Condition, Reason, Summary
from kvp.wording.services import record_from_post

CONDITION_LABELS = {
    Condition.AGE: gettext_lazy("Age"),
    Condition.WORK_ABILITY: gettext_lazy("Significantly reduced work and income capacity"),
    Condition.BENEFITS: gettext_lazy("No or very limited benefits to live on"),
    Condition.CLOSE_FOLLOW_UP: gettext_lazy("Need for close follow-up"),
    Condition.RESIDENCE: gettext_lazy("Lawful residence and fixed abode"),
    Condition.PROGRAMME_FIT: gettext_lazy("The programme is suitable and necessary"),
}
LAW_URL = "https://lovdata.no/lov/2009-12-18-131/§29"


def review_rows(result: dict[str, Any]) -> list[dict[str, str]]:
    """The stored rule result with labels, explanations and law text in the reader's language."""
    return [
        {
            "label": str(CONDITION_LABELS[Condition(item["condition"])]),
            "outcome": item["outcome"],
            "explanation": _(REASON_TEXT[Reason(item["reason"])]),
            "law": CONDITION_LAW[Condition(item["condition"])],
        }
        for item in result["conditions"]
    ]


@login_required
@submitted_once
def eligibility_review(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    if request.method == "POST":
        case, access = get_case_for_user(request.user, case_id, for_write=True)
    else:
        case, access = get_case_for_user(request.user, case_id)
    form = EligibilityReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            eligibility_review_create(
                actor=request.user, access=access, case=case, work_ability=data["work_ability"],
                work_ability_assessed_on=data["work_ability_assessed_on"], benefits=data["benefits"],
                close_follow_up=data["close_follow_up"], lawful_residence=data["lawful_residence"],
                programme_fit=data["programme_fit"], note=data["note"],
            )  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The review is saved."))
            return redirect("eligibility_review", case.pk)
    review = case.eligibility_reviews.select_related("reviewed_by").first()
    can_decide = access.can_write and case.status_enum is CaseStatus.ASSESSED
    can_stop = access.can_write and case.status_enum in {CaseStatus.ACTIVE, CaseStatus.EXTENDED}
    context = {
        "case": case,
        "participant": case.participant,
        "access": access,
        "form": form if access.can_write and case.status_enum in {CaseStatus.APPLIED, CaseStatus.ASSESSED} else None,
        "review": review,
        "rows": review_rows(review.result) if review else [],
        "summary": _(SUMMARY_TEXT[Summary(review.result["summary"])]) if review else "",
        "decision_form": DecisionForm(initial={"language": "nb"}) if can_decide else None,
        "stop_form": StopDecisionForm() if can_stop else None,
        "decisions": case.decisions.select_related("made_by", "approved_by"),
        "law_url": LAW_URL,
    }
    return render(request, "programme/eligibility.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def decision_create(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    case, access = get_case_for_user(request.user, case_id, for_write=True)
    form: AkselForm = (
        StopDecisionForm(request.POST) if request.POST.get("kind") == "stop" else DecisionForm(request.POST)
    )
    if form.is_valid():
        try:
            decision = decision_make(actor=request.user, access=access, case=case, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            record_from_post(
                office=case.participant.office, source="decision_letter", text=decision.reasons, data=request.POST
            )
            if decision.status == Decision.Status.AWAITING_APPROVAL:
                messages.success(request, _("The decision is saved and waits for a second approver."))
            else:
                messages.success(request, _("The decision is made."))
            return redirect("decision_detail", decision.pk)
    return render(
        request,
        "programme/decision_form.html",
        {"form": form, "case": case, "participant": case.participant},
        status=400,
    )


@login_required
def decision_detail(request: AuthedRequest, decision_id: uuid.UUID) -> HttpResponse:
    decision, access = get_decision_for_user(request.user, decision_id)
    user = request.user
    may_approve = (
        decision.status == Decision.Status.AWAITING_APPROVAL
        and (user.is_leader or user.may_approve_decisions)
        and decision.made_by_id != user.pk
    )
    letter = build_letter(decision.snapshot)
    return render(
        request,
        "programme/decision.html",
        {
            "decision": decision,
            "letter": masked_letter(letter) if access.is_self else letter,
            "summary": decision_summary(decision=decision) if access.is_self else None,
            "may_approve": may_approve,
            "participant": decision.case.participant,
            "appeals": decision_appeals(decision=decision, access=access),
            "appeal_deadline": earliest_appeal_deadline(decision),
            "can_write": access.can_write,
            "appeal_form": DatedForm(label=_("Appeal received")),
        },
    )


@login_required
@require_POST
def decision_approve_view(request: AuthedRequest, decision_id: uuid.UUID) -> HttpResponse:
    if not (request.user.is_leader or request.user.may_approve_decisions):
        raise PermissionDenied
    decision, access = get_decision_for_user(request.user, decision_id)
    run_and_report(
        request,
        lambda: decision_approve(actor=request.user, access=access, decision=decision),
        _("The decision is approved and sent."),
    )
    return redirect("decision_detail", decision.pk)


@login_required
def decision_letter_pdf(request: AuthedRequest, decision_id: uuid.UUID) -> HttpResponse:
    decision, _access = get_decision_for_user(request.user, decision_id)
    response = HttpResponse(letter_pdf(build_letter(decision.snapshot)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="vedtak-{str(decision.pk)[:8]}.pdf"'
    return response


@login_required
@require_POST
@submitted_once
def interim_notice_create(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    case, access = get_case_for_user(request.user, case_id, for_write=True)
    form = InterimNoticeForm(request.POST)
    if form.is_valid():
        run_and_report(
            request,
            lambda: interim_notice_record(actor=request.user, access=access, case=case, **form.cleaned_data),
            _("The interim notice is sent."),
        )
    else:
        messages.error(request, _("Write why the decision takes longer and when it can be expected."))
    return redirect("participant_detail", case.participant_id)


@login_required
def interim_notice_pdf(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    """The interim notice as a letter, for the counsellor to send and the participant to read."""
    case, _access = get_case_for_user(request.user, case_id, self_service=request.user.participant_id is not None)
    if case.interim_notice_sent_on is None or case.interim_expected_by is None:
        raise Http404
    participant = case.participant
    letter = interim_letter(
        language="nn" if participant.preferred_language == "nn" else "nb", participant=participant.full_name,
        national_id=participant.national_id, office=participant.office.name, applied=f"{case.applied_on:%d.%m.%Y}",
        sent=f"{case.interim_notice_sent_on:%d.%m.%Y}", reason=case.interim_notice_reason,
        expected=f"{case.interim_expected_by:%d.%m.%Y}",
        signed_by=participant.counsellor.get_full_name() if participant.counsellor else "",
    )  # fmt: skip
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="forelopig-svar.pdf"'
    return response


@login_required
@require_POST
@submitted_once
def appeal_create(request: AuthedRequest, decision_id: uuid.UUID) -> HttpResponse:
    decision, access = get_decision_for_user(request.user, decision_id, for_write=True)
    form = DatedForm(request.POST)
    if form.is_valid():
        run_and_report(
            request,
            lambda: appeal_register(
                actor=request.user, access=access, decision=decision, received_on=form.cleaned_data["on"]
            ),
            _("The appeal is registered."),
        )
    else:
        messages.error(request, _("Give the date the appeal was received."))
    return redirect("decision_detail", decision.pk)


@login_required
@require_POST
def appeal_forward_view(request: AuthedRequest, appeal_id: uuid.UUID) -> HttpResponse:
    appeal, access = get_appeal_for_user(request.user, appeal_id, for_write=True)
    run_and_report(
        request,
        lambda: appeal_forward(actor=request.user, access=access, appeal=appeal),
        _("The appeal is sent to Statsforvalteren."),
    )
    return redirect("decision_detail", appeal.decision_id)

"""The plan as a PDF, for the participant and staff with access."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone

from kvp.accounts.requests import AuthedRequest
from kvp.audit.models import AuditEvent
from kvp.participants.access import audit_access
from kvp.plans.access import get_plan_for_user
from kvp.plans.audit_types import PLAN
from kvp.plans.selectors import current_case, plan_of


@login_required
def plan_pdf_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    """The agreed version if the plan is agreed, else the current draft; in the participant's language
    and bokmål side by side."""
    from kvp.plans.pdf import AgreementInfo, plan_pdf  # fpdf2 loads with the first PDF, not with the URLs

    access = get_plan_for_user(request.user, participant_id)
    plan = plan_of(current_case(access.participant))
    if plan is None or plan.version == 0:
        raise Http404
    number = plan.agreed_version if plan.is_agreed and plan.agreed_version else plan.version
    version = plan.versions.select_related("counsellor_confirmed_by").get(number=number)
    agreed = None
    if plan.is_agreed and version.participant_confirmed_at and version.counsellor_confirmed_at:
        agreed = AgreementInfo(
            version=version.number,
            participant_confirmed_on=timezone.localdate(version.participant_confirmed_at),
            counsellor_confirmed_on=timezone.localdate(version.counsellor_confirmed_at),
            counsellor=version.counsellor_confirmed_by.get_full_name() if version.counsellor_confirmed_by else "",
        )
    content = plan_pdf(
        version.snapshot, language=access.participant.preferred_language, agreed=agreed, printed_on=timezone.localdate()
    )
    audit_access(request.user, access, action=AuditEvent.Action.EXPORT, what=PLAN, object_id=str(plan.pk))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="plan-v{number}.pdf"'
    return response

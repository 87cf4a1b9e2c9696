"""Reports for the office: caseloads and follow-up intensity (E7), outcomes after the programme (E16,
E17). They show counts only, so reading them is not a read of anyone's personal data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kvp.accounts.decorators import require_leader, require_staff
from kvp.accounts.requests import AuthedRequest
from kvp.reports.caseloads import OfficeCaseloads, office_caseloads
from kvp.reports.charts import line_chart
from kvp.reports.outcomes import aftercare_outcomes
from kvp.rules.aftercare import NATIONAL_BASELINE_TEXT, NATIONAL_EMPLOYED_PERCENT

FIRST_YEAR = 2019


def _charts(data: OfficeCaseloads) -> dict[str, str]:
    labels = [formats.date_format(month, "M Y") for month in data.months]
    caseload_svg = line_chart(
        title=_("Active participants per counsellor"),
        labels=labels,
        series=[
            (row.counsellor.get_full_name() or row.counsellor.username, [m.active for m in row.months])
            for row in data.rows
        ],
        reference=(_("The office's cap"), float(data.cap)),
    )
    intensity_svg = line_chart(
        title=_("Contacts per participant per month"),
        labels=labels,
        series=[
            (
                row.counsellor.get_full_name() or row.counsellor.username,
                [float(m.intensity) if m.intensity is not None else None for m in row.months],
            )
            for row in data.rows
        ],
    )
    return {"caseload_chart": mark_safe(caseload_svg), "intensity_chart": mark_safe(intensity_svg)}  # noqa: S308 - pygal escapes the names


@login_required
@require_staff
def caseloads(request: AuthedRequest) -> HttpResponse:
    """The office leader sees every counsellor; a counsellor sees their own numbers."""
    user = request.user
    data = office_caseloads(user.office_id or 0, timezone.localdate(), only=None if user.is_leader else user)
    context = {"data": data, "is_leader": user.is_leader, **_charts(data)}
    return render(request, "reports/caseloads.html", context)


@login_required
@require_leader
def aftercare_outcomes_view(request: AuthedRequest) -> HttpResponse:
    """Outcomes at 3, 6 and 12 months for those whose programme ended in a chosen year, beside E17."""
    user = request.user
    today = timezone.localdate()
    text = request.GET.get("ar", "")
    year = int(text) if text.isdigit() and FIRST_YEAR <= int(text) <= today.year else today.year - 1
    context = {
        "outcomes": aftercare_outcomes(user.office_id or 0, year, today),
        "years": range(today.year, FIRST_YEAR - 1, -1),
        "year": year,
        "baseline": NATIONAL_EMPLOYED_PERCENT,
        "baseline_text": _(NATIONAL_BASELINE_TEXT) % {"percent": NATIONAL_EMPLOYED_PERCENT},
    }
    return render(request, "reports/aftercare_outcomes.html", context)

"""The KOSTRA return in the browser: the checks' error list for the leader's municipality, and the file."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.decorators import require_leader
from kvp.accounts.models import User
from kvp.accounts.requests import AuthedRequest
from kvp.audit.services import audit_list_record
from kvp.programme.access import get_case_for_user
from kvp.programme.audit_types import KOSTRA
from kvp.programme.forms import CaseStatisticsForm
from kvp.programme.kostra import KostraReturn, identity_shown, journal_number, kostra_export, kostra_return
from kvp.programme.kostra_answers import asks_status, asks_support, case_statistics_record
from kvp.programme.models import Case
from kvp.rules.access import Basis
from kvp.rules.kostra_checks import BLOCKING, Problem
from kvp.rules.kostra_layout import layout_years


def problem_text(problem: Problem) -> str:
    """The check's message in the reader's language; a field named in it is translated too."""
    params = {
        key: _(value) if key == "field" and isinstance(value, str) else value for key, value in problem.params.items()
    }
    return _(problem.message) % params


@dataclass(frozen=True)
class ProblemLine:
    check: str
    blocking: bool
    text: str


@dataclass(frozen=True)
class ErrorRow:
    journal: str
    case: Case | None  # None: the viewer may not see who it is (a shielded person without the grant)
    lines: list[ProblemLine]


def error_rows(kostra: KostraReturn, viewer: User) -> list[ErrorRow]:
    return [
        ErrorRow(
            journal=row.journal,
            case=row.case if identity_shown(viewer, row.case) else None,
            lines=[ProblemLine(p.check, p.severity in BLOCKING, problem_text(p)) for p in row.problems],
        )
        for row in kostra.rows_with_problems
    ]


def _years() -> list[int]:
    this_year = timezone.localdate().year
    return sorted((year for year in layout_years() if year <= this_year), reverse=True)


def _year(request: AuthedRequest) -> int:
    years = _years()
    text = request.GET.get("ar", "")
    if text.isdigit() and int(text) in years:
        return int(text)
    last_year = timezone.localdate().year - 1
    return last_year if last_year in years else years[0]


def _municipality(request: AuthedRequest) -> str:
    office = request.user.office
    if office is None:  # require_leader lets only leaders at an office in
        raise PermissionDenied
    return office.municipality_number


@login_required
@require_leader
def kostra_overview(request: AuthedRequest) -> HttpResponse:
    """Counts per status, the control program's findings per record, and the download when none blocks it."""
    year = _year(request)
    kostra = kostra_return(year=year, municipality=_municipality(request))
    rows = error_rows(kostra, request.user)
    named = [row.case.participant for row in rows if row.case is not None]
    audit_list_record(actor=request.user, participants=named, object_type=KOSTRA, basis=Basis.LEADER)
    context = {
        "year": year,
        "years": _years(),
        "kostra": kostra,
        "counts": kostra.status_counts(),
        "rows": rows,
        "hidden": sum(1 for row in rows if row.case is None),
    }
    return render(request, "programme/kostra.html", context)


@login_required
@require_leader
def kostra_download(request: AuthedRequest) -> HttpResponse:
    year = _year(request)
    kostra = kostra_return(year=year, municipality=_municipality(request))
    if kostra.blocked:
        messages.error(request, _("The return has errors to fix before it can be sent."))
        return redirect(f"{reverse('kostra_overview')}?ar={year}")
    content = kostra_export(actor=request.user, kostra=kostra)
    response = HttpResponse(content, content_type="text/plain; charset=iso-8859-1")
    response["Content-Disposition"] = (
        f'attachment; filename="kostra-{kostra.layout.form}-{kostra.municipality}-{year}.txt"'
    )
    return response


YES_NO_CODES = {True: "yes", False: "no"}


def _case_year(request: AuthedRequest) -> int:
    text = request.POST.get("ar") or request.GET.get("ar", "")
    this_year = timezone.localdate().year
    return int(text) if text.isdigit() and min(layout_years()) <= int(text) <= this_year else this_year


@login_required
def case_statistics(request: AuthedRequest, case_id: uuid.UUID) -> HttpResponse:
    """The case's answers for the yearly return that casework does not give."""
    case, access = get_case_for_user(request.user, case_id, for_write=request.method == "POST")
    year = _case_year(request)
    support = case.support_alongside.get(str(year))
    initial = {
        "marital_status": case.marital_status,
        "from_programme_elsewhere": None
        if case.from_programme_elsewhere is None
        else YES_NO_CODES[case.from_programme_elsewhere],
        "from_municipality": case.from_municipality,
        "benefits_before": case.benefits_before,
        "had_support": None if support is None else YES_NO_CODES[bool(support)],
        "support": support or [],
        "status_by_hand": case.kostra_status_by_hand,
    }
    form = CaseStatisticsForm(
        request.POST if request.method == "POST" else None, initial=initial,
        asks_support=asks_support(case, year), asks_status=asks_status(case, year),
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case_statistics_record(
            actor=request.user, access=access, case=case, year=year, marital_status=data["marital_status"],
            from_programme_elsewhere=data["from_programme_elsewhere"], from_municipality=data["from_municipality"],
            benefits_before=data["benefits_before"],
            support=(data["support"] if data["had_support"] else []) if "had_support" in data else None,
            status_by_hand=data.get("status_by_hand"),
        )  # fmt: skip
        messages.success(request, _("The answers for the yearly return are saved."))
        return redirect(f"{reverse('case_statistics', args=[case.pk])}?ar={year}")
    context = {"case": case, "participant": case.participant, "form": form if access.can_write else None,
               "year": year, "journal": journal_number(case)}  # fmt: skip
    return render(request, "programme/case_statistics.html", context, status=400 if form.errors else 200)

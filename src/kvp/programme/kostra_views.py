from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kvp.accounts.decorators import require_leader
from kvp.accounts.requests import AuthedRequest
from kvp.programme.kostra import kostra_csv, kostra_rows, status_counts

FIRST_YEAR = 2019


def _year(request: AuthedRequest) -> int:
    last = timezone.localdate().year
    text = request.GET.get("ar", "")
    return int(text) if text.isdigit() and FIRST_YEAR <= int(text) <= last else last - 1


@login_required
@require_leader
def kostra_overview(request: AuthedRequest) -> HttpResponse:
    """Counts per KOSTRA status for a year; the file itself is a separate, logged download."""
    year = _year(request)
    counts = status_counts(kostra_rows(leader=request.user, year=year))
    years = range(timezone.localdate().year, FIRST_YEAR - 1, -1)
    return render(request, "programme/kostra.html", {"year": year, "counts": counts, "years": years})


@login_required
@require_leader
def kostra_download(request: AuthedRequest) -> HttpResponse:
    year = _year(request)
    response = HttpResponse(kostra_csv(leader=request.user, year=year), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kostra-kvp-{year}.csv"'
    return response

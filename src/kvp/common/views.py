"""The list of sources, for staff: what each citation code in the interface means."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from kvp.common.sources import sources_html
from kvp.common.templatetags.sources import is_staff_viewer


@login_required
def sources_view(request: HttpRequest) -> HttpResponse:
    if not is_staff_viewer(request.user):
        raise PermissionDenied
    # The HTML is rendered from the package's own file, never from user input.
    body = mark_safe(sources_html())  # noqa: S308
    return render(request, "common/sources.html", {"body": body})

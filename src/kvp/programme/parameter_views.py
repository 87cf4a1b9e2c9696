"""The rules' unverified parameters: administrators change them, leaders read them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kvp.accounts.requests import AuthedRequest
from kvp.programme.models import RuleParameter
from kvp.programme.parameters import BY_NAME, PARAMETERS, parameter_set


@login_required
def rule_parameters(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if not (user.is_administrator or user.is_leader):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        name = request.POST.get("name", "")
        if not user.is_administrator or name not in BY_NAME:
            raise PermissionDenied
        try:
            parameter_set(actor=user, name=name, value=request.POST.get("value", ""))
        except ValidationError as problem:
            error = f"{BY_NAME[name].description}: {' '.join(problem.messages)}"
        else:
            messages.success(request, _("The parameter is saved."))
            return redirect("rule_parameters")
    stored = {row.name: row for row in RuleParameter.objects.select_related("changed_by")}
    rows = [{"parameter": parameter, "stored": stored.get(parameter.name)} for parameter in PARAMETERS]
    return render(
        request, "programme/rule_parameters.html", {"rows": rows, "error": error}, status=400 if error else 200
    )

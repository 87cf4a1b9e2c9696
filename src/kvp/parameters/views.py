"""The rules' parameters with their history: administrators add dated values, leaders read them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import form_problems
from kvp.parameters.forms import ParameterChangeForm
from kvp.parameters.registry import BY_NAME, OPEN_ASSUMPTIONS, PARAMETERS
from kvp.parameters.selectors import parameter_history, texts_in_force
from kvp.parameters.services import parameter_change


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
        form = ParameterChangeForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form_problems(form))
            parameter_change(actor=user, **form.cleaned_data)
        except ValidationError as problem:
            error = f"{BY_NAME[name].description}: {' '.join(problem.messages)}"
        else:
            messages.success(request, _("The new value is saved."))
            return redirect("rule_parameters")
    today = timezone.localdate()
    history = parameter_history()
    in_force = texts_in_force(user.office_id, on=today)  # the reader's office's, or the national values
    rows = [
        {"parameter": parameter, "history": history[parameter.name], "in_force": in_force.get(parameter.name, "")}
        for parameter in PARAMETERS
    ]
    context = {
        "rows": rows,
        "open_parameters": [parameter for parameter in PARAMETERS if parameter.is_open],
        "open_assumptions": OPEN_ASSUMPTIONS,
        "error": error,
        "today": today,
        "form": ParameterChangeForm(initial={"valid_from": today}),
    }
    return render(request, "parameters/rule_parameters.html", context, status=400 if error else 200)

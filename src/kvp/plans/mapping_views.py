"""The mapping page: the participant fills in their own parts (on a phone), the counsellor the rest."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import AkselForm, VersionForm, apply_service_errors
from kvp.participants.access import ParticipantAccess
from kvp.plans.access import get_mapping_for_user
from kvp.plans.forms import SECTION_FORMS, EducationForm, WorkExperienceForm
from kvp.plans.mapping import (
    SECTIONS,
    education_add,
    mapping_answers,
    mapping_of,
    mapping_row_remove,
    mapping_update,
    may_edit_section,
    work_experience_add,
)
from kvp.plans.models import Mapping
from kvp.plans.occupation_picker import OccupationPickerForm
from kvp.rules.plan_checks import MAPPING_GAP_LABELS, mapping_gaps

# The order on the page: strengths and experience first (E18).
SECTION_ORDER = ["about", "experience", "skills", "norwegian", "accommodations", "learning"]
SECTION_TITLES = {  # shown in the reader's language
    "about": gettext_lazy("About you"),
    "experience": gettext_lazy("Work and education"),
    "skills": gettext_lazy("Digital skills and driving licence"),
    "norwegian": gettext_lazy("Norwegian"),
    "accommodations": gettext_lazy("What the plan must take into account"),
    "learning": gettext_lazy("Learning"),
}


def _section_form(mapping: Mapping, section: str, access: ParticipantAccess, search: QueryDict) -> VersionForm:
    initial: dict[str, Any] = {name: getattr(mapping, name) for name in SECTIONS[section]}
    for name in ("strengths_language", "what_matters_language"):
        if name in initial and not initial[name]:
            initial[name] = access.participant.preferred_language
    form = SECTION_FORMS[section](initial=initial | {"version": mapping.version}, prefix=section)
    if isinstance(form, OccupationPickerForm):
        form.show_search(search)
    return form


def _work_form(access: ParticipantAccess, search: QueryDict) -> WorkExperienceForm:
    form = WorkExperienceForm(prefix="work", initial={"language": access.participant.preferred_language})
    form.show_search(search)
    return form


def _context(
    access: ParticipantAccess, bound: dict[str, AkselForm] | None = None, search: QueryDict | None = None
) -> dict[str, Any]:
    """The page; `search` holds an occupation search made without JavaScript."""
    mapping = mapping_of(access.participant)
    bound = bound or {}
    search = search or QueryDict()
    sections = [
        {
            "key": section,
            "title": SECTION_TITLES[section],
            "editable": may_edit_section(access, section),
            "form": bound.get(section) or _section_form(mapping, section, access, search),
        }
        for section in SECTION_ORDER
    ]
    may_edit_rows = may_edit_section(access, "experience")
    return {
        "participant": access.participant,
        "access": access,
        "mapping": mapping,
        "saved": not mapping._state.adding,
        "sections": sections,
        "gaps": [_(MAPPING_GAP_LABELS[gap]) for gap in mapping_gaps(mapping_answers(mapping))],
        "work_form": bound.get("work") or (_work_form(access, search) if may_edit_rows else None),
        "education_form": bound.get("education") or (EducationForm(prefix="education") if may_edit_rows else None),
    }


@login_required
def mapping_page(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_mapping_for_user(request.user, participant_id)
    return render(request, "plans/mapping.html", _context(access, search=request.GET))


@login_required
@require_POST
def mapping_section_view(request: AuthedRequest, participant_id: uuid.UUID, section: str) -> HttpResponse:
    if section not in SECTION_FORMS:
        raise Http404
    access = get_mapping_for_user(request.user, participant_id, for_write=True)
    if not may_edit_section(access, section):
        raise PermissionDenied  # the page shows this part read-only to them
    form = SECTION_FORMS[section](request.POST, prefix=section)
    if form.is_valid():
        values = form.edited_fields()
        try:
            mapping_update(
                actor=request.user,
                access=access,
                section=section,
                seen_version=form.cleaned_data["version"],
                values=values,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("mapping", participant_id)
    return render(request, "plans/mapping.html", _context(access, {section: form}), status=400)


@login_required
@require_POST
def mapping_row_add_view(request: AuthedRequest, participant_id: uuid.UUID, kind: str) -> HttpResponse:
    access = get_mapping_for_user(request.user, participant_id, for_write=True)
    form: AkselForm
    if kind == "arbeid":
        form = WorkExperienceForm(request.POST, prefix="work")
        add: Any = work_experience_add
        key = "work"
    elif kind == "utdanning":
        form = EducationForm(request.POST, prefix="education")
        add, key = education_add, "education"
    else:
        raise Http404
    if form.is_valid():
        try:
            add(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("mapping", participant_id)
    return render(request, "plans/mapping.html", _context(access, {key: form}), status=400)


@login_required
@require_POST
def mapping_row_remove_view(
    request: AuthedRequest, participant_id: uuid.UUID, kind: str, row_id: uuid.UUID
) -> HttpResponse:
    if kind not in {"arbeid", "utdanning"}:
        raise Http404
    access = get_mapping_for_user(request.user, participant_id, for_write=True)
    try:
        mapping_row_remove(
            actor=request.user, access=access, kind="work" if kind == "arbeid" else "education", row_id=str(row_id)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render(request, "plans/mapping.html", _context(access), status=400)
    messages.success(request, _("Removed."))
    return redirect("mapping", participant_id)

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.decorators import require_leader, require_staff
from kvp.accounts.models import User
from kvp.accounts.requests import AuthedRequest
from kvp.common.forms import form_problems, run_and_report
from kvp.common.idempotency import submitted_once
from kvp.overview.alerts import alert_rules
from kvp.overview.audit_types import OVERVIEW
from kvp.overview.forms import (
    FIELDS,
    READY_LABELS,
    SORT_LABELS,
    BulkReassignForm,
    CategoryForm,
    OverviewFilterForm,
    ReminderForm,
    SavedFilterForm,
)
from kvp.overview.models import SavedFilter
from kvp.overview.selectors import overview_page_rows, overview_rows
from kvp.overview.services import (
    category_set,
    participants_reassign,
    reminder_create,
    reminder_delete,
    reminder_done,
    saved_filter_create,
    saved_filter_delete,
)
from kvp.participants.access import audit_list_read, get_participant_for_user

PAGE_SIZE = 50


def _office_counsellors(user: User) -> list[User]:
    if not user.is_leader:
        return []
    return list(
        User.objects.filter(office_id=user.office_id or 0, is_counsellor=True, is_active=True).order_by(
            "first_name", "last_name"
        )
    )


@login_required
@require_staff
def overview(request: AuthedRequest) -> HttpResponse:
    """My participants (a counsellor) or the office's (a leader), with ready-made and field filters, sorting,
    reminders, categories and the stored alerts. The rows shown are logged as one list read."""
    user = request.user
    today = timezone.localdate()
    rules = alert_rules(user.office_id, on=today)
    counsellors = _office_counsellors(user)
    form = OverviewFilterForm(request.GET, counsellors=counsellors, default_days=rules.no_contact_days)
    query = form.query()
    rows_query = overview_rows(user=user, query=query, today=today, rules=rules)
    page = Paginator(rows_query, PAGE_SIZE).get_page(request.GET.get("side"))
    participants = list(page.object_list)
    audit_list_read(user, participants, what=OVERVIEW)
    current = form.query_string()
    return render(
        request,
        "overview/overview.html",
        {
            "form": form,
            "query": query,
            "page": page,
            "rows": overview_page_rows(participants=participants, today=today, rules=rules),
            "office_wide": user.is_leader,
            "today": today,
            "ready_labels": list(READY_LABELS.items()),
            "sort_links": _sort_links(form, query.sort, query.descending),
            "current_query": current,
            "saved_filters": SavedFilter.objects.filter(user=user),
            "save_form": SavedFilterForm(initial={"query": current}),
            "reassign_form": BulkReassignForm(counsellors=counsellors) if user.is_leader else None,
        },
    )


def _sort_links(form: OverviewFilterForm, sort: str, descending: bool) -> dict[str, dict[str, str]]:
    """Per column: the link that sorts by it (again: the other way) and aria-sort for the header."""
    links = {}
    for code in SORT_LABELS:
        active = code == sort
        target = f"-{code}" if active and not descending else code
        aria = ("descending" if descending else "ascending") if active else "none"
        links[code] = {"href": "?" + form.query_string(sorter=target), "aria": aria}
    return links


def _back_to_overview(request: AuthedRequest) -> HttpResponse:
    """Back to the overview with the filters the form came from (codes only, kept as given)."""
    query = request.POST.get("tilbake", "")
    form = OverviewFilterForm(QueryDict(query), counsellors=_office_counsellors(request.user), default_days=14)
    kept = form.query_string()
    return redirect(reverse("overview") + (f"?{kept}" if kept else ""))


@login_required
@require_leader
@require_POST
def overview_reassign(request: AuthedRequest) -> HttpResponse:
    """A leader gives the chosen participants to one counsellor at the office."""
    form = BulkReassignForm(request.POST, counsellors=_office_counsellors(request.user))
    chosen = request.POST.getlist("deltaker")
    if not form.is_valid():
        messages.error(request, _("Choose an active counsellor at the office."))
        return _back_to_overview(request)
    counsellor = User.objects.get(pk=form.cleaned_data["counsellor"])
    try:
        count = participants_reassign(actor=request.user, participant_ids=chosen, counsellor=counsellor)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(count)s participants now have %(name)s as their counsellor.")
            % {"count": count, "name": counsellor.get_full_name()},
        )
    return _back_to_overview(request)


@login_required
@require_staff
@require_POST
@submitted_once
def overview_filter_save(request: AuthedRequest) -> HttpResponse:
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        try:
            saved = saved_filter_create(
                actor=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"], allowed=FIELDS
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The filter “%(name)s” is saved.") % {"name": saved.name})
            return redirect(reverse("overview") + f"?{saved.query}")
    else:
        messages.error(request, _("Give the filter a name of at most 60 characters."))
    return redirect("overview")


@login_required
@require_staff
@require_POST
def overview_filter_delete(request: AuthedRequest, filter_id: int) -> HttpResponse:
    if not saved_filter_delete(actor=request.user, filter_id=filter_id):
        raise Http404
    messages.success(request, _("The filter is deleted."))
    return redirect("overview")


def _back(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("participant_detail", participant_id)


@login_required
@require_POST
@submitted_once
def reminder_create_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    form = ReminderForm(request.POST)
    if form.is_valid():
        try:
            reminder_create(actor=request.user, access=access, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The reminder is saved."))
    else:
        messages.error(request, form_problems(form))
    return _back(request, participant_id)


@login_required
@require_POST
def reminder_done_view(request: AuthedRequest, participant_id: uuid.UUID, reminder_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    run_and_report(
        request,
        lambda: reminder_done(actor=request.user, access=access, reminder_id=reminder_id),
        _("The reminder is done."),
    )
    return _back(request, participant_id)


@login_required
@require_POST
def reminder_delete_view(request: AuthedRequest, participant_id: uuid.UUID, reminder_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    run_and_report(
        request,
        lambda: reminder_delete(actor=request.user, access=access, reminder_id=reminder_id),
        _("The reminder is deleted."),
    )
    return _back(request, participant_id)


@login_required
@require_POST
def category_set_view(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    access = get_participant_for_user(request.user, participant_id, for_write=True)
    form = CategoryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the categories."))
        return _back(request, participant_id)
    try:
        category_set(actor=request.user, access=access, colour=form.cleaned_data["colour"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your category is saved."))
    return _back(request, participant_id)

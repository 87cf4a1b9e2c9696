"""Wishes (the participant's, on a phone), matching runs (leader and counsellors), and the proposals a run
makes: the counsellor decides, the participant confirms."""

from __future__ import annotations

import datetime
import uuid
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kvp.accounts.requests import AuthedRequest
from kvp.catalogue.models import Offer
from kvp.common.forms import apply_service_errors
from kvp.common.jobs import JobBusy
from kvp.common.models import Job
from kvp.matching.access import (
    get_match_job_for_user,
    get_match_office_for_user,
    get_match_proposal_for_user,
    get_match_run_for_user,
)
from kvp.matching.audit_types import MATCH, WISHES
from kvp.matching.decisions import proposal_confirm, proposal_decide
from kvp.matching.forms import MatchRunForm, ProposalDecisionForm, WishesForm
from kvp.matching.jobs import active_match_job, match_run_start, step_label
from kvp.matching.models import MAX_WISHES, MatchProposal, MatchRun, Preference
from kvp.matching.runs import NOT_MAPPED
from kvp.matching.selectors import match_run_proposals
from kvp.matching.wishes import wishable_offers, wishes_set
from kvp.participants.access import audit_list_read, get_participant_for_user
from kvp.plans.models import Education

PAGE_SIZE = 10  # proposals to a page
SEARCH_LIMIT = 10  # offers a search shows


@login_required
def wishes(request: AuthedRequest, participant_id: uuid.UUID) -> HttpResponse:
    posted = request.method == "POST"
    access = get_participant_for_user(request.user, participant_id, what=WISHES, for_write=posted, self_service=True)
    participant = access.participant
    offers = list(wishable_offers(participant))
    chosen = Preference.objects.filter(participant=participant).select_related("offer__provider")
    current = {f"wish_{w.rank}": str(w.offer_id) for w in chosen}
    form = WishesForm(request.POST if posted else None, offers=offers, initial=current)
    if posted and form.is_valid():
        try:
            wishes_set(actor=request.user, access=access, offer_ids=form.offer_ids())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your wishes are saved.") if access.is_self else _("The wishes are saved."))
            return redirect("wishes", participant_id)
    return render(
        request,
        "matching/wishes.html",
        {
            "form": form,
            "participant": participant,
            "access": access,
            "max_wishes": MAX_WISHES,
            "wishes": chosen,
            "waiting": MatchProposal.objects.filter(
                participant=participant, status__in=[MatchProposal.Status.ACCEPTED, MatchProposal.Status.CHANGED]
            ).select_related("offer__provider"),
        },
        status=400 if posted else 200,
    )


@login_required
def match_runs(request: AuthedRequest) -> HttpResponse:
    """Start a run (a background job, whose page shows its progress), and the office's earlier runs."""
    office = get_match_office_for_user(request.user)
    posted = request.method == "POST"
    today = timezone.localdate()
    form = MatchRunForm(
        request.POST if posted else None,
        initial={"period_start": today, "period_end": today + datetime.timedelta(days=60), "wish_weight": 1},
    )
    if posted and form.is_valid():
        try:
            job = match_run_start(actor=request.user, office=office, **form.cleaned_data)
        except JobBusy as busy:
            messages.info(request, _("A match for your office is already running. It is shown here."))
            job = busy.job
        return redirect("match_job", job.pk)
    runs = MatchRun.objects.filter(office=office).select_related("started_by")[:20]
    context = {"form": form, "runs": runs, "active": active_match_job(office)}
    return render(request, "matching/runs.html", context, status=400 if posted else 200)


@login_required
def match_job(request: AuthedRequest, job_id: uuid.UUID) -> HttpResponse:
    """How far a run has come; the page asks again every second (htmx) until it is done or has failed.
    When done it leads to the run's results."""
    job = get_match_job_for_user(request.user, job_id)
    polled = request.headers.get("HX-Request") == "true"
    if job.status == Job.Status.DONE:
        results = reverse("match_run", args=[job.result["run"]])
        return HttpResponse(headers={"HX-Redirect": results}) if polled else redirect(results)
    lost = job.active and job.deadline < timezone.now()
    context = {"job": job, "step": step_label(job), "lost": lost, "polling": job.active and not lost}
    return render(request, "matching/job_progress.html" if polled else "matching/job.html", context)


@login_required
def match_run(request: AuthedRequest, run_id: uuid.UUID) -> HttpResponse:
    """The run's results, and its proposals for the participants the viewer may see, one counsellor's at a
    time and PAGE_SIZE to a page (each read logged)."""
    run = get_match_run_for_user(request.user, run_id)
    rows = match_run_proposals(run=run, user=request.user).rows
    counts = Counter(row.proposal.participant.counsellor_id for row in rows)
    names = {
        row.proposal.participant.counsellor_id: row.proposal.participant.counsellor.get_full_name()
        for row in rows
        if row.proposal.participant.counsellor
    }
    chosen = request.GET.get("veileder", "")
    selected = next(
        (key for key in counts if str(key) == chosen),
        request.user.pk if request.user.pk in counts else next(iter(counts), None),
    )
    page = Paginator([row for row in rows if row.proposal.participant.counsellor_id == selected], PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    audit_list_read(request.user, [row.proposal.participant for row in page], what=MATCH)
    proposals = [
        (
            row,
            ProposalDecisionForm(initial={"version": row.proposal.version}, prefix=str(row.proposal.pk))
            if row.can_decide
            else None,
        )
        for row in page
    ]
    levels = dict(Education.Level.choices) | {"none": _("No schooling"), NOT_MAPPED: _("Not mapped yet")}
    groups = [
        (levels.get(group, group), got, size)
        for group, (got, size) in run.results.get("qualifying_by_group", {}).items()
    ]
    return render(
        request,
        "matching/run.html",
        {
            "run": run,
            "proposals": proposals,
            "page": page,
            "counsellors": [(key, names.get(key, _("No counsellor")), count) for key, count in counts.items()],
            "selected": selected,
            "results": run.results,
            "groups": groups,
        },
    )


@login_required
def match_offer_search(request: AuthedRequest, proposal_id: uuid.UUID) -> HttpResponse:
    """The offers whose title holds the search text, to change a proposal to (at most SEARCH_LIMIT)."""
    proposal, access = get_match_proposal_for_user(request.user, proposal_id, for_write=True)
    text = request.GET.get("q", "").strip()
    offers = list(wishable_offers(access.participant).filter(title__icontains=text)[:SEARCH_LIMIT]) if text else []
    return render(request, "matching/offer_options.html", {"offers": offers, "text": text, "prefix": str(proposal.pk)})


@login_required
@require_POST
def match_proposal_decide(request: AuthedRequest, proposal_id: uuid.UUID) -> HttpResponse:
    proposal, access = get_match_proposal_for_user(request.user, proposal_id, for_write=True)
    form = ProposalDecisionForm(request.POST, prefix=str(proposal.pk))
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose accept, change or reject."))
        offer = Offer.objects.filter(pk=form.cleaned_data["offer"]).first() if form.cleaned_data["offer"] else None
        proposal_decide(
            actor=request.user,
            access=access,
            proposal=proposal,
            seen_version=form.cleaned_data["version"],
            decision=form.cleaned_data["decision"],
            offer=offer,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your decision is saved. The participant is asked to confirm."))
    return redirect("match_run", proposal.run_id)


@login_required
@require_POST
def match_proposal_confirm(request: AuthedRequest, proposal_id: uuid.UUID) -> HttpResponse:
    """The participant says yes or no to a place their counsellor has accepted."""
    proposal, access = get_match_proposal_for_user(request.user, proposal_id, for_write=True, self_service=True)
    if not access.is_self:
        raise PermissionDenied
    confirm = request.POST.get("answer") == "yes"
    try:
        proposal_confirm(actor=request.user, access=access, proposal=proposal, confirm=confirm)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Thank you. Your counsellor sees your answer.")
            if confirm
            else _("You said no. Your counsellor will talk with you about other measures."),
        )
    return redirect("wishes", proposal.participant_id)

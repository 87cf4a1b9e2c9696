"""The match run as a background job (kvp.common.jobs): started from the page, one at a time per office, with
the engine's progress on the job's row and the stored run as its result."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from kvp.accounts.models import Office, User
from kvp.common.jobs import Progress, job_handler, job_start
from kvp.common.models import Job
from kvp.matching.runs import may_run, run_match

MATCH_RUN = "match_run"


def match_scope(office: Office) -> str:
    return f"{MATCH_RUN}:{office.pk}"


def active_match_job(office: Office) -> Job | None:
    """The office's run under way, if any (not one lost with its process)."""
    jobs = Job.objects.filter(scope=match_scope(office), status__in=Job.ACTIVE, deadline__gte=timezone.now())
    return jobs.first()


def step_label(job: Job) -> str:
    """What the run is doing, in words: the engine reports its steps by name."""
    if job.status == Job.Status.QUEUED:
        return _("Waiting to start")
    labels = {
        "load": _("Reading the participants, their wishes and the offers"),
        "build": _("Setting up the match"),
        "solve": _("Finding the best places"),
        "extract": _("Storing the proposals"),
    }
    return labels.get(job.step, _("Working"))


def match_run_start(
    *,
    actor: User,
    office: Office,
    mode: str,
    period_start: datetime.date,
    period_end: datetime.date,
    kinds: Sequence[str] = (),
    wish_weight: Decimal = Decimal(1),
    qualifying_floor: int | None = None,
) -> Job:
    """Starts a run for the office, or raises JobBusy with the office's run that is already under way."""
    if not may_run(actor, office):
        raise PermissionDenied
    parameters = {
        "office": office.pk,
        "mode": mode,
        "period_start": period_start.isoformat(),
        "period_end": period_end.isoformat(),
        "kinds": list(kinds),
        "wish_weight": str(wish_weight),
        "qualifying_floor": qualifying_floor,
    }
    return job_start(kind=MATCH_RUN, scope=match_scope(office), actor=actor, parameters=parameters)


@job_handler(MATCH_RUN)
def match_run_job(job: Job, progress: Progress) -> dict[str, Any]:
    given = job.parameters
    progress("load", 0, 1)
    run = run_match(
        actor=User.objects.get(pk=job.started_by_id),
        office=Office.objects.get(pk=given["office"]),
        mode=given["mode"],
        period_start=datetime.date.fromisoformat(given["period_start"]),
        period_end=datetime.date.fromisoformat(given["period_end"]),
        kinds=given["kinds"],
        wish_weight=Decimal(given["wish_weight"]),
        qualifying_floor=given["qualifying_floor"],
        progress=progress,
    )
    return {"run": str(run.pk)}

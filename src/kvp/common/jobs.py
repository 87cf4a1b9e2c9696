"""Long work off the request cycle (decision 0016). A job is a row (`Job`): a page starts it, a task of Django's
task framework (the django-tasks backport) runs it, and the page shows its progress from the row, after a reload
and from any of the server's processes. At most one job per scope waits or runs; a job its process never
finished (the server was killed) counts as lost after its deadline.

The default backend (kvp.common.job_backend) runs the tasks on one thread of the web process itself, so no other server
is needed; in production any backend of the task framework (a queue the organisation runs) can take its place
through KVP_TASKS_BACKEND, with the same jobs and pages."""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from kvp.common.models import Job

Progress = Callable[[str, int, int], None]  # (step, done, total), as the matching engine reports it
Handler = Callable[[Job, Progress], dict[str, Any]]  # returns the job's result: ids of what it made

logger = logging.getLogger(__name__)
HANDLERS: dict[str, Handler] = {}
PROGRESS_SECONDS = 0.5  # progress is written at most this often, unless its step changes or it completes


class JobBusy(Exception):
    """A job of the same scope is already waiting or running."""

    def __init__(self, job: Job) -> None:
        super().__init__(f"job {job.pk} is active")
        self.job = job


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    """Registers the function that does the work of jobs of `kind` (from an app's AppConfig.ready)."""

    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


def job_start(*, kind: str, scope: str, actor: AbstractBaseUser, parameters: dict[str, Any]) -> Job:
    """A new job, handed to the task backend once committed; JobBusy if one of the scope is active."""
    now = timezone.now()
    with transaction.atomic():
        Job.objects.filter(scope=scope, status__in=Job.ACTIVE, deadline__lt=now).update(
            status=Job.Status.FAILED,
            error=_("The job was interrupted (the server restarted). Start it again."),
            finished_at=now,
        )
        active = Job.objects.filter(scope=scope, status__in=Job.ACTIVE).first()
        if active is not None:
            raise JobBusy(active)
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    kind=kind,
                    scope=scope,
                    parameters=parameters,
                    started_by_id=actor.pk,
                    deadline=now + datetime.timedelta(minutes=settings.KVP_JOB_TIMEOUT_MINUTES),
                )
        except IntegrityError:  # another request started one in between (PostgreSQL; SQLite queues writers)
            raise JobBusy(Job.objects.get(scope=scope, status__in=Job.ACTIVE)) from None
        job_id = str(job.pk)
        transaction.on_commit(lambda: run_job.enqueue(job_id))
    return job


class ProgressWriter:
    """The Progress a handler reports to, written to the job's row."""

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.step = ""
        self.written = 0.0

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        if step == self.step and done < total and now - self.written < PROGRESS_SECONDS:
            return
        self.step, self.written = step, now
        Job.objects.filter(pk=self.job_id).update(step=step[:32], done=max(done, 0), total=max(total, 0))


@task()
def run_job(job_id: str) -> None:
    """Runs a waiting job once: a second delivery of the same task finds it taken and does nothing."""
    if not Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=timezone.now()
    ):
        return
    job = Job.objects.get(pk=job_id)
    outcome: dict[str, Any]
    try:
        outcome = {"status": Job.Status.DONE, "result": HANDLERS[job.kind](job, ProgressWriter(job_id))}
    except ValidationError as error:  # the work's own refusal, written for the user
        outcome = {"status": Job.Status.FAILED, "error": " ".join(error.messages)}
    except Exception:
        logger.exception("job %s of kind %s failed", job_id, job.kind)
        outcome = {"status": Job.Status.FAILED, "error": _("The job stopped on an unexpected error. Start it again.")}
    Job.objects.filter(pk=job_id).update(finished_at=timezone.now(), **outcome)

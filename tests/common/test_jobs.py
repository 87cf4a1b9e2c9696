"""Background jobs: a job runs once, reports progress, fails clearly, never runs twice at once for one scope, and
the default backend runs it on a thread of the process with no other server."""

from __future__ import annotations

import datetime
import time
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from kvp.common import jobs
from kvp.common.jobs import JobBusy, Progress, job_start, run_job
from kvp.common.models import Job
from tests.conftest import World

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
THREAD = {"default": {"BACKEND": "kvp.common.job_backend.ThreadBackend"}}
seen: list[tuple[str, int, int]] = []


def counting(job: Job, progress: Progress) -> dict[str, Any]:
    for done in range(job.parameters["steps"] + 1):
        progress("count", done, job.parameters["steps"])
        seen.append(tuple(Job.objects.values_list("step", "done", "total").get(pk=job.pk)))  # type: ignore[arg-type]
    return {"counted": job.parameters["steps"]}


def refusing(job: Job, progress: Progress) -> dict[str, Any]:
    raise ValidationError("Ingen tilbud i perioden.")


def crashing(job: Job, progress: Progress) -> dict[str, Any]:
    raise RuntimeError("kari@nav.example 12345678901")


@pytest.fixture(autouse=True)
def handlers(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind, handler in {"count": counting, "refuse": refusing, "crash": crashing}.items():
        monkeypatch.setitem(jobs.HANDLERS, kind, handler)
    monkeypatch.setattr(jobs, "PROGRESS_SECONDS", 0)
    seen.clear()


def start(world: World, kind: str, scope: str = "office:1", **parameters: Any) -> Job:
    return job_start(kind=kind, scope=scope, actor=world.counsellor, parameters=parameters)


def test_a_job_waits_until_committed_then_runs_once_with_its_progress_and_result(
    world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = start(world, "count", steps=3)
        assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED  # nothing runs before the commit
    assert len(callbacks) == 1
    job.refresh_from_db()
    assert (job.status, job.result, job.error) == (Job.Status.DONE, {"counted": 3}, "")
    assert job.started_at is not None
    assert job.finished_at is not None
    assert seen == [("count", 0, 3), ("count", 1, 3), ("count", 2, 3), ("count", 3, 3)]
    assert job.percent == 100
    run_job.call(str(job.pk))  # delivered twice: the second finds it taken
    assert len(seen) == 4


def test_progress_is_written_at_most_twice_a_second_within_a_step(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "PROGRESS_SECONDS", 60)
    job = start(world, "count", steps=5)
    progress = jobs.ProgressWriter(str(job.pk))
    progress("solve", 0, 5)
    progress("solve", 1, 5)  # too soon: not written
    assert Job.objects.values_list("done", flat=True).get(pk=job.pk) == 0
    progress("solve", 5, 5)  # the end of a step always is
    progress("store", 0, 1)  # and so is a new step
    assert Job.objects.values_list("step", "done", "total").get(pk=job.pk) == ("store", 0, 1)


def test_a_refusal_is_shown_as_it_was_written_and_a_crash_plainly(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    refused = start(world, "refuse")
    crashed = start(world, "crash", scope="office:2")
    run_job.call(str(refused.pk))
    run_job.call(str(crashed.pk))
    refused.refresh_from_db()
    crashed.refresh_from_db()
    assert (refused.status, refused.error) == (Job.Status.FAILED, "Ingen tilbud i perioden.")
    assert crashed.status == Job.Status.FAILED
    assert "unexpected error" in crashed.error or "uventet feil" in crashed.error
    assert "kari@" not in crashed.error
    assert "12345678901" not in crashed.error
    assert "job %s of kind %s failed" in [record.msg for record in caplog.records]


def test_one_scope_has_one_active_job_and_a_lost_one_frees_it(world: World) -> None:
    first = start(world, "count", steps=1)
    with pytest.raises(JobBusy) as busy:
        start(world, "count", steps=1)
    assert busy.value.job == first
    other = start(world, "count", scope="office:2", steps=1)  # another office runs at the same time
    assert other.status == Job.Status.QUEUED
    Job.objects.filter(pk=first.pk).update(status=Job.Status.RUNNING, deadline=timezone.now())
    time.sleep(0.01)
    again = start(world, "count", steps=1)  # the first was lost with its process
    first.refresh_from_db()
    assert first.status == Job.Status.FAILED
    assert first.error
    assert again.status == Job.Status.QUEUED


def test_the_database_refuses_a_second_active_job_for_a_scope(world: World) -> None:
    start(world, "count", steps=1)
    deadline = timezone.now() + datetime.timedelta(minutes=5)
    with pytest.raises(IntegrityError):
        Job.objects.create(kind="count", scope="office:1", started_by=world.counsellor, deadline=deadline)


@pytest.mark.django_db(transaction=True)
def test_the_default_backend_runs_the_job_on_a_thread_of_this_process(world: World, settings: Any) -> None:
    settings.TASKS = THREAD
    job = start(world, "count", steps=2)
    for _attempt in range(200):
        job.refresh_from_db()
        if not job.active:
            break
        time.sleep(0.05)
    assert (job.status, job.result) == (Job.Status.DONE, {"counted": 2})

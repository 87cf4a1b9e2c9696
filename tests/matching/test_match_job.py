""" "Share out places" runs as a background job: the page shows its progress (htmx polling), leads to the results
when done, says clearly when it failed, and a second start while one runs shows the one under way."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.common.models import Job
from kvp.matching import jobs
from kvp.matching.models import MatchRun
from tests.conftest import World, client_for
from tests.matching.builders import offers, wish

FORM = {"mode": "optimal", "period_start": "2026-12-01", "period_end": "2027-01-31", "wish_weight": "1"}
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def immediate_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_a_run_started_on_the_page_runs_as_a_job_and_leads_to_its_results(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    norwegian, _practice, _later = offers(world)
    wish(world, norwegian)
    client = client_for(world.counsellor)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("match_runs"), FORM)
    job = Job.objects.get()
    assert started.url == reverse("match_job", args=[job.pk])
    assert job.status == Job.Status.DONE
    assert job.started_by == world.counsellor
    run = MatchRun.objects.get(office=world.office)
    assert job.result == {"run": str(run.pk)}
    assert run.proposals.filter(participant=world.participant, offer=norwegian).exists()
    assert client.get(started.url).url == reverse("match_run", args=[run.pk])  # a reload after it is done
    assert client.get(started.url, **HTMX)["HX-Redirect"] == reverse("match_run", args=[run.pk])  # the poll


def test_while_a_run_is_under_way_the_page_polls_and_a_second_start_shows_that_run(world: World) -> None:
    client = client_for(world.counsellor)
    first = client.post(reverse("match_runs"), FORM)  # not committed in this test: it stays waiting
    job = Job.objects.get()
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, step="solve", done=3, total=10)
    page = client.get(first.url).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "30 %" in page
    assert "<html" in page
    partial = client.get(first.url, **HTMX).content.decode()
    assert partial.startswith('<section id="match-job"')
    assert 'value="30"' in partial
    again = client_for(world.colleague).post(reverse("match_runs"), FORM)
    assert again.url == first.url
    assert Job.objects.count() == 1
    assert reverse("match_job", args=[job.pk]) in client.get(reverse("match_runs")).content.decode()


def test_a_failed_run_says_so_and_stops_polling(
    world: World, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    def broken(**kwargs: Any) -> MatchRun:
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(jobs, "run_match", broken)
    client = client_for(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("match_runs"), FORM)
    page = client.get(started.url, **HTMX).content.decode()
    assert 'role="alert"' in page
    assert "hx-trigger" not in page
    assert "solver crashed" not in page
    assert Job.objects.get().error in page
    assert not MatchRun.objects.exists()
    assert reverse("match_job", args=[Job.objects.get().pk]) not in client.get(reverse("match_runs")).content.decode()


def test_a_run_lost_with_its_server_process_is_shown_as_interrupted(world: World) -> None:
    client = client_for(world.counsellor)
    started = client.post(reverse("match_runs"), FORM)
    Job.objects.update(status=Job.Status.RUNNING, deadline=timezone.now())
    page = client.get(started.url).content.decode()
    assert 'role="alert"' in page
    assert "hx-trigger" not in page
    assert client.post(reverse("match_runs"), FORM).url != started.url  # the office may start a new one

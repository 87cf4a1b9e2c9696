"""`kvp daily`: every job runs with today's date, and one failing job does not stop the others."""

from __future__ import annotations

import datetime
import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kvp.overview import daily
from kvp.overview.daily import JobResult, run_daily
from tests.overview.builders import TODAY


def test_it_runs_the_listed_jobs_with_today() -> None:
    seen: list[datetime.date] = []

    def job(today: datetime.date) -> str:
        seen.append(today)
        return "done"

    assert run_daily(today=TODAY, jobs=[job, job]) == [JobResult("job", "done", failed=False)] * 2
    assert seen == [TODAY, TODAY]


def _failing(today: datetime.date) -> str:
    raise ValueError("Kari Nordmann, 01018012345")  # what an exception message may carry


def _working(today: datetime.date) -> str:
    return "all well"


def test_it_runs_the_jobs_after_a_failed_one_and_logs_no_message_text(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="kvp.overview.daily"):
        results = run_daily(today=TODAY, jobs=[_failing, _working])
    assert results == [
        JobResult("_failing", "failed (ValueError); see the log", failed=True),
        JobResult("_working", "all well", failed=False),
    ]
    assert "_failing failed with ValueError" in caplog.text
    assert "test_daily.py" in caplog.text  # where it failed
    assert "Kari" not in caplog.text
    assert "01018012345" not in caplog.text


@pytest.mark.django_db
def test_the_command_reports_every_job_and_exits_with_the_failed_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(daily, "DAILY_JOBS", [_working, _failing, _working])
    out = StringIO()
    with pytest.raises(CommandError, match="1 of 3 daily jobs failed: _failing"):
        call_command("daily", "--today", TODAY.isoformat(), stdout=out, stderr=StringIO())
    assert out.getvalue().splitlines() == [
        "[1/3] _working: all well",
        "[2/3] _failing: failed (ValueError); see the log",
        "[3/3] _working: all well",
    ]

"""The daily job (`kvp daily`): a list of callables taking `today`, run in order. Each returns a one-line
summary and must be idempotent (running it twice the same day changes nothing). A job shows a progress
count for long work with `progress(label, total)`, which writes to the running command's terminal.

A job that fails does not stop the others: its failure is logged (where, not what: exception messages
can carry personal data) and reported, and the command exits with an error naming it.

To add a job, append a callable to DAILY_JOBS.
"""

from __future__ import annotations

import datetime
import logging
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.utils import timezone

from kvp.common.progress import ProgressBar
from kvp.followup.reminders import send_meeting_reminders
from kvp.motivation.services import schedule_due_checkins
from kvp.overview.alerts import alerts_refresh, participants_to_refresh
from kvp.programme.aftercare import schedule_aftercare
from kvp.reports.caseloads import snapshot_caseloads

DailyJob = Callable[[datetime.date], str]
Advance = Callable[[int], None]

logger = logging.getLogger(__name__)

_writer: ContextVar[Callable[[str], None] | None] = ContextVar("kvp_daily_writer", default=None)


def progress(label: str, total: int) -> tuple[Advance, Callable[[], None]]:
    """(advance, finish) for a progress count in the terminal of `kvp daily`; silent elsewhere."""
    write = _writer.get()
    if write is None:
        return (lambda count: None), (lambda: None)
    bar = ProgressBar(write, label=label, total=total)
    return bar.advance, bar.finish


def refresh_alerts(today: datetime.date) -> str:
    """Stored alerts for everyone with an open case (kvp.overview.alerts)."""
    ids = participants_to_refresh()
    advance, finish = progress("Alerts", len(ids))
    result = alerts_refresh(today=today, participant_ids=ids, on_progress=advance)
    finish()
    return (
        f"alerts for {result.participants:,} participants: {result.created:,} new, {result.updated:,} changed, "
        f"{result.removed:,} removed"
    )


def schedule_checkins(today: datetime.date) -> str:
    """Motivation check-ins due: monthly, and two weeks into each new placement (kvp.motivation)."""
    return f"check-ins scheduled: {schedule_due_checkins(today):,}"


def remind_meetings(today: datetime.date) -> str:
    """Reminders to participants of their meetings, in their language, at most once per meeting time."""
    return f"meeting reminders sent: {send_meeting_reminders(timezone.now()):,}"


def schedule_after_care(today: datetime.date) -> str:
    """Follow-ups 3, 6 and 12 months after a programme ends (E16)."""
    return f"after-care follow-ups scheduled: {schedule_aftercare(today):,}"


def snapshot_caseload(today: datetime.date) -> str:
    """This month's caseload per counsellor (E7)."""
    return f"caseload rows written: {snapshot_caseloads(today):,}"


# Check-ins first, so that the alerts see today's; reminders and after-care do not depend on the others.
DAILY_JOBS: list[DailyJob] = [
    schedule_checkins,
    refresh_alerts,
    remind_meetings,
    schedule_after_care,
    snapshot_caseload,
]


@contextmanager
def _writing_to(write: Callable[[str], None] | None) -> Iterator[None]:
    token = _writer.set(write)
    try:
        yield
    finally:
        _writer.reset(token)


@dataclass(frozen=True)
class JobResult:
    job: str
    summary: str
    failed: bool


def run_daily(
    *, today: datetime.date, jobs: list[DailyJob] | None = None, write: Callable[[str], None] | None = None
) -> list[JobResult]:
    """Run every job for `today`, each whether or not an earlier one failed; returns what each did."""
    with _writing_to(write):
        return [_run(job, today) for job in (DAILY_JOBS if jobs is None else jobs)]


def _run(job: DailyJob, today: datetime.date) -> JobResult:
    try:
        return JobResult(job=job.__name__, summary=job(today), failed=False)
    except Exception as error:  # one job's failure must not keep the others from running
        where = " <- ".join(
            f"{frame.filename}:{frame.lineno} {frame.name}" for frame in traceback.extract_tb(error.__traceback__)[::-1]
        )
        logger.error("daily job %s failed with %s at %s", job.__name__, type(error).__name__, where)
        return JobResult(job=job.__name__, summary=f"failed ({type(error).__name__}); see the log", failed=True)

"""The task backend jobs run on by default (kvp.common.jobs): a thread of the web process, no other server."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import connections
from django_tasks import TaskResult
from django_tasks.backends.immediate import ImmediateBackend


class ThreadBackend(ImmediateBackend):
    """Runs tasks on one background thread of the process that enqueued them: no other server is needed.
    Tasks wait their turn; a task that dies with its process is seen as lost by the job's deadline."""

    _pool: ThreadPoolExecutor | None = None
    _pool_lock = threading.Lock()

    @classmethod
    def pool(cls) -> ThreadPoolExecutor:
        with cls._pool_lock:  # made in the process that uses it, never before a fork
            if cls._pool is None:
                cls._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kvp-job")
            return cls._pool

    def _execute_task(self, task_result: TaskResult[Any]) -> None:
        self.pool().submit(self._execute_on_thread, task_result)

    def _execute_on_thread(self, task_result: TaskResult[Any]) -> None:
        try:
            super()._execute_task(task_result)
        finally:
            connections.close_all()  # the thread's own connections, which no request cycle closes

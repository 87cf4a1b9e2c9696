"""The probes answer without a login and say nothing about anyone; readiness follows the database."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext


def test_healthz_answers_without_asking_the_database(db: None) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert len(queries) == 0


def test_readyz_is_ready_when_every_migration_is_applied(db: None) -> None:
    response = Client().get("/readyz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_is_not_ready_with_a_migration_left_to_apply(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    graph_leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [(graph_leaves[0], False)])
    response = Client().get("/readyz")
    assert (response.status_code, response.json()) == (503, {"status": "unavailable", "migrations": "not applied"})


def test_readyz_is_not_ready_when_the_database_does_not_answer(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable() -> None:
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "ensure_connection", unreachable)
        response = Client().get("/readyz")
    assert (response.status_code, response.json()) == (503, {"status": "unavailable", "database": "unreachable"})

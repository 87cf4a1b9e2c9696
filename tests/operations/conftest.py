from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.operations.live import Databases


@pytest.fixture(scope="session")
def live_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """One migrated and seeded template per test session (migrating takes a while), copied for each test."""
    databases = Databases(tmp_path_factory.mktemp("live"))
    try:
        yield databases
    finally:
        databases.drop_all()

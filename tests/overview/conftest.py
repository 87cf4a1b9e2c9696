from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from tests.overview.builders import NOW


@pytest.fixture(autouse=True)
def _now() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield

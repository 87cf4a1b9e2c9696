"""Access-matrix rows for wishes and matching (see tests/test_access_matrix.py)."""

from __future__ import annotations

from tests.access import LOGIN, REASON, Endpoint, on_participant, roles


def matching_endpoints() -> list[Endpoint]:
    return [
        Endpoint("wishes", "get", on_participant("wishes"), roles(200, 200, REASON, 404, 200, 403, LOGIN)),
        Endpoint("wishes", "post", on_participant("wishes"), roles(302, 302, REASON, 404, 403, 403, LOGIN)),
    ]

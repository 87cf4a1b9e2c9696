"""Access-matrix rows for the reports (see tests/test_access_matrix.py). They show counts only: the
leader sees the office, a counsellor their own caseload; the outcome report is the leader's."""

from __future__ import annotations

from tests.access import LOGIN, Endpoint, plain, roles


def report_endpoints() -> list[Endpoint]:
    return [
        Endpoint("caseloads", "get", plain("caseloads"), roles(403, 200, 200, 200, 200, 403, LOGIN)),
        Endpoint("aftercare_outcomes", "get", plain("aftercare_outcomes"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
    ]

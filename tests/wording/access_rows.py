"""Access-matrix rows for the wording check and the leader's aggregate page (see tests/test_access_matrix.py)."""

from __future__ import annotations

from tests.access import LOGIN, Endpoint, plain, roles


def wording_endpoints() -> list[Endpoint]:
    return [
        # Staff who write texts check them; the answer is a partial, and nothing is stored.
        Endpoint(
            "wording_check",
            "post",
            plain("wording_check"),
            roles(403, 200, 200, 200, 200, 403, LOGIN),
            data=lambda w, c: {"wording_field": "text", "text": "Tolk er bestilt til møtet.", "wording_lang": "nb"},
        ),
        Endpoint("wording_summary", "get", plain("wording_summary"), roles(403, 403, 403, 403, 200, 403, LOGIN)),
    ]
